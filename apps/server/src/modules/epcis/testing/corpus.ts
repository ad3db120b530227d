// A varied, deterministic corpus of EPCIS 2.0 events (JSON-LD) for the query tests: every event type, identities
// written as EPC URNs and as GS1 Digital Links for the same objects, classes with quantities and units, places
// with a master-data hierarchy and attributes, parties, business transactions, extension fields at every scope
// (numbers, text, date-times, nested), ILMD, error declarations naming corrective events, and sensor data.
import { epcUriToDigitalLink } from '@txng/gs1';

export const NS = 'https://txng.example/ns1/';
export const CONTEXT = [{ n1: NS }];
export const SITE = 'urn:epc:id:sgln:8934567.00001.0';
export const ROOMS = ['urn:epc:id:sgln:8934567.00001.1', 'urn:epc:id:sgln:8934567.00001.2'];
export const SHELF = 'urn:epc:id:sgln:8934567.00001.11';
export const OTHER_SITE = 'urn:epc:id:sgln:8934567.00002.0';

function dl(urn: string): string {
  const r = epcUriToDigitalLink(urn);
  if (!r.ok) throw new Error(`no Digital Link for ${urn}`);
  return r.value;
}

/** Seeded pseudo-random numbers (a linear congruential generator), so the corpus is the same every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const sgtin = (serial: number) => `urn:epc:id:sgtin:8934567.012345.${serial}`;
export const lgtin = (lot: string) => `urn:epc:class:lgtin:8934567.012345.${lot}`;
export const sscc = (n: number) => `urn:epc:id:sscc:8934567.${String(1000000000 + n)}`;
export const pgln = (n: number) => `urn:epc:id:pgln:8934567.0000${n}`;

/** Master data in the document header: a site with rooms and a shelf (children), and attributes. */
export function masterData(): object {
  return {
    vocabularyList: [{
      type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
      vocabularyElementList: [
        { id: SITE, attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: 'Kho Yên Châu' }, { id: 'urn:epcglobal:cbv:mda#site', attribute: '8934567000018' }], children: ROOMS },
        { id: ROOMS[0], attributes: [{ id: 'urn:epcglobal:cbv:mda#sst', attribute: '201' }], children: [SHELF] },
        { id: ROOMS[1], attributes: [{ id: 'urn:epcglobal:cbv:mda#sst', attribute: '202' }] },
        { id: OTHER_SITE, attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: 'Kho Mộc Châu' }] },
      ],
    }],
  };
}

