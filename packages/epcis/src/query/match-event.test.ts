// The in-memory evaluator, per parameter family: which of a few rich events each query selects.
import { computeCheckDigit } from '@txng/gs1';
import { describe, expect, test } from 'vitest';
import { AggregationEvent, ObjectEvent, TransactionEvent, TransformationEvent } from '../model/event-types.ts';
import type { EpcisEvent } from '../model/types.ts';
import { applyQuery } from './apply-query.ts';
import { masterDataContext } from './match-fields.ts';
import { matchesQuery } from './match-event.ts';
import { parseQueryParameters } from './parse-query.ts';

const EX = 'https://ns.example.com/epcis/';
const NS = { example: EX };
const gln = (d: string): string => d + computeCheckDigit(d);
const ex = (name: string, value: string | number): { ns: string; name: string; value: string | number } => ({ ns: EX, name, value });

const EVENTS: Readonly<Record<string, EpcisEvent>> = {
  obj: ObjectEvent.create({
    eventTime: '2026-01-02T00:00:00+07:00', eventTimeZoneOffset: '+07:00', recordTime: '2026-01-02T01:00:00Z', eventID: 'urn:uuid:obj',
    action: 'ADD', epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/09506000134352/21/42'],
    quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 200, uom: 'KGM' }],
    bizStep: 'shipping', disposition: 'in_transit', persistentDisposition: { set: ['recalled'] },
    readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234', extensions: [ex('gs1ES', '(414)0614141073467')] },
    bizLocation: { id: `https://id.gs1.org/414/${gln('061414100888')}` },
    bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epc:id:gdti:0614141.00001.1618034' }],
    sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:4012345.00225' }],
    destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:0614141.00777.0' }],
    sensorElementList: [{
      sensorMetadata: { time: '2026-01-01T10:00:00Z', startTime: '2026-01-01T09:00:00Z', endTime: '2026-01-01T11:00:00Z', deviceID: 'urn:epc:id:giai:4000001.111', bizRules: 'https://example.com/rules' },
      sensorReport: [{
        type: 'Temperature', value: 26, uom: 'CEL', minValue: 25, maxValue: 27, meanValue: 26, sDev: 0.5, percRank: 50, percValue: 26.1,
        booleanValue: true, stringValue: 'ok', hexBinaryValue: 'f0f0', uriValue: 'https://example.org/x', exception: 'ALARM_CONDITION',
        microorganism: 'https://www.ncbi.nlm.nih.gov/taxonomy/1126011', chemicalSubstance: 'https://identifiers.org/inchikey:X', dataProcessingMethod: 'https://example.com/m',
        extensions: [ex('y', 'z')],
      }],
      extensions: [ex('cv', '123')],
    }],
    ilmd: [ex('lot', 'L1'), { ns: EX, name: 'quality', children: [ex('grade', 2)] }],
    errorDeclaration: { declarationTime: '2026-02-01T00:00:00Z', reason: 'incorrect_data', correctiveEventIDs: ['urn:uuid:fix'], extensions: [ex('vendorExtension', 'Test1')] },
    extensions: [ex('myField', 'A'), ex('weight', 5), ex('time', '2026-01-01T00:00:00Z'), { ns: EX, name: 'obj', children: [ex('sub', 'x')] }],
  }),
  agg: AggregationEvent.create({
    eventTime: '2025-06-01T00:00:00Z', eventTimeZoneOffset: '+00:00', action: 'OBSERVE', parentID: 'urn:epc:id:sscc:0614141.1234567890',
    childEPCs: ['urn:epc:id:sgtin:0614141.107346.3000'], childQuantityList: [{ epcClass: 'urn:epc:idpat:sgtin:4012345.012345.*', quantity: 150, uom: 'KGM' }],
    bizStep: 'packing',
  }),
  trans: TransformationEvent.create({
    eventTime: '2025-05-01T00:00:00Z', eventTimeZoneOffset: '+00:00', inputEPCList: ['urn:epc:id:sgtin:0614141.107346.4000'],
    outputEPCList: ['urn:epc:id:sgtin:9506000.013435.7'], outputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:9506000.013435.B7', quantity: 3 }],
    transformationID: 'urn:epc:id:gdti:0614141.12345.400',
  }),
  txn: TransactionEvent.create({
    eventTime: '2025-04-01T00:00:00Z', eventTimeZoneOffset: '+00:00', action: 'OBSERVE', parentID: 'urn:epc:id:sscc:0614141.1234567891',
    bizTransactionList: [{ type: 'inv', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:INV1' }], epcList: [],
  }),
};

const master = masterDataContext([{
  type: 'urn:epcglobal:epcis:vtype:ReadPoint',
  vocabularyElementList: [
    { id: 'urn:epc:id:sgln:0614141.07346.0', children: ['urn:epc:id:sgln:0614141.07346.1234'] },
    { id: `https://id.gs1.org/414/${gln('061414100888')}`, attributes: [{ id: 'urn:epcglobal:cbv:mda#sst', value: '201' }] },
  ],
}]);

/** [parameters, names of the events selected] */
const CASES: readonly [Record<string, unknown>, readonly string[]][] = [
  [{ eventType: ['ObjectEvent'] }, ['obj']],
  [{ eventType: ['AggregationEvent', 'TransformationEvent'] }, ['agg', 'trans']],
  [{ GE_eventTime: '2026-01-01T00:00:00Z' }, ['obj']],
  [{ LT_eventTime: '2026-01-01T17:00:00Z' }, ['agg', 'trans', 'txn']],
  [{ GE_recordTime: '2026-01-01T00:00:00Z' }, ['obj']],
  [{ LT_recordTime: '2026-01-01T00:00:00Z' }, []],
  [{ EQ_action: ['OBSERVE'] }, ['agg', 'txn']],
  [{ EQ_bizStep: ['urn:epcglobal:cbv:bizstep:shipping'] }, ['obj']],
  [{ EQ_disposition: ['in_transit'] }, ['obj']],
  [{ EQ_persistentDisposition_set: ['recalled'] }, ['obj']],
  [{ EQ_persistentDisposition_unset: ['recalled'] }, []],
  [{ EQ_readPoint: [`https://id.gs1.org/414/${gln('061414107346')}/254/1234`] }, ['obj']],
  [{ WD_readPoint: ['urn:epc:id:sgln:0614141.07346.0'] }, ['obj']],
  [{ EQ_readPoint: ['urn:epc:id:sgln:0614141.07346.0'] }, []],
  [{ EQ_bizLocation: ['urn:epc:id:sgln:0614141.00888.0'] }, ['obj']],
  [{ EQ_transformationID: ['urn:epc:id:gdti:0614141.12345.400'] }, ['trans']],
  [{ MATCH_epc: ['urn:epc:idpat:sgtin:0614141.107346.*'] }, ['obj', 'agg']],
  [{ MATCH_epc: ['urn:epc:id:sgtin:9506000.013435.42'] }, ['obj']],
  [{ MATCH_epc: ['https://id.gs1.org/01/10614141073464/21/2017'] }, ['obj']],
  [{ MATCH_parentID: ['https://id.gs1.org/00/106141412345678908'] }, ['agg']],
  [{ MATCH_inputEPC: ['urn:epc:idpat:sgtin:0614141.*.*'] }, ['trans']],
  [{ MATCH_outputEPC: ['urn:epc:idpat:sgtin:9506000.013435.*'] }, ['trans']],
  [{ MATCH_anyEPC: ['urn:epc:idpat:sscc:0614141.*'] }, ['agg', 'txn']],
  [{ MATCH_epcClass: ['urn:epc:idpat:sgtin:4012345.012345.*'] }, ['obj', 'agg']],
  [{ MATCH_outputEPCClass: ['https://id.gs1.org/01/09506000134352/10/B7'] }, ['trans']],
  [{ MATCH_inputEPCClass: ['urn:epc:idpat:sgtin:9506000.013435.*'] }, []],
  [{ MATCH_anyEPCClass: ['urn:epc:idpat:sgtin:9506000.013435.*'] }, ['trans']],
  [{ EQ_quantity: [200] }, ['obj']],
  [{ GT_quantity: 100 }, ['obj', 'agg']],
  [{ LE_quantity: 150 }, ['agg', 'trans']],
  [{ GE_quantity_KGM: 160 }, ['obj']],
  [{ EQ_eventID: ['urn:uuid:obj'] }, ['obj']],
  [{ EXISTS_errorDeclaration: null }, ['obj']],
  [{ GE_errorDeclarationTime: '2026-01-15T00:00:00Z' }, ['obj']],
  [{ LT_errorDeclaration_Time: '2026-01-15T00:00:00Z' }, []],
  [{ EQ_errorReason: ['incorrect_data'] }, ['obj']],
  [{ EQ_correctiveEventID: ['urn:uuid:fix'] }, ['obj']],
  [{ EQ_bizTransaction_po: ['urn:epc:id:gdti:0614141.00001.1618034'] }, ['obj']],
  [{ EQ_bizTransaction_inv: ['urn:epcglobal:cbv:bt:0614141000005:INV1'] }, ['txn']],
  [{ EQ_source_owning_party: ['urn:epc:id:pgln:4012345.00225'] }, ['obj']],
  [{ EQ_destination_location: ['urn:epc:id:sgln:0614141.00777.0'] }, ['obj']],
  [{ EQ_destination_owning_party: ['urn:epc:id:sgln:0614141.00777.0'] }, []],
  [{ 'EQ_example:myField': ['A', 'B'] }, ['obj']],
  [{ 'GT_example:weight': 4 }, ['obj']],
  [{ 'LT_example:weight': 4 }, []],
  [{ 'LE_example:time': '2026-01-01T07:00:00+07:00' }, ['obj']],
  [{ 'EQ_example:sub': ['x'] }, []],
  [{ 'EQ_INNER_example:sub': ['x'] }, ['obj']],
  [{ 'EQ_ILMD_example:lot': ['L1'] }, ['obj']],
  [{ 'GE_INNER_ILMD_example:grade': 2 }, ['obj']],
  [{ 'EQ_ERROR_DECLARATION_example:vendorExtension': ['Test1'] }, ['obj']],
  [{ 'EQ_readPoint_example:gs1ES': ['(414)0614141073467'] }, ['obj']],
  [{ 'EQ_SENSORELEMENT_example:cv': ['123'] }, ['obj']],
  [{ 'EQ_SENSORREPORT_example:y': ['z'] }, ['obj']],
  [{ 'EXISTS_example:myField': null }, ['obj']],
  [{ 'EXISTS_ILMD_example:nothing': null }, []],
  [{ HASATTR_bizLocation: ['sst'] }, ['obj']],
  [{ EQ_ATTR_bizLocation_sst: ['201'] }, ['obj']],
  [{ EQ_ATTR_bizLocation_sst: ['202'] }, []],
  [{ EXISTS_sensorElementList: null }, ['obj']],
  [{ GE_time: '2026-01-01T10:00:00Z', LT_time: '2026-01-01T10:00:01Z' }, ['obj']],
  [{ GE_startTime: '2026-01-01T09:30:00Z' }, []],
  [{ LT_endTime: '2026-01-01T12:00:00Z' }, ['obj']],
  [{ EQ_type: ['gs1:Temperature'] }, ['obj']],
  [{ EQ_type: ['AbsoluteHumidity'] }, []],
  [{ EQ_exception: ['ALARM_CONDITION'] }, ['obj']],
  [{ EQ_deviceID: ['https://id.gs1.org/8004/4000001111'] }, ['obj']],
  [{ EQ_dataProcessingMethod: ['https://example.com/m'] }, ['obj']],
  [{ EQ_microorganism: ['https://www.ncbi.nlm.nih.gov/taxonomy/1126011'] }, ['obj']],
  [{ EQ_chemicalSubstance: ['https://identifiers.org/inchikey:X'] }, ['obj']],
  [{ EQ_bizRules: ['https://example.com/rules'] }, ['obj']],
  [{ EQ_stringValue: ['ok'] }, ['obj']],
  [{ EQ_hexBinaryValue: ['F0F0'] }, ['obj']],
  [{ EQ_uriValue: ['https://example.org/x'] }, ['obj']],
  [{ EQ_uom: ['CEL'] }, ['obj']],
  [{ EQ_booleanValue: false }, []],
  [{ EQ_value_CEL: [26] }, ['obj']],
  [{ GT_value_CEL: 30 }, []],
  [{ GE_value_KGM: 1 }, []],
  [{ LT_minValue_CEL: 25.5, GT_maxValue_CEL: 26.5, LE_meanValue_CEL: 26, GE_sDev_CEL: 0.5, GT_percValue_CEL: 26 }, ['obj']],
  [{ GE_percRank: 50 }, ['obj']],
  [{ eventType: ['ObjectEvent'], EQ_bizStep: ['receiving'] }, []],
];

describe('matchesQuery', () => {
  test.each(CASES)('%j selects %j', (params, expected) => {
    const r = parseQueryParameters(params, { namespaces: NS });
    expect(r.ok, JSON.stringify(r.ok ? '' : r.errors)).toBe(true);
    if (!r.ok) return;
    const selected = Object.entries(EVENTS).filter(([, e]) => matchesQuery(e, r.query, master)).map(([name]) => name);
    expect(selected).toEqual(expected);
  });

  test('orders, limits and refuses too large results', () => {
    const q = (p: Record<string, unknown>) => {
      const r = parseQueryParameters(p, { namespaces: NS });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.query;
    };
    const names = (events: readonly EpcisEvent[]): string[] => events.map((e) => Object.entries(EVENTS).find(([, x]) => x === e)![0]);
    const asc = applyQuery(Object.values(EVENTS), q({ orderBy: 'eventTime', orderDirection: 'ASC' }));
    expect(!asc.tooLarge && names(asc.events)).toEqual(['txn', 'trans', 'agg', 'obj']);
    const limited = applyQuery(Object.values(EVENTS), q({ orderBy: 'eventTime', eventCountLimit: 2 }));
    expect(!limited.tooLarge && names(limited.events)).toEqual(['obj', 'agg']);
    expect(applyQuery(Object.values(EVENTS), q({ maxEventCount: 3 }))).toEqual({ tooLarge: true, count: 4 });
    const byWeight = applyQuery(Object.values(EVENTS), q({ orderBy: 'example:weight', orderDirection: 'ASC' }));
    expect(!byWeight.tooLarge && names(byWeight.events)[0]).toBe('obj');
  });
});
