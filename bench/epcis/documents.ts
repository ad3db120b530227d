// Capture documents for the benchmark: 1,000 JSON-LD events each, shaped like a province's daily traffic (object
// events of 2–4 items at farms and warehouses, aggregations into cases, transformations from lots, sensor readings,
// business transactions, parties, an extension field), every identifier new in every document.
import { ObjectEvent, type EpcisEvent } from '@txng/epcis';

export const EVENTS_PER_DOCUMENT = 1000;
const CP = '8934567';
const STEPS = ['receiving', 'shipping', 'commissioning', 'packing', 'storing', 'inspecting', 'loading', 'departing'];
const NS = 'https://txng.sonla.gov.vn/epcis/';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const sgtin = (serial: number) => `urn:epc:id:sgtin:${CP}.012345.${serial}`;
export const lot = (n: number) => `urn:epc:class:lgtin:${CP}.012345.L${n}`;
export const location = (n: number) => `urn:epc:id:sgln:${CP}.${pad(n % 100_000, 5)}.0`;
export const transaction = (n: number) => `urn:epcglobal:cbv:bt:${CP}000018:PO${n}`;
export const party = (n: number) => `urn:epc:id:pgln:${CP}.${pad(n % 100_000, 5)}`;
export const STEP_OF = (i: number) => STEPS[i % STEPS.length]!;

/** The i-th event as a JSON-LD object (bench documents) — deterministic. */
export function jsonEvent(i: number, base: number): Record<string, unknown> {
  const time = new Date(base + i * 30_000).toISOString();
  const e: Record<string, unknown> = {
    type: 'ObjectEvent', eventTime: time, eventTimeZoneOffset: '+07:00', action: i % 7 === 0 ? 'ADD' : 'OBSERVE',
    epcList: Array.from({ length: 2 + (i % 3) }, (_, j) => sgtin(i * 4 + j)),
    bizStep: STEP_OF(i), disposition: i % 2 ? 'in_transit' : 'in_progress',
    readPoint: { id: location(i % 500) }, bizLocation: { id: location((i % 500) + 500) },
    'txng:lot': `LOT-${i % 1000}`,
  };
  if (i % 3 === 0) e.quantityList = [{ epcClass: lot(i % 1000), quantity: (i % 50) + 0.5, uom: 'KGM' }];
  if (i % 5 === 0) e.bizTransactionList = [{ type: 'po', bizTransaction: transaction(Math.floor(i / 10)) }];
  if (i % 4 === 0) e.sourceList = [{ type: 'owning_party', source: party(i % 300) }];
  if (i % 4 === 0) e.destinationList = [{ type: 'owning_party', destination: party((i + 1) % 300) }];
  if (i % 10 === 0) e.sensorElementList = [{ sensorReport: [{ type: 'Temperature', value: 20 + (i % 10), uom: 'CEL' }] }];
  return e;
}

/** A 1,000-event JSON-LD capture document whose events are numbered from `first`. */
export function jsonDocument(first: number, base = Date.parse('2026-01-01T00:00:00Z')): string {
  const events = Array.from({ length: EVENTS_PER_DOCUMENT }, (_, n) => jsonEvent(first + n, base));
  return JSON.stringify({
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { txng: NS }],
    type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-01T00:00:00Z', epcisBody: { eventList: events },
  });
}

/** The same i-th event as a model event with an explicit eventID (bulk loading for the query benchmark). */
export function modelEvent(i: number, base: number): EpcisEvent {
  const j = jsonEvent(i, base);
  const { 'txng:lot': lotName, type: _t, ...rest } = j;
  return ObjectEvent.create({
    ...(rest as Omit<Extract<EpcisEvent, { type: 'ObjectEvent' }>, 'type' | 'extensions'>),
    eventID: `urn:uuid:00000000-0000-4000-8000-${pad(i, 12)}`,
    extensions: [{ ns: NS, name: 'lot', prefix: 'txng', value: lotName as string }],
  } as never);
}
