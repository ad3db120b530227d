// JSON schemas of the catalog API: they validate requests (unknown fields refused, every error reported with
// its pointer), serialise responses and generate the OpenAPI document.
import { SECTORS } from '../../platform/auth/actor.ts';
import { CERTIFICATION_KINDS, OCOP_STARS, PRODUCT_CATEGORIES, PROTECTED_MARK_KINDS, RISK_CLASSES, STANDARD_KINDS } from './model.ts';
import { PLACE_KINDS } from './tables.ts';

const uuid = { type: 'string', format: 'uuid' } as const;
const nullableUuid = { type: ['string', 'null'], format: 'uuid' } as const;
const str = (maxLength: number, minLength = 0) => ({ type: 'string', minLength, maxLength }) as const;
const nullableStr = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;
const date = { type: ['string', 'null'], format: 'date' } as const;
const nullableEnum = <T extends readonly unknown[]>(values: T) => ({ type: ['string', 'null'], enum: [...values, null] }) as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;

export const pageOf = (items: object) =>
  ({ type: 'object', properties: { items: { type: 'array', items }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }) as const;

const paging = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  lang: { type: 'string' },
} as const;

const standard = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'code'],
  properties: { kind: { type: 'string', enum: STANDARD_KINDS }, code: str(100, 1), title: nullableStr(300) },
} as const;

const certification = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'number', 'issuer'],
  properties: {
    kind: { type: 'string', enum: CERTIFICATION_KINDS },
    name: nullableStr(200),
    number: str(100, 1),
    issuer: str(300, 1),
    validFrom: date,
    validTo: date,
    fileId: nullableUuid,
  },
} as const;

export const productInputProperties = {
  gtin: nullableStr(20),
  nameVi: str(300, 2),
  nameEn: nullableStr(300),
  descriptionVi: nullableStr(5000),
  descriptionEn: nullableStr(5000),
  category: { type: 'string', enum: PRODUCT_CATEGORIES },
  sector: nullableEnum(SECTORS),
  unit: str(40, 1),
  shelfLifeDays: { type: ['integer', 'null'], minimum: 1, maximum: 36500 },
  brand: nullableStr(200),
  trademark: nullableStr(200),
  modelCode: nullableStr(100),
  standards: { type: 'array', maxItems: 20, items: standard },
  certifications: { type: 'array', maxItems: 20, items: certification },
  ocop: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['stars'],
    properties: { stars: { type: 'integer', enum: OCOP_STARS }, certificateNumber: nullableStr(100), decision: nullableStr(200), expiresOn: date },
  },
  protectedMark: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['kind', 'name'],
    properties: { kind: { type: 'string', enum: PROTECTED_MARK_KINDS }, name: str(200, 2) },
  },
  keyProduct: { type: 'boolean' },
  riskClass: nullableEnum(RISK_CLASSES),
  safetyWarnings: nullableStr(2000),
  originPlaceId: nullableUuid,
} as const;

export const productBody = { type: 'object', additionalProperties: false, required: ['nameVi', 'category', 'unit'], properties: productInputProperties } as const;
export const productPatchBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: productInputProperties } as const;

const image = { type: 'object', properties: { fileId: uuid, width: { type: 'integer' }, height: { type: 'integer' }, url: { type: 'string' }, thumbnailUrl: { type: 'string' } } } as const;

export const productSchema = {
  type: 'object',
  properties: {
    id: uuid,
    version: { type: 'integer' },
    organizationId: uuid,
    status: { type: 'string', enum: ['draft', 'published'] },
    gtin: { type: ['string', 'null'] },
    noGtinYet: { type: 'boolean' },
    ...Object.fromEntries(
      ['nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'category', 'sector', 'unit', 'brand', 'trademark', 'modelCode', 'riskClass', 'safetyWarnings', 'originPlaceId'].map((k) => [k, { type: ['string', 'null'] }]),
    ),
    shelfLifeDays: { type: ['integer', 'null'] },
    standards: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, code: { type: 'string' }, title: { type: ['string', 'null'] } } } },
    certifications: { type: 'array', items: { type: 'object', properties: { ...certification.properties, kind: { type: 'string' }, number: { type: 'string' }, issuer: { type: 'string' }, validFrom: { type: ['string', 'null'] }, validTo: { type: ['string', 'null'] }, fileId: { type: ['string', 'null'] } } } },
    ocop: { type: ['object', 'null'], properties: { stars: { type: 'integer' }, certificateNumber: { type: ['string', 'null'] }, decision: { type: ['string', 'null'] }, expiresOn: { type: ['string', 'null'] } } },
    protectedMark: { type: ['object', 'null'], properties: { kind: { type: 'string' }, name: { type: ['string', 'null'] } } },
    keyProduct: { type: 'boolean' },
    images: { type: 'array', items: image },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    publishedAt: { type: ['string', 'null'] },
  },
} as const;

