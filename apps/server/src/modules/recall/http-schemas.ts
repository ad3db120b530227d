// JSON schemas of the recall API: they validate requests (unknown fields refused), serialise responses and
// generate the OpenAPI document.
import { HOLDER_ACTIONS, HOLDER_STATUSES, SEVERITIES } from './model.ts';

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const messages = { type: 'object', properties: { vi: str, en: str } } as const;
const numbers = { type: 'object', additionalProperties: { type: 'number' } } as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

export const openBody = {
  type: 'object',
  additionalProperties: false,
  required: ['targets', 'reason', 'severity'],
  properties: {
    targets: {
      type: 'object',
      additionalProperties: false,
      description: 'Lots, items or shipments (any GS1 form), or a product\'s lots made between two dates.',
      properties: {
        ids: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', maxLength: 2048 } },
        productId: { type: 'string', format: 'uuid' },
        from: { type: ['string', 'null'], format: 'date' },
        to: { type: ['string', 'null'], format: 'date' },
      },
    },
    reason: { type: 'string', minLength: 5, maxLength: 2000 },
    severity: { type: 'string', enum: SEVERITIES },
    instructions: { type: ['string', 'null'], maxLength: 2000 },
    contact: { type: ['string', 'null'], maxLength: 300 },
  },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['open', 'closed'] },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
    lang: str,
  },
} as const;

export const actionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['holder', 'action'],
  properties: {
    holder: { type: 'string', maxLength: 2048, description: 'The holder key (`org:<id>`, or a partner\'s identifier).' },
    action: { type: 'string', enum: HOLDER_ACTIONS },
    quantity: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 1e9 },
    uom: { type: ['string', 'null'], maxLength: 3 },
    note: { type: ['string', 'null'], maxLength: 1000 },
  },
} as const;

export const closeBody = { type: 'object', additionalProperties: false, properties: { note: { type: ['string', 'null'], maxLength: 2000 } } } as const;
export const formatQuery = { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['xlsx', 'csv'], default: 'xlsx' }, lang: str } } as const;
export const statusQuery = {
  type: 'object', additionalProperties: false, required: ['id'],
  properties: { id: { type: 'string', maxLength: 2048 }, lot: { type: 'string', maxLength: 20 }, lang: str },
} as const;
export const noticeParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', pattern: '^TH-\\d{4}-\\d{4,}$' } } } as const;

const summaryProps = {
  id: str, number: str, status: str, severity: str, severityLabel: messages, reason: str, instructions: nullableStr, contact: nullableStr, organizationId: str,
  openerKind: str, openedByLabel: str, openedAt: str, closedAt: nullableStr,
  criteria: { type: 'object', properties: { ids: { type: 'array', items: str }, productId: str, from: nullableStr, to: nullableStr } },
  targets: { type: 'array', items: str }, truncated: { type: 'boolean' },
} as const;

export const summarySchema = { type: 'object', properties: summaryProps } as const;
export const pageSchema = { type: 'object', properties: { items: { type: 'array', items: summarySchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } } as const;

const holder = {
  type: 'object',
  properties: {
    key: str, visible: { type: 'boolean' }, organizationId: nullableStr, name: nullableStr,
    contact: { type: ['object', 'null'], properties: { address: nullableStr, phone: nullableStr, email: nullableStr, representative: nullableStr, gln: nullableStr, uri: nullableStr } },
    communeId: { type: ['integer', 'null'] }, latitude: nullableNum, longitude: nullableNum, registered: { type: 'boolean' }, direct: { type: 'boolean' },
    suppliedBy: { type: 'array', items: str },
    amounts: { type: 'array', items: { type: 'object', properties: { id: str, container: { type: 'boolean' }, dimension: nullableStr, received: nullableNum, passedOn: nullableNum, held: nullableNum } } },
    held: numbers, returned: numbers, destroyed: numbers, status: { type: 'string', enum: HOLDER_STATUSES },
    notifiedAt: nullableStr, acknowledgedAt: nullableStr, firstReceivedAt: nullableStr, canAct: { type: 'boolean' },
  },
} as const;

export const campaignSchema = {
  type: 'object',
  properties: {
    ...summaryProps,
    closingNote: nullableStr, closedByLabel: nullableStr, scopeComputedAt: str,
    truncations: { type: 'array', items: { type: 'object', properties: { reason: str, direction: nullableStr, limit: { type: 'integer' }, at: { type: 'array', items: str }, count: { type: 'integer' }, messages } } },
    openEventIds: { type: 'array', items: str }, closeEventIds: { type: 'array', items: str },
    report: {
      type: ['object', 'null'],
      properties: {
        affected: { type: 'integer' }, holders: { type: 'integer' }, registeredHolders: { type: 'integer' }, unreachable: { type: 'integer' }, acknowledged: { type: 'integer' },
        completed: { type: 'integer' }, truncated: { type: 'boolean' }, openedAt: str, closedAt: str, hoursOpen: { type: 'number' },
        quantities: { type: 'object', additionalProperties: { type: 'object', properties: { held: { type: 'number' }, returned: { type: 'number' }, destroyed: { type: 'number' } } } },
      },
    },
    affectedCount: { type: 'integer' },
    summary: { type: 'object', properties: { holders: { type: 'integer' }, direct: { type: 'integer' }, notified: { type: 'integer' }, unreachable: { type: 'integer' }, acknowledged: { type: 'integer' }, completed: { type: 'integer' } } },
    holders: { type: 'array', items: holder },
    actions: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' }, holderKey: str, action: str, quantity: nullableNum, uom: nullableStr, note: nullableStr, recordedByLabel: nullableStr, recordedAt: str } },
    },
    canClose: { type: 'boolean' },
  },
} as const;

export const statusSchema = {
  type: 'object',
  properties: {
    recalled: { type: 'boolean' },
    notice: { type: ['object', 'null'], properties: { number: str, severity: str, status: str, reason: str, instructions: nullableStr, contact: nullableStr, since: str, url: nullableStr } },
    messages,
  },
} as const;
