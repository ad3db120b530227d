// JSON schemas of the stamps API: they validate requests (unknown fields refused, every error reported with its
// pointer), serialise responses and document the API (OpenAPI).
import { FLAG_CODES, LAYOUT_PRESET_NAMES, REQUEST_STATUSES, STAMP_KINDS, STAMP_STATUSES } from './model.ts';

const uuid = { type: 'string', format: 'uuid' } as const;
const nullableUuid = { type: ['string', 'null'], format: 'uuid' } as const;
const dateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const mm = (min: number, max: number) => ({ type: 'number', minimum: min, maximum: max }) as const;
const reason = { type: 'string', minLength: 3, maxLength: 500 } as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;
export const serialParams = { type: 'object', required: ['serial'], properties: { serial: { type: 'string', minLength: 1, maxLength: 40 } } } as const;
export const organizationParams = { type: 'object', required: ['organizationId'], properties: { organizationId: uuid } } as const;

const paging = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
  lang: { type: 'string' },
} as const;

export const pageOf = (items: object) =>
  ({ type: 'object', properties: { items: { type: 'array', items }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }) as const;

const sheet = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'pageWidthMm', 'pageHeightMm', 'labelWidthMm', 'labelHeightMm', 'columns', 'rows', 'marginTopMm', 'marginLeftMm', 'gapXMm', 'gapYMm'],
  properties: {
    kind: { const: 'sheet' },
    pageWidthMm: mm(20, 5000),
    pageHeightMm: mm(20, 5000),
    labelWidthMm: mm(1, 1000),
    labelHeightMm: mm(1, 1000),
    columns: { type: 'integer', minimum: 1, maximum: 1000 },
    rows: { type: 'integer', minimum: 1, maximum: 1000 },
    marginTopMm: mm(0, 1000),
    marginLeftMm: mm(0, 1000),
    gapXMm: mm(0, 1000),
    gapYMm: mm(0, 1000),
  },
} as const;
const roll = { type: 'object', additionalProperties: false, required: ['kind', 'labelWidthMm', 'labelHeightMm'], properties: { kind: { const: 'roll' }, labelWidthMm: mm(1, 1000), labelHeightMm: mm(1, 1000) } } as const;
const preset = { type: 'object', additionalProperties: false, required: ['preset'], properties: { preset: { type: 'string', enum: LAYOUT_PRESET_NAMES } } } as const;

export const layoutSchema = { oneOf: [preset, sheet, roll] } as const;
const layoutOut = { type: 'object', additionalProperties: true } as const;

export const requestBody = {
  type: 'object',
  additionalProperties: false,
  required: ['productId', 'quantity', 'kind', 'layout'],
  properties: {
    productId: uuid,
    lotId: nullableUuid,
    quantity: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    kind: { type: 'string', enum: STAMP_KINDS },
    layout: layoutSchema,
    expectedRegionKm: { type: 'integer', minimum: 10, maximum: 5000 },
    note: { type: ['string', 'null'], maxLength: 1000 },
  },
} as const;

export const requestListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...paging, status: { type: 'string', enum: REQUEST_STATUSES }, organizationId: uuid, productId: uuid, decidable: { type: 'boolean' } },
} as const;

export const rejectBody = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason } } as const;

const check = { type: 'object', properties: { code: { type: 'string' }, passed: { type: ['boolean', 'null'] }, label: { type: 'string' }, params: { type: 'object', additionalProperties: true } } } as const;

