// JSON schemas of the trace API: they validate requests (unknown fields refused), serialise responses and
// generate the OpenAPI document.
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const strings = { type: 'array', items: str } as const;
const messages = { type: 'object', properties: { vi: str, en: str } } as const;
const quantity = { type: 'object', properties: { id: str, quantity: nullableNum, uom: nullableStr } } as const;
const document = { type: 'object', properties: { type: nullableStr, id: str } } as const;

export const traceQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string', maxLength: 2048, description: 'Any GS1 key in any form (GTIN, SGTIN, LGTIN, SSCC, GLN/SGLN), element string, scan data, GS1 Digital Link or EPC URI; or a URI this installation gave a lot or party.' },
    lot: { type: 'string', maxLength: 20, description: 'Lot code (AI 10) when `id` is a GTIN.' },
    direction: { type: 'string', enum: ['back', 'forward', 'both'], default: 'both' },
    depth: { type: 'integer', minimum: 1, maximum: 200, default: 25, description: 'Hops followed at most in each direction.' },
    limit: { type: 'integer', minimum: 10, maximum: 50_000, default: 5_000, description: 'Identities after which no further level is opened.' },
    lang: str,
  },
} as const;

export const exportQuery = {
  ...traceQuery,
  properties: { ...traceQuery.properties, format: { type: 'string', enum: ['xlsx', 'csv'], default: 'xlsx' } },
} as const;

export const fsmaQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['lots'],
  properties: {
    lots: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string', maxLength: 2048 }, description: 'Traceability lot codes: LGTINs in any GS1 form, or this installation\'s lot URIs.' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    format: { type: 'string', enum: ['xlsx', 'csv'], default: 'xlsx' },
    lang: str,
  },
} as const;

export const massBalanceQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: traceQuery.properties.id, lot: traceQuery.properties.lot, lang: str },
} as const;

const truncation = {
  type: 'object',
  properties: { reason: { type: 'string', enum: ['depth', 'size', 'events', 'start'] }, direction: nullableStr, limit: { type: 'integer' }, at: strings, count: { type: 'integer' }, messages },
} as const;

const party = {
  type: 'object',
  properties: { key: str, organizationId: nullableStr, name: str, gln: nullableStr, uri: nullableStr, registered: { type: 'boolean' } },
} as const;

export const massBalanceSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'exceeds', 'unknown'] },
    transformations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          eventIds: strings, time: str, organizationId: str, inputs: { type: 'array', items: quantity }, outputs: { type: 'array', items: quantity },
          inputNeeded: nullableNum, inputGiven: nullableNum, dimension: nullableStr, tolerancePercent: { type: 'number' }, status: str, reason: nullableStr,
        },
      },
    },
    holdings: { type: 'array', items: { type: 'object', properties: { party: str, dimension: nullableStr, cameIn: nullableNum, wentOut: nullableNum, status: str } } },
  },
} as const;

const node = {
  type: 'object',
  properties: {
    id: str, kind: str, gtin: nullableStr, lot: nullableStr, serial: nullableStr, sscc: nullableStr, gln: nullableStr,
    product: { type: ['object', 'null'], properties: { id: str, nameVi: str, nameEn: nullableStr, unit: str } },
    lotId: nullableStr,
    depth: { type: 'object', properties: { back: { type: ['integer', 'null'] }, forward: { type: ['integer', 'null'] } } },
    side: { type: 'string', enum: ['origin', 'back', 'forward', 'both'] },
    containerOnly: { type: 'boolean' }, recordedBy: strings, eventCount: { type: 'integer' },
    massBalance: { ...massBalanceSchema, type: ['object', 'null'] },
  },
} as const;

const link = { type: 'object', properties: { party: str, what: { type: 'array', items: quantity }, time: str, documents: { type: 'array', items: document }, eventIds: strings, bizStep: nullableStr } } as const;

export const eventSchema = {
  type: 'object',
  properties: {
    eventId: str, type: str, action: nullableStr, bizStep: nullableStr, disposition: nullableStr, time: str, timeZoneOffset: str, recordedBy: str,
    readPoint: nullableStr, bizLocation: nullableStr,
    sources: { type: 'array', items: { type: 'object', properties: { type: str, party: str } } },
    destinations: { type: 'array', items: { type: 'object', properties: { type: str, party: str } } },
    documents: { type: 'array', items: document },
    identities: { type: 'array', items: { type: 'object', properties: { id: str, role: str, quantity: nullableNum, uom: nullableStr } } },
  },
} as const;

export const traceSchema = {
  type: 'object',
  properties: {
    query: { type: 'object', properties: { input: str, id: str, kind: str, direction: str, depth: { type: 'integer' }, limit: { type: 'integer' } } },
    origin: strings,
    truncated: { type: 'boolean' },
    truncations: { type: 'array', items: truncation },
    nodes: { type: 'array', items: node },
    edges: { type: 'array', items: { type: 'object', properties: { from: str, to: str, kind: str, eventId: str, time: str, quantity: nullableNum, uom: nullableStr } } },
    parties: { type: 'array', items: party },
    movements: {
      type: 'array',
      items: { type: 'object', properties: { eventId: str, time: str, bizStep: nullableStr, from: nullableStr, to: nullableStr, what: { type: 'array', items: quantity }, documents: { type: 'array', items: document }, recordedBy: str } },
    },
    oneStep: { type: 'object', properties: { perspective: nullableStr, back: { type: 'array', items: link }, forward: { type: 'array', items: link } } },
    events: { type: 'array', items: eventSchema },
    cycles: { type: 'array', items: strings },
  },
} as const;

export const massBalanceResponse = {
  type: 'object',
  properties: { id: str, kind: str, balance: { ...massBalanceSchema, type: ['object', 'null'] }, parties: { type: 'array', items: party } },
} as const;

export const yieldParams = { type: 'object', required: ['productId'], properties: { productId: { type: 'string', format: 'uuid' } } } as const;

export const yieldBody = {
  type: 'object',
  additionalProperties: false,
  required: ['inputPerOutput'],
  properties: {
    inputPerOutput: { type: 'number', exclusiveMinimum: 0, maximum: 1000, description: 'Input units per output unit, e.g. 3.5 (kg fresh longan per kg dried).' },
    inputUom: { type: 'string', maxLength: 3, default: 'KGM' },
    outputUom: { type: 'string', maxLength: 3, default: 'KGM' },
    tolerancePercent: { type: 'number', minimum: 0, maximum: 100, default: 10 },
    note: { type: ['string', 'null'], maxLength: 500 },
  },
} as const;

export const yieldSchema = {
  type: 'object',
  properties: {
    productId: str, organizationId: str, inputPerOutput: { type: 'number' }, inputUom: str, outputUom: str, tolerancePercent: { type: 'number' }, note: nullableStr, updatedAt: str,
  },
} as const;
