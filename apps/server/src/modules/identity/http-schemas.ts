// JSON schemas of the identity API: they validate requests, serialise responses (unknown fields are dropped)
// and generate the OpenAPI document.
import { API_PERMISSIONS, OFFICIAL_ROLES, ROLES, SECTORS } from '../../platform/auth/actor.ts';
import { ORGANIZATION_KINDS, ORGANIZATION_STATUSES } from './tables.ts';

const nullableString = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;
const uuid = { type: 'string', format: 'uuid' } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;

export const organizationInputProperties = {
  kind: { type: 'string', enum: ORGANIZATION_KINDS },
  name: { type: 'string', minLength: 2, maxLength: 300 },
  taxCode: nullableString(14),
  address: { type: 'string', minLength: 5, maxLength: 500 },
  communeId: { type: 'integer', minimum: 1 },
  representative: { type: 'string', minLength: 2, maxLength: 200 },
  phone: nullableString(20),
  email: nullableString(254),
  website: { type: ['string', 'null'], maxLength: 300, format: 'uri' },
  sectors: { type: 'array', items: { type: 'string', enum: SECTORS }, minItems: 1, maxItems: 3, uniqueItems: true },
  gs1CompanyPrefix: nullableString(12),
  gln: nullableString(13),
} as const;

export const registrationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['organization', 'admin', 'acceptTerms'],
  properties: {
    organization: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'name', 'address', 'communeId', 'representative', 'sectors'],
      properties: organizationInputProperties,
    },
    admin: {
      type: 'object',
      additionalProperties: false,
      required: ['fullName', 'email', 'password'],
      properties: {
        fullName: { type: 'string', minLength: 2, maxLength: 200 },
        email: { type: 'string', minLength: 3, maxLength: 254 },
        phone: nullableString(20),
        password: { type: 'string', minLength: 1, maxLength: 256 },
      },
    },
    acceptTerms: { type: 'boolean' },
    locale: { type: 'string', enum: ['vi', 'en'] },
  },
} as const;

export const organizationPatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: organizationInputProperties,
} as const;

export const organizationSchema = {
  type: 'object',
  properties: {
    id: uuid,
    kind: { type: 'string' },
    name: { type: 'string' },
    taxCode: { type: ['string', 'null'] },
    address: { type: 'string' },
    communeId: { type: 'integer' },
    representative: { type: 'string' },
    phone: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    website: { type: ['string', 'null'] },
    sectors: { type: 'array', items: { type: 'string' } },
    gs1CompanyPrefix: { type: ['string', 'null'] },
    gln: { type: ['string', 'null'] },
    status: { type: 'string', enum: ORGANIZATION_STATUSES },
    statusReason: { type: ['string', 'null'] },
    decidedAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const organizationListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ORGANIZATION_STATUSES },
    q: { type: 'string', maxLength: 200 },
    communeId: { type: 'integer', minimum: 1 },
    sector: { type: 'string', enum: SECTORS },
    kind: { type: 'string', enum: ORGANIZATION_KINDS },
    sort: { type: 'string', enum: ['name', '-name', 'createdAt', '-createdAt'] },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
    lang: { type: 'string' },
  },
} as const;

export const pageOf = (items: object) =>
  ({
    type: 'object',
    properties: { items: { type: 'array', items }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  }) as const;

export const reasonBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;

export const userSchema = {
  type: 'object',
  properties: {
    id: uuid,
    organizationId: { type: ['string', 'null'] },
    email: { type: 'string' },
    fullName: { type: 'string' },
    phone: { type: ['string', 'null'] },
    role: { type: 'string', enum: ROLES },
    scope: {
      type: 'object',
      properties: { sector: { type: ['string', 'null'] }, communeId: { type: ['integer', 'null'] }, departmentCode: { type: ['string', 'null'] } },
    },
    status: { type: 'string' },
    totpEnabled: { type: 'boolean' },
    locale: { type: 'string' },
    lastLoginAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

export const createdUserSchema = {
  type: 'object',
  properties: { user: userSchema, setupLink: { type: ['string', 'null'], description: 'Shown once: a link for the new person to choose a password.' } },
} as const;

const personProperties = {
  email: { type: 'string', minLength: 3, maxLength: 254 },
  fullName: { type: 'string', minLength: 2, maxLength: 200 },
  phone: nullableString(20),
  password: { type: 'string', minLength: 1, maxLength: 256 },
  locale: { type: 'string', enum: ['vi', 'en'] },
} as const;

export const organizationUserBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'fullName', 'role'],
  properties: { ...personProperties, role: { type: 'string', enum: ['org_admin', 'org_staff'] } },
} as const;

export const officialBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'fullName', 'role'],
  properties: {
    ...personProperties,
    role: { type: 'string', enum: OFFICIAL_ROLES },
    sector: { type: ['string', 'null'], enum: [...SECTORS, null] },
    communeId: { type: ['integer', 'null'], minimum: 1 },
    departmentCode: nullableString(40),
  },
} as const;

export const userPatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    fullName: { type: 'string', minLength: 2, maxLength: 200 },
    phone: nullableString(20),
    role: { type: 'string', enum: ROLES },
    status: { type: 'string', enum: ['active', 'disabled'] },
    sector: { type: ['string', 'null'], enum: [...SECTORS, null] },
    communeId: { type: ['integer', 'null'], minimum: 1 },
    departmentCode: nullableString(40),
    resetTotp: { type: 'boolean', description: 'Officials only: clears a lost second factor so the person enrols again.' },
  },
} as const;

export const apiKeySchema = {
  type: 'object',
  properties: {
    id: uuid,
    organizationId: uuid,
    name: { type: 'string' },
    prefix: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    state: { type: 'string', enum: ['active', 'expired', 'revoked'] },
    expiresAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
    lastUsedAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

export const apiKeyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'permissions'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    permissions: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: API_PERMISSIONS } },
    expiresAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;