/** `count` events (JSON-LD objects), event times distinct and increasing from 2026-01-01T00:00Z by hours. */
export function corpus(count: number, seed = 7): Record<string, unknown>[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const places = [SITE, ...ROOMS, SHELF, OTHER_SITE];
  const out: Record<string, unknown>[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const time = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 + Math.floor(r() * 1000)).toISOString();
    const epc = (n: number) => (r() < 0.5 ? sgtin(n) : dl(sgtin(n)));
    const cls = (lot: string) => (r() < 0.5 ? lgtin(lot) : dl(lgtin(lot)));
    const quantity = () => ({ epcClass: cls(`L${1 + Math.floor(r() * 4)}`), quantity: Math.round(r() * 1000) / 10, ...(r() < 0.7 ? { uom: pick(['KGM', 'LTR']) } : {}) });
    const base: Record<string, unknown> = {
      eventTime: time, eventTimeZoneOffset: '+07:00',
      bizStep: pick(['shipping', 'receiving', 'packing', 'commissioning']),
      disposition: pick(['in_progress', 'in_transit', 'active']),
      readPoint: r() < 0.3 ? { id: pick(places), 'n1:zone': pick(['Z1', 'Z2']) } : { id: r() < 0.5 ? pick(places) : dl(pick(places)) },
      bizLocation: { id: pick(places) },
      'n1:lot': `LOT-${i % 5}`,
      'n1:temp': Math.round(r() * 400) / 10,
      'n1:when': new Date(Date.UTC(2026, 1, 1) + Math.floor(r() * 30) * 86_400_000).toISOString(),
      'n1:batch': { 'n1:line': pick(['A', 'B']), 'n1:shift': 1 + Math.floor(r() * 3) },
    };
    if (r() < 0.6) base.bizTransactionList = [{ type: pick(['po', 'inv']), bizTransaction: `urn:epcglobal:cbv:bt:8934567000018:${Math.floor(r() * 5)}` }];
    if (r() < 0.5) base.sourceList = [{ type: pick(['owning_party', 'possessing_party']), source: r() < 0.5 ? pgln(Math.floor(r() * 3)) : dl(pgln(Math.floor(r() * 3))) }];
    if (r() < 0.5) base.destinationList = [{ type: 'owning_party', destination: pgln(Math.floor(r() * 3)) }];
    if (r() < 0.3) {
      base.sensorElementList = [{
        sensorMetadata: { time, deviceID: `urn:epc:id:giai:8934567.DEV${i % 3}`, startTime: time, endTime: new Date(Date.parse(time) + 600_000).toISOString() },
        sensorReport: [
          { type: 'Temperature', value: Math.round(r() * 300) / 10, uom: 'CEL', component: pick(['x', 'y']) },
          { type: 'RelativeHumidity', minValue: Math.round(r() * 50), maxValue: 90, uom: 'A93', percRank: Math.round(r() * 100) },
          { type: 'Temperature', booleanValue: r() < 0.5, stringValue: pick(['ok', 'warn']), hexBinaryValue: pick(['0a1B', 'FF00']) },
        ],
        'n1:calibrated': r() < 0.5 ? 'yes' : 'no',
      }];
    }
    let event: Record<string, unknown>;
    switch (i % 5) {
      case 0: {
        const action = pick(['ADD', 'OBSERVE', 'DELETE']);
        event = { type: 'ObjectEvent', ...base, action, epcList: [epc(i), epc(i + 1)], quantityList: [quantity()] };
        if (action === 'ADD') event.ilmd = { 'n1:grade': 1 + Math.floor(r() * 3), 'n1:harvestDate': '2026-01-05' };
        if (r() < 0.4) event.persistentDisposition = r() < 0.5 ? { set: ['completeness_verified'] } : { unset: ['completeness_inferred'] };
        break;
      }
      case 1: event = { type: 'AggregationEvent', ...base, action: pick(['ADD', 'DELETE']), parentID: sscc(i % 7), childEPCs: [epc(i), epc(i + 2)], childQuantityList: [quantity()] }; break;
      case 2: event = { type: 'TransformationEvent', ...base, inputEPCList: [epc(i)], inputQuantityList: [quantity()], outputEPCList: [epc(i + 100)], outputQuantityList: [quantity()], transformationID: `urn:uuid:00000000-0000-4000-8000-${String(i % 4).padStart(12, '0')}` }; break;
      case 3: event = { type: 'TransactionEvent', ...base, action: 'ADD', parentID: sscc(i % 7), epcList: [epc(i)], bizTransactionList: [{ type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:8934567000018:${i % 4}` }] }; break;
      default: event = { type: 'AssociationEvent', ...base, action: 'ADD', parentID: `urn:epc:id:grai:8934567.00001.${i % 3}`, childEPCs: [epc(i)] };
    }
    if (r() < 0.4) {
      const id = `urn:uuid:6d1c9a4e-0000-4000-8000-${String(i).padStart(12, '0')}`;
      event.eventID = id;
      ids.push(id);
    }
    if (ids.length > 1 && r() < 0.12) {
      event.errorDeclaration = {
        declarationTime: new Date(Date.parse(time) + 86_400_000).toISOString(), reason: pick(['incorrect_data', 'did_not_occur']),
        correctiveEventIDs: [pick(ids)], 'n1:why': pick(['typo', 'scanner']),
      };
    }
    out.push(event);
  }
  return out;
}
