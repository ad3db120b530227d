// The query language through GET /epcis/events, one test per parameter family, against the reference evaluator
// of @txng/epcis (`matches`/`applyQuery`) as the oracle: the same stored events and the same query string must
// select the same events. The corpus mixes canonical GS1 examples with generated events (testing/corpus.ts).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyQuery, masterDataContext, orderKey, parseQueryParameters, readEpcisJson, type EpcisDocument, type EpcisEvent, type MatchContext, type Vocabulary,
} from '@txng/epcis';
import { rows } from '../../../platform/db/database.ts';
import { createTestSystem, type TestSystem } from '../../../../test/harness.ts';
import { CONTEXT, corpus, masterData, NS, OTHER_SITE, pgln, ROOMS, sgtin, SITE, sscc } from '../testing/corpus.ts';
import { capture, organizationWithKey, provinceAdmin, readConformance, type TestOrganization } from '../testing/support.ts';

let t: TestSystem;
let org: TestOrganization;
let stored: EpcisEvent[];
let ctx: MatchContext;
const EXTENSIONS = { 'GS1-Extensions': `n1=${NS}` };

const CANONICAL = [
  'gs1-EPCIS/JSON/Example_9.6.1-ObjectEvent.jsonld', 'gs1-EPCIS/JSON/Example_9.6.3-AggregationEvent.jsonld',
  'gs1-EPCIS/JSON/Example_9.6.4-TransformationEvent.jsonld', 'gs1-EPCIS/JSON/WithSensorData/SensorDataExample1.jsonld',
  'gs1-EPCIS/JSON/WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld', 'gs1-EPCIS/XML/Example-TransactionEvent-2020_07_03y.xml',
  'gs1-EPCIS/XML/WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.xml',
];

beforeAll(async () => {
  t = await createTestSystem();
  org = await organizationWithKey(t, await provinceAdmin(t));
  const generated = JSON.stringify({
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', ...CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0',
    creationDate: '2026-01-01T00:00:00Z', epcisHeader: { epcisMasterData: masterData() }, epcisBody: { eventList: corpus(150) },
  });
  const vocabularies: Vocabulary[] = [...((readEpcisJson(generated).document as EpcisDocument).vocabularyList ?? [])];
  for (const [file, text] of [['generated.jsonld', generated] as const, ...CANONICAL.map((f) => [f, readConformance(f)] as const)]) {
    const res = await capture(org.key, text, file);
    if (res.statusCode !== 202) throw new Error(`${file}: ${res.body}`);
  }
  // The oracle's events: exactly what the repository holds, in capture order.
  stored = (await rows<{ body: EpcisEvent }>(t.db.orm, sql`select body from epcis.events where organization_id = ${org.id}::uuid order by seq`)).map((r) => r.body);
  ctx = masterDataContext(vocabularies);
}, 300_000);
afterAll(async () => t?.close());

async function server(query: string): Promise<string[]> {
  const res = await org.key('GET', `/epcis/events?perPage=1000&${query}`, undefined, { ...EXTENSIONS, 'GS1-EPC-Format': 'Never_Translates' });
  expect(res.statusCode, `${query}: ${res.body.slice(0, 400)}`).toBe(200);
  expect(res.headers.link, query).toBeUndefined();
  return (res.json().epcisBody.queryResults.resultsBody.eventList as EpcisEvent[]).map((e) => `${e.eventID}${e.errorDeclaration ? '#declaration' : ''}`);
}

function oracle(query: string): EpcisEvent[] {
  const parsed = parseQueryParameters(new URLSearchParams(query), { namespaces: { n1: NS } });
  if (!parsed.ok) throw new Error(`${query}: ${JSON.stringify(parsed.errors)}`);
  const out = applyQuery(stored, parsed.query, ctx);
  if (out.tooLarge) throw new Error('too large');
  return [...out.events];
}

const key = (e: EpcisEvent) => `${e.eventID}${e.errorDeclaration ? '#declaration' : ''}`;
const enc = encodeURIComponent;

/** Runs every query of a family; each must agree with the oracle, and the family must select something. */
async function family(queries: readonly string[]): Promise<void> {
  let selective = 0;
  for (const q of queries) {
    const expected = oracle(q).map(key);
    const got = await server(q);
    expect([...got].sort(), q).toEqual([...expected].sort());
    if (expected.length > 0 && expected.length < stored.length) selective++;
  }
  expect(selective, 'some query of the family selects some but not all events').toBeGreaterThan(0);
}

const iso = (d: string) => enc(d);