export const productListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200 },
    status: { type: 'string', enum: ['draft', 'published'] },
    category: { type: 'string', enum: PRODUCT_CATEGORIES },
    ocopStars: { type: 'integer', enum: OCOP_STARS },
    riskClass: { type: 'string', enum: RISK_CLASSES },
    protectedMark: { type: 'string', enum: ['any', ...PROTECTED_MARK_KINDS] },
    keyProduct: { type: 'boolean' },
    communeId: { type: 'integer', minimum: 1 },
    sector: { type: 'string', enum: SECTORS },
    organizationId: uuid,
    sort: { type: 'string', enum: ['name', '-name', 'updatedAt', '-updatedAt'] },
    ...paging,
  },
} as const;

export const completenessSchema = {
  type: 'object',
  properties: {
    complete: { type: 'boolean' },
    missing: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, basis: { type: 'array', items: { type: 'string' } }, messages: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } } },
    },
    optionalEmpty: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const versionSchema = {
  type: 'object',
  properties: { version: { type: 'integer' }, recordedAt: { type: 'string' }, recordedBy: { type: ['string', 'null'] }, contentSha256: { type: 'string' }, content: { type: 'object', additionalProperties: true } },
} as const;

const placeInputProperties = {
  kind: { type: 'string', enum: PLACE_KINDS },
  name: str(200, 2),
  communeId: { type: ['integer', 'null'], minimum: 1 },
  address: nullableStr(500),
  latitude: { type: ['number', 'null'] },
  longitude: { type: ['number', 'null'] },
  gln: nullableStr(13),
  glnExtension: nullableStr(20),
  internalCode: nullableStr(40),
  plantingAreaCode: nullableStr(40),
  areaHa: { type: ['number', 'null'] },
  description: nullableStr(2000),
} as const;

export const placeBody = { type: 'object', additionalProperties: false, required: ['kind', 'name'], properties: placeInputProperties } as const;
export const placePatchBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: { ...placeInputProperties, archived: { type: 'boolean' } } } as const;

export const placeSchema = {
  type: 'object',
  properties: {
    id: uuid,
    version: { type: 'integer' },
    organizationId: uuid,
    kind: { type: 'string' },
    name: { type: 'string' },
    communeId: { type: ['integer', 'null'] },
    address: { type: ['string', 'null'] },
    latitude: { type: ['number', 'null'] },
    longitude: { type: ['number', 'null'] },
    gln: { type: ['string', 'null'] },
    glnExtension: { type: ['string', 'null'] },
    internalCode: { type: 'string' },
    plantingAreaCode: { type: ['string', 'null'] },
    areaHa: { type: ['number', 'null'] },
    description: { type: ['string', 'null'] },
    archived: { type: 'boolean' },
    epcisId: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const placeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { q: { type: 'string', maxLength: 200 }, kind: { type: 'string', enum: PLACE_KINDS }, communeId: { type: 'integer', minimum: 1 }, organizationId: uuid, includeArchived: { type: 'boolean' }, ...paging },
} as const;

const lotInputProperties = {
  lotCode: str(40, 1),
  productionDate: nullableStr(10),
  harvestDate: nullableStr(10),
  expiryDate: nullableStr(10),
  quantity: { type: ['number', 'null'], minimum: 0, maximum: 1e12 },
  unit: nullableStr(40),
  originPlaceId: nullableUuid,
  notes: nullableStr(2000),
} as const;

export const lotBody = { type: 'object', additionalProperties: false, required: ['productId', 'lotCode'], properties: { productId: uuid, ...lotInputProperties } } as const;
export const lotPatchBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: lotInputProperties } as const;

export const lotSchema = {
  type: 'object',
  properties: {
    id: uuid,
    version: { type: 'integer' },
    organizationId: uuid,
    productId: uuid,
    productVersion: { type: 'integer' },
    lotCode: { type: 'string' },
    productionDate: { type: ['string', 'null'] },
    harvestDate: { type: ['string', 'null'] },
    expiryDate: { type: ['string', 'null'] },
    quantity: { type: ['number', 'null'] },
    unit: { type: ['string', 'null'] },
    originPlaceId: { type: ['string', 'null'] },
    originPlaceVersion: { type: ['integer', 'null'] },
    notes: { type: ['string', 'null'] },
    gtin: { type: ['string', 'null'] },
    lgtin: { type: ['string', 'null'] },
    digitalLink: { type: ['string', 'null'] },
    epcClass: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const lotListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { q: { type: 'string', maxLength: 200 }, productId: uuid, originPlaceId: uuid, organizationId: uuid, ...paging },
} as const;