export const requestSchema = {
  type: 'object',
  properties: {
    id: uuid,
    organizationId: uuid,
    productId: uuid,
    lotId: nullableUuid,
    quantity: { type: 'integer' },
    kind: { type: 'string' },
    layout: layoutOut,
    expectedRegionKm: { type: 'integer' },
    note: { type: ['string', 'null'] },
    status: { type: 'string' },
    checks: { type: ['array', 'null'], items: check },
    canDecide: { type: 'boolean' },
    decisionReason: { type: ['string', 'null'] },
    decidedBy: { type: ['string', 'null'] },
    decidedAt: dateTime,
    uriPrefix: { type: ['string', 'null'] },
    gtin: { type: ['string', 'null'] },
    lotCode: { type: ['string', 'null'] },
    issuedCount: { type: 'integer' },
    jobId: nullableUuid,
    createdBy: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const flag = { type: 'object', properties: { code: { type: 'string', enum: FLAG_CODES }, at: { type: 'string' }, params: { type: 'object', additionalProperties: true }, message: { type: 'string' } } } as const;

export const stampSchema = {
  type: 'object',
  properties: {
    serial: { type: 'string' },
    humanCode: { type: 'string' },
    seq: { type: 'integer' },
    uri: { type: 'string' },
    status: { type: 'string', enum: STAMP_STATUSES },
    requestId: uuid,
    organizationId: uuid,
    productId: uuid,
    lotId: nullableUuid,
    kind: { type: 'string' },
    printedAt: dateTime,
    activatedAt: dateTime,
    codeVerifiedAt: dateTime,
    scanCount: { type: 'integer' },
    firstScannedAt: dateTime,
    lastScannedAt: dateTime,
    flags: { type: 'array', items: flag },
    history: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export const stampListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...paging, requestId: uuid, lotId: uuid, status: { type: 'string', enum: STAMP_STATUSES }, from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 }, flagged: { type: 'boolean' } },
} as const;

const range = { type: 'object', additionalProperties: false, required: ['requestId', 'from', 'to'], properties: { requestId: uuid, from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } } } as const;
const serials = { type: 'array', minItems: 1, maxItems: 2000, items: { type: 'string', minLength: 1, maxLength: 300 } } as const;

export const activateBody = { type: 'object', additionalProperties: false, required: ['lotId'], properties: { lotId: uuid, serials, range } } as const;
export const voidBody = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason, status: { type: 'string', enum: ['void', 'lost'], default: 'void' } } } as const;
export const bulkVoidBody = { type: 'object', additionalProperties: false, required: ['reason', 'range'], properties: { reason, status: { type: 'string', enum: ['void', 'lost'], default: 'void' }, range } } as const;
export const recallBody = { type: 'object', additionalProperties: false, required: ['lotId', 'reason'], properties: { lotId: uuid, reason } } as const;

export const changeResultSchema = {
  type: 'object',
  properties: { changed: { type: 'integer' }, skipped: { type: 'object', additionalProperties: { type: 'integer' } }, notFound: { type: 'array', items: { type: 'string' } }, changeId: nullableUuid, ledgerId: { type: ['string', 'null'] } },
} as const;

export const labelsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 }, reprint: { type: 'boolean', default: false }, reason: { type: 'string', maxLength: 500 }, preset: { type: 'string', enum: LAYOUT_PRESET_NAMES }, lang: { type: 'string' } },
} as const;

export const verifyBody = { type: 'object', additionalProperties: false, required: ['uri', 'code'], properties: { uri: { type: 'string', minLength: 1, maxLength: 2048 }, code: { type: 'string', minLength: 1, maxLength: 40 } } } as const;
export const placeBody = { type: 'object', additionalProperties: false, required: ['latitude', 'longitude'], properties: { latitude: { type: 'number', minimum: -90, maximum: 90 }, longitude: { type: 'number', minimum: -180, maximum: 180 } } } as const;
export const quotaBody = { type: 'object', additionalProperties: false, required: ['yearlyLimit'], properties: { yearlyLimit: { type: 'integer', minimum: 0, maximum: 100_000_000 } } } as const;
export const resolveQuery = { type: 'object', additionalProperties: false, required: ['uri'], properties: { uri: { type: 'string', minLength: 1, maxLength: 2048 }, lang: { type: 'string' } } } as const;