describe('query language vs the reference evaluator', () => {
  it('eventType', () => family(['eventType=ObjectEvent', 'eventType=AggregationEvent|TransformationEvent', 'eventType=AssociationEvent']));
  it('GE_/LT_ eventTime and recordTime', () => family([
    `GE_eventTime=${iso('2026-01-03T00:00:00Z')}`, `LT_eventTime=${iso('2026-01-03T07:00:00+07:00')}`,
    `GE_eventTime=${iso('2026-01-02T00:00:00Z')}&LT_eventTime=${iso('2026-01-04T00:00:00Z')}`, `GE_recordTime=${iso('2000-01-01T00:00:00Z')}&EQ_bizStep=shipping`,
    `LT_recordTime=${iso('2000-01-01T00:00:00Z')}`,
  ]));
  it('EQ_action', () => family(['EQ_action=ADD', 'EQ_action=OBSERVE|DELETE']));
  it('EQ_bizStep, EQ_disposition in any spelling', () => family([
    'EQ_bizStep=shipping', `EQ_bizStep=${enc('urn:epcglobal:cbv:bizstep:receiving')}`, `EQ_bizStep=${enc('https://ref.gs1.org/cbv/BizStep-packing')}`,
    'EQ_disposition=in_transit|active', `EQ_disposition=${enc('urn:epcglobal:cbv:disp:in_progress')}`,
  ]));
  it('EQ_persistentDisposition_set / _unset', () => family(['EQ_persistentDisposition_set=completeness_verified', 'EQ_persistentDisposition_unset=completeness_inferred']));
  it('EQ_ and WD_ readPoint and bizLocation (master-data hierarchy, URN or Digital Link)', () => family([
    `EQ_readPoint=${enc(SITE)}`, `EQ_readPoint=${enc('https://id.gs1.org/414/8934567000018')}`, `WD_readPoint=${enc(SITE)}`, `WD_readPoint=${enc(ROOMS[0]!)}`,
    `EQ_bizLocation=${enc(OTHER_SITE)}`, `WD_bizLocation=${enc(SITE)}`, `EQ_bizLocation=${enc(`${ROOMS[1]}|${OTHER_SITE}`)}`,
  ]));
  it('EQ_transformationID', () => family([`EQ_transformationID=${enc('urn:uuid:00000000-0000-4000-8000-000000000002')}`]));
  it('MATCH_ identities and classes, exact values in either form and EPC patterns', () => family([
    `MATCH_epc=${enc(sgtin(10))}`, `MATCH_epc=${enc('https://id.gs1.org/01/08934567123457/21/11')}`, `MATCH_epc=${enc('urn:epc:idpat:sgtin:8934567.012345.*')}`,
    `MATCH_epc=${enc('urn:epc:idpat:sgtin:8934567.*.*')}`, `MATCH_epc=${enc('urn:epc:idpat:sgtin:0614141.107346.*')}`,
    `MATCH_parentID=${enc(sscc(3))}`, `MATCH_parentID=${enc('urn:epc:idpat:sscc:8934567.*')}`, `MATCH_inputEPC=${enc(sgtin(12))}`,
    `MATCH_outputEPC=${enc('urn:epc:idpat:sgtin:8934567.012345.*')}`, `MATCH_anyEPC=${enc(sgtin(12))}|${enc(sscc(1))}`,
    `MATCH_epcClass=${enc('urn:epc:class:lgtin:8934567.012345.L1')}`, `MATCH_epcClass=${enc('urn:epc:idpat:sgtin:8934567.012345.*')}`,
    `MATCH_inputEPCClass=${enc('https://id.gs1.org/01/08934567123457/10/L2')}`, `MATCH_outputEPCClass=${enc('urn:epc:class:lgtin:8934567.012345.L3')}`,
    `MATCH_anyEPCClass=${enc('urn:epc:class:lgtin:8934567.012345.L4')}`,
  ]));
  it('EQ_/GT_/GE_/LT_/LE_quantity, with and without a unit', () => family([
    'EQ_quantity=50', 'GT_quantity=50', 'GE_quantity=25.5', 'LT_quantity=10', 'LE_quantity=40', 'GT_quantity_KGM=50', 'LE_quantity_LTR=30',
  ]));
  it('EQ_eventID', async () => {
    const ids = stored.slice(0, 12).map((e) => e.eventID!);
    await family([`EQ_eventID=${ids.map(enc).join('|')}`, `EQ_eventID=${enc(ids[3]!)}`]);
  });
  it('error declarations: EXISTS_, declaration time (both spellings), reason, corrective events', async () => {
    const corrective = stored.flatMap((e) => e.errorDeclaration?.correctiveEventIDs ?? []);
    await family([
      'EXISTS_errorDeclaration', `GE_errorDeclarationTime=${iso('2026-01-03T00:00:00Z')}`, `LT_errorDeclaration_Time=${iso('2026-01-05T00:00:00Z')}`,
      'EQ_errorReason=incorrect_data', `EQ_errorReason=${enc('urn:epcglobal:cbv:er:did_not_occur')}`, `EQ_correctiveEventID=${enc(corrective[0]!)}`,
    ]);
  });
  it('EQ_bizTransaction_type, EQ_source_type, EQ_destination_type', () => family([
    `EQ_bizTransaction_po=${enc('urn:epcglobal:cbv:bt:8934567000018:1')}`, `EQ_bizTransaction_inv=${enc('urn:epcglobal:cbv:bt:8934567000018:2|urn:epcglobal:cbv:bt:8934567000018:3')}`,
    `EQ_source_owning_party=${enc(pgln(1))}`, `EQ_source_possessing_party=${enc('https://id.gs1.org/417/8934567000025')}`, `EQ_destination_owning_party=${enc(pgln(2))}`,
  ]));
  it('extension fields: EQ_/GT_/GE_/LT_/LE_/EXISTS_ at the top level and INNER_', () => family([
    'EQ_n1:lot=LOT-1', 'EQ_n1:lot=LOT-2|LOT-3', 'GT_n1:temp=20', 'LE_n1:temp=10.5', `GE_n1:when=${iso('2026-02-15T00:00:00Z')}`, `LT_n1:when=${iso('2026-02-10T00:00:00Z')}`,
    'EXISTS_n1:lot', 'EQ_INNER_n1:line=A', 'GE_INNER_n1:shift=2', 'EXISTS_INNER_n1:shift', 'EQ_n1:line=A',
    `EQ_${enc('https://txng.example/ns1/lot')}=LOT-4`,
  ]));
  it('extension fields in ILMD, error declarations, places and sensor elements', () => family([
    'EQ_ILMD_n1:grade=2', 'GT_ILMD_n1:grade=1', 'EXISTS_ILMD_n1:harvestDate', 'EQ_ERROR_DECLARATION_n1:why=typo', 'EXISTS_ERROR_DECLARATION_n1:why',
    'EQ_readPoint_n1:zone=Z1', 'EQ_SENSORELEMENT_n1:calibrated=yes',
  ]));
  it('HASATTR_ and EQ_ATTR_ (master data attributes)', () => family([
    `HASATTR_bizLocation=${enc('urn:epcglobal:cbv:mda#sst')}`, 'HASATTR_bizLocation=name', 'EQ_ATTR_bizLocation_sst=201', `EQ_ATTR_readPoint_name=${enc('Kho Mộc Châu')}`,
  ]));
  it('sensor data: EXISTS_sensorElementList, times, string, boolean and number fields', () => family([
    'EXISTS_sensorElementList', `GE_time=${iso('2026-01-03T00:00:00Z')}`, `LT_startTime=${iso('2026-01-04T00:00:00Z')}`, `GE_endTime=${iso('2026-01-05T00:00:00Z')}`,
    'EQ_type=Temperature', `EQ_type=${enc('gs1:RelativeHumidity')}`, `EQ_deviceID=${enc('urn:epc:id:giai:8934567.DEV1')}`, 'EQ_stringValue=warn',
    'EQ_hexBinaryValue=0A1B', 'EQ_booleanValue=true', 'EQ_component=x', 'GT_value_CEL=20', 'EQ_value_CEL=12.5|20', 'GE_minValue_A93=25', 'LT_percRank=50',
  ]));
  it('orderBy / orderDirection / eventCountLimit on eventTime, recordTime and an extension field', async () => {
    for (const q of ['orderBy=eventTime&orderDirection=ASC&EXISTS_n1:lot', 'orderBy=eventTime&EXISTS_n1:lot', 'orderBy=n1:temp&orderDirection=DESC&EXISTS_n1:lot',
      'orderBy=n1:temp&orderDirection=ASC&EXISTS_n1:lot', 'orderBy=eventTime&eventCountLimit=7&orderDirection=ASC&EXISTS_n1:lot', 'orderBy=recordTime&orderDirection=ASC&EQ_bizStep=shipping']) {
      const parsed = parseQueryParameters(new URLSearchParams(q), { namespaces: { n1: NS } });
      if (!parsed.ok) throw new Error(q);
      const expected = oracle(q);
      const got = await server(q);
      expect([...got].sort(), q).toEqual(expected.map(key).sort());
      // Same order as the oracle's order keys (events with equal keys may come in either order).
      const keys = got.map((id) => orderKey(stored.find((e) => key(e) === id)!, parsed.query));
      expect(keys, q).toEqual(expected.map((e) => orderKey(e, parsed.query)));
    }
  });
  it('maxEventCount: QueryTooLargeException (413) when more events match', async () => {
    const all = oracle('EXISTS_n1:lot').length;
    expect((await org.key('GET', `/epcis/events?EXISTS_n1:lot&maxEventCount=${all - 1}`, undefined, EXTENSIONS)).statusCode).toBe(413);
    expect(await server(`EXISTS_n1:lot&maxEventCount=${all}`)).toHaveLength(all);
  });
});
