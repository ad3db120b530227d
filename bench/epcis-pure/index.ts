// `npm run bench -- epcis-pure`: validation (schema + semantic rules) and CBV 2.0 event hashing of 1,000-event
// capture documents, in both bindings, as events per second on one core. The server's end-to-end capture
// target (issue 4) is 3,000 events/s per core including storage, so this stage must be well above it.
import { createHash } from 'node:crypto';
import { prepareCapture, warmUpSchemaValidators, writeXmlDocument, readEpcisJson, type EpcisDocument } from '@txng/epcis';
import { atLeast, type Bench, type Figure } from '../types.ts';

const EVENTS = 1000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

/** A realistic 1,000-event capture document; `round` makes every EPC new (no identifier is seen twice). */
function document(round: number): string {
  const events = Array.from({ length: EVENTS }, (_, n) => ({ i: round * EVENTS + n })).map(({ i }) => ({
    type: 'ObjectEvent',
    eventTime: new Date(Date.parse('2026-05-01T00:00:00Z') + i * 1000).toISOString(),
    eventTimeZoneOffset: '+07:00',
    epcList: Array.from({ length: 4 }, (_, j) => `urn:epc:id:sgtin:8934567.012345.${i * 4 + j}`),
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: 'urn:epc:id:sgln:8934567.00001.0' },
    bizLocation: { id: 'urn:epc:id:sgln:8934567.00002.0' },
    bizTransactionList: [{ type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:8934567000019:PO${i}` }],
    sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:8934567.00001' }],
    destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:8934567.00003' }],
    sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 20 + (i % 10), uom: 'CEL' }] }],
    'txng:lot': `LOT-${i % 50}`,
  }));
  return JSON.stringify({
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { txng: 'https://txng.sonla.gov.vn/epcis/' }],
    type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-05-02T00:00:00Z', epcisBody: { eventList: events },
  });
}

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Events per CPU-second (one core), so that other load on the machine does not distort the figure. */
function rate(run: (round: number) => number, rounds: number): number {
  run(0);
  run(0);
  const start = cpuSeconds();
  let events = 0;
  for (let i = 1; i <= rounds; i++) events += run(i);
  return events / (cpuSeconds() - start);
}

const bench: Bench = async ({ log }) => {
  warmUpSchemaValidators();
  const ROUNDS = 8;
  const json = Array.from({ length: 3 * (ROUNDS + 1) }, (_, r) => document(r));
  const xml = json.map((d) => writeXmlDocument(readEpcisJson(d).document as EpcisDocument));
  const nodeSha = (b: Uint8Array): Uint8Array => createHash('sha256').update(b).digest();
  let next = 0;
  const capture = (bodies: readonly string[], format: 'json' | 'xml', sha?: typeof nodeSha) => (): number => {
    const plan = prepareCapture(bodies[next++ % bodies.length]!, format, { now: NOW, ...(sha ? { sha256: sha } : {}) });
    if (!plan.ok || plan.events.length !== EVENTS) throw new Error(`benchmark document invalid: ${JSON.stringify(plan.documentErrors.slice(0, 2))}`);
    return plan.events.length;
  };
  const parseOnly = rate(() => (JSON.parse(json[0]!) as { epcisBody: { eventList: unknown[] } }).epcisBody.eventList.length, 20);
  const figures: Figure[] = [];
  for (const [metric, run] of [
    ['JSON-LD validate + hash (node:crypto SHA-256)', capture(json, 'json', nodeSha)],
    ['JSON-LD validate + hash (@noble/hashes SHA-256)', capture(json, 'json')],
    ['XML read + validate + hash (node:crypto SHA-256)', capture(xml, 'xml', nodeSha)],
  ] as const) {
    const value = rate(run, ROUNDS);
    log(`${metric}: ${Math.round(value)} events/s`);
    figures.push({ metric, value, unit: 'events/s', ...atLeast(value, 3000), reference: { label: 'JSON.parse only', value: parseOnly, unit: 'events/s' }, note: '1,000-event documents, events per CPU-second' });
  }
  return { name: 'epcis-pure', figures, notes: ['Validation = official EPCIS 2.0.1 JSON Schema (ajv, formats on) + semantic rules incl. GS1 keys; hash = CBV 2.0 event hash ID.'] };
};

export default bench;
