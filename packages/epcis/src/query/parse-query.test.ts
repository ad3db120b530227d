// EPCIS 2.0 query parameters (§8.2.7.1, query-schema.json, OpenAPI query string): every named parameter and
// pattern family parses into the typed query; unknown and malformed parameters are errors naming them.
import { describe, expect, test } from 'vitest';
import { readEpcis, report } from '../../test/conformance.ts';
import type { EpcisQueryRequest } from '../model/types.ts';
import { validateAgainstQuerySchema } from '../validation/schema-validator.ts';
import { validateEpcisXml } from '../validation/validate.ts';
import { readEpcisXml } from '../xml/read-xml-document.ts';
import { parseQueryParameters } from './parse-query.ts';
import type { QueryFilter } from './query-types.ts';

const NS = { example: 'https://ns.example.com/epcis/' };
const T = '2026-01-01T00:00:00+07:00';
const T_MS = Date.parse('2025-12-31T17:00:00Z');

/** [parameter, JSON value, query-string value, expected filter (without `param`)] */
const FAMILIES: readonly [string, unknown, string, Partial<QueryFilter>][] = [
  ['eventType', ['ObjectEvent', 'AggregationEvent'], 'ObjectEvent|AggregationEvent', { kind: 'eventType', values: ['ObjectEvent', 'AggregationEvent'] }],
  ['GE_eventTime', T, T, { kind: 'time', field: 'eventTime', op: 'GE', value: T_MS }],
  ['LT_eventTime', T, T, { kind: 'time', field: 'eventTime', op: 'LT', value: T_MS }],
  ['GE_recordTime', T, T, { kind: 'time', field: 'recordTime', op: 'GE', value: T_MS }],
  ['LT_recordTime', T, T, { kind: 'time', field: 'recordTime', op: 'LT', value: T_MS }],
  ['EQ_action', ['ADD', 'OBSERVE'], 'ADD|OBSERVE', { kind: 'action', values: ['ADD', 'OBSERVE'] }],
  ['EQ_bizStep', ['shipping', 'urn:epcglobal:cbv:bizstep:receiving'], 'shipping|https://ref.gs1.org/cbv/BizStep-receiving', { kind: 'vocabulary', field: 'bizStep', values: ['shipping', 'receiving'] }],
  ['EQ_disposition', ['in_transit'], 'in_transit', { kind: 'vocabulary', field: 'disposition', values: ['in_transit'] }],
  ['EQ_persistentDisposition_set', ['recalled'], 'recalled', { kind: 'vocabulary', field: 'persistentDispositionSet', values: ['recalled'] }],
  ['EQ_persistentDisposition_unset', ['recalled'], 'recalled', { kind: 'vocabulary', field: 'persistentDispositionUnset', values: ['recalled'] }],
  ['EQ_readPoint', ['urn:epc:id:sgln:0614141.07346.1234'], 'urn:epc:id:sgln:0614141.07346.1234', { kind: 'place', field: 'readPoint', withDescendants: false }],
  ['WD_readPoint', ['urn:epc:id:sgln:0614141.07346.0'], 'urn:epc:id:sgln:0614141.07346.0', { kind: 'place', field: 'readPoint', withDescendants: true }],
  ['EQ_bizLocation', ['urn:epc:id:sgln:0614141.00888.0'], 'urn:epc:id:sgln:0614141.00888.0', { kind: 'place', field: 'bizLocation', withDescendants: false }],
  ['WD_bizLocation', ['urn:epc:id:sgln:0614141.00888.0'], 'urn:epc:id:sgln:0614141.00888.0', { kind: 'place', field: 'bizLocation', withDescendants: true }],
  ['EQ_transformationID', ['urn:epc:id:gdti:0614141.12345.400'], 'urn:epc:id:gdti:0614141.12345.400', { kind: 'transformationID' }],
  ['MATCH_epc', ['urn:epc:idpat:sgtin:0614141.107346.*'], 'urn:epc:idpat:sgtin:0614141.107346.*', { kind: 'epcMatch', field: 'epc' }],
  ['MATCH_parentID', ['urn:epc:id:sscc:0614141.1234567890'], 'urn:epc:id:sscc:0614141.1234567890', { kind: 'epcMatch', field: 'parentID' }],
  ['MATCH_inputEPC', ['urn:epc:idpat:sgtin:0614141.*.*'], 'urn:epc:idpat:sgtin:0614141.*.*', { kind: 'epcMatch', field: 'inputEPC' }],
  ['MATCH_outputEPC', ['urn:epc:idpat:sgtin:0614141.*.*'], 'urn:epc:idpat:sgtin:0614141.*.*', { kind: 'epcMatch', field: 'outputEPC' }],
  ['MATCH_anyEPC', ['urn:epc:idpat:sgtin:0614141.*.*'], 'urn:epc:idpat:sgtin:0614141.*.*', { kind: 'epcMatch', field: 'anyEPC' }],
  ['MATCH_epcClass', ['urn:epc:idpat:sgtin:4012345.012345.*'], 'urn:epc:idpat:sgtin:4012345.012345.*', { kind: 'epcClassMatch', field: 'epcClass' }],
  ['MATCH_inputEPCClass', ['urn:epc:class:lgtin:4012345.012345.998877'], 'urn:epc:class:lgtin:4012345.012345.998877', { kind: 'epcClassMatch', field: 'inputEPCClass' }],
  ['MATCH_outputEPCClass', ['urn:epc:class:lgtin:4012345.012345.998877'], 'urn:epc:class:lgtin:4012345.012345.998877', { kind: 'epcClassMatch', field: 'outputEPCClass' }],
  ['MATCH_anyEPCClass', ['urn:epc:class:lgtin:4012345.012345.998877'], 'urn:epc:class:lgtin:4012345.012345.998877', { kind: 'epcClassMatch', field: 'anyEPCClass' }],
  ['EQ_quantity', [200, 300], '200|300', { kind: 'quantity', op: 'EQ', values: [200, 300] }],
  ['GT_quantity', 1, '1', { kind: 'quantity', op: 'GT', values: [1] }],
  ['GE_quantity', 1, '1', { kind: 'quantity', op: 'GE', values: [1] }],
  ['LT_quantity', 500, '500', { kind: 'quantity', op: 'LT', values: [500] }],
  ['LE_quantity', 500, '500', { kind: 'quantity', op: 'LE', values: [500] }],
  ['GE_quantity_KGM', 2.5, '2.5', { kind: 'quantity', op: 'GE', values: [2.5], uom: 'KGM' }],
  ['EQ_eventID', ['urn:uuid:6926712e-599f-4c4e-b6e9-8dd888c906bd'], 'urn:uuid:6926712e-599f-4c4e-b6e9-8dd888c906bd', { kind: 'eventID' }],
  ['EXISTS_errorDeclaration', null, '', { kind: 'existsErrorDeclaration' }],
  ['GE_errorDeclaration_Time', T, T, { kind: 'time', field: 'declarationTime', op: 'GE', value: T_MS }],
  ['LT_errorDeclaration_Time', T, T, { kind: 'time', field: 'declarationTime', op: 'LT', value: T_MS }],
  ['GE_errorDeclarationTime', T, T, { kind: 'time', field: 'declarationTime', op: 'GE', value: T_MS }],
  ['LT_errorDeclarationTime', T, T, { kind: 'time', field: 'declarationTime', op: 'LT', value: T_MS }],
  ['EQ_errorReason', ['incorrect_data'], 'incorrect_data', { kind: 'vocabulary', field: 'errorReason', values: ['incorrect_data'] }],
  ['EQ_correctiveEventID', ['urn:uuid:x'], 'urn:uuid:x', { kind: 'correctiveEventID' }],
  ['EQ_bizTransaction_po', ['urn:epc:id:gdti:0614141.00001.1618034'], 'urn:epc:id:gdti:0614141.00001.1618034', { kind: 'typedIdentifier', field: 'bizTransaction', type: 'po' }],
  ['EQ_source_owning_party', ['urn:epc:id:pgln:4012345.00225'], 'urn:epc:id:pgln:4012345.00225', { kind: 'typedIdentifier', field: 'source', type: 'owning_party' }],
  ['EQ_destination_location', ['urn:epc:id:sgln:0614141.00777.0'], 'urn:epc:id:sgln:0614141.00777.0', { kind: 'typedIdentifier', field: 'destination', type: 'location' }],
  ['EQ_example:myField', ['A', 'B'], 'A|B', { kind: 'field', scope: 'event', inner: false, op: 'EQ' }],
  ['GT_example:weight', 5, '5', { kind: 'field', scope: 'event', op: 'GT', operands: [{ type: 'number', value: 5 }] }],
  ['LE_example:time', T, T, { kind: 'field', scope: 'event', op: 'LE', operands: [{ type: 'time', value: T_MS, text: T }] }],
  ['EQ_INNER_example:sub', ['x'], 'x', { kind: 'field', scope: 'event', inner: true }],
  ['EQ_ILMD_example:lot', ['L1'], 'L1', { kind: 'field', scope: 'ilmd', inner: false }],
  ['GE_INNER_ILMD_example:grade', 2, '2', { kind: 'field', scope: 'ilmd', inner: true, op: 'GE' }],
  ['EQ_ERROR_DECLARATION_example:vendorExtension', ['Test1'], 'Test1', { kind: 'field', scope: 'errorDeclaration' }],
  ['EQ_readPoint_example:gs1ES', ['x'], 'x', { kind: 'field', scope: 'readPoint' }],
  ['EQ_INNER_bizLocation_example:gs1ES', ['x'], 'x', { kind: 'field', scope: 'bizLocation', inner: true }],
  ['EQ_SENSORELEMENT_example:cv', ['123'], '123', { kind: 'field', scope: 'sensorElement' }],
  ['LT_SENSORMETADATA_example:x', 3, '3', { kind: 'field', scope: 'sensorMetadata', op: 'LT' }],
  ['EQ_SENSORREPORT_example:y', ['z'], 'z', { kind: 'field', scope: 'sensorReport' }],
  ['EXISTS_example:myField', null, '', { kind: 'fieldExists', scope: 'event', inner: false }],
  ['EXISTS_INNER_ILMD_example:lot', null, '', { kind: 'fieldExists', scope: 'ilmd', inner: true }],
  ['EXISTS_ERROR_DECLARATION_example:vendorExtension', 1, '1', { kind: 'fieldExists', scope: 'errorDeclaration' }],
  ['HASATTR_bizLocation', ['urn:epcglobal:cbv:mda#sst'], 'urn:epcglobal:cbv:mda#sst', { kind: 'hasAttribute', field: 'bizLocation' }],
  ['EQ_ATTR_bizLocation_sst', ['201'], '201', { kind: 'attributeEquals', field: 'bizLocation', attribute: 'sst' }],
  ['EXISTS_sensorElementList', null, '', { kind: 'existsSensorElementList' }],
  ['GE_time', T, T, { kind: 'sensorTime', field: 'time', op: 'GE' }],
  ['LT_time', T, T, { kind: 'sensorTime', field: 'time', op: 'LT' }],
  ['GE_startTime', T, T, { kind: 'sensorTime', field: 'startTime', op: 'GE' }],
  ['LT_startTime', T, T, { kind: 'sensorTime', field: 'startTime', op: 'LT' }],
  ['GE_endTime', T, T, { kind: 'sensorTime', field: 'endTime', op: 'GE' }],
  ['LT_endTime', T, T, { kind: 'sensorTime', field: 'endTime', op: 'LT' }],
  ['EQ_type', ['Temperature', 'gs1:AbsoluteHumidity'], 'Temperature|gs1:AbsoluteHumidity', { kind: 'sensorString', field: 'type', values: ['Temperature', 'AbsoluteHumidity'] }],
  ['EQ_deviceID', ['urn:epc:id:giai:4000001.111'], 'urn:epc:id:giai:4000001.111', { kind: 'sensorString', field: 'deviceID' }],
  ['EQ_dataProcessingMethod', ['https://example.com/253/4012345000054987'], 'https://example.com/253/4012345000054987', { kind: 'sensorString', field: 'dataProcessingMethod' }],
  ['EQ_microorganism', ['https://www.ncbi.nlm.nih.gov/taxonomy/1126011'], 'https://www.ncbi.nlm.nih.gov/taxonomy/1126011', { kind: 'sensorString', field: 'microorganism' }],
  ['EQ_chemicalSubstance', ['https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N'], 'https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N', { kind: 'sensorString', field: 'chemicalSubstance' }],
  ['EQ_bizRules', ['https://example.com/rules'], 'https://example.com/rules', { kind: 'sensorString', field: 'bizRules' }],
  ['EQ_stringValue', ['SomeString'], 'SomeString', { kind: 'sensorString', field: 'stringValue' }],
  ['EQ_hexBinaryValue', ['F0F0F0'], 'F0F0F0', { kind: 'sensorString', field: 'hexBinaryValue' }],
  ['EQ_uriValue', ['https://example.org/x'], 'https://example.org/x', { kind: 'sensorString', field: 'uriValue' }],
  ['EQ_uom', ['CEL'], 'CEL', { kind: 'sensorString', field: 'uom' }],
  ['EQ_exception', ['ALARM_CONDITION'], 'ALARM_CONDITION', { kind: 'sensorString', field: 'exception' }],
  ['EQ_booleanValue', true, 'true', { kind: 'sensorBoolean', value: true }],
  ['EQ_value_CEL', [26, 26.5], '26|26.5', { kind: 'sensorNumber', field: 'value', op: 'EQ', values: [26, 26.5], uom: 'CEL' }],
  ['GT_value_CEL', 30, '30', { kind: 'sensorNumber', field: 'value', op: 'GT', uom: 'CEL' }],
  ['GE_minValue_KGM', 1, '1', { kind: 'sensorNumber', field: 'minValue', op: 'GE', uom: 'KGM' }],
  ['LT_maxValue_CEL', 1, '1', { kind: 'sensorNumber', field: 'maxValue', op: 'LT', uom: 'CEL' }],
  ['LE_meanValue_CEL', 1, '1', { kind: 'sensorNumber', field: 'meanValue', op: 'LE', uom: 'CEL' }],
  ['GT_sDev_CEL', 0.1, '0.1', { kind: 'sensorNumber', field: 'sDev', op: 'GT', uom: 'CEL' }],
  ['GE_percValue_CEL', 1, '1', { kind: 'sensorNumber', field: 'percValue', op: 'GE', uom: 'CEL' }],
  ['GE_percRank', 50, '50', { kind: 'sensorNumber', field: 'percRank', op: 'GE', values: [50] }],
  ['LT_percRank', 50, '50', { kind: 'sensorNumber', field: 'percRank', op: 'LT' }],
];

describe('query parameters', () => {
  test('every named parameter and pattern family parses, from JSON and from a query string', () => {
    let passed = 0;
    for (const [name, json, text, expected] of FAMILIES) {
      for (const input of [{ [name]: json }, new URLSearchParams([[name, text]])]) {
        const r = parseQueryParameters(input, { namespaces: NS });
        expect(r.ok, `${name}: ${JSON.stringify(r.ok ? '' : r.errors)}`).toBe(true);
        if (!r.ok) continue;
        expect(r.query.filters, name).toHaveLength(1);
        expect(r.query.filters[0], name).toMatchObject({ ...expected, param: name });
      }
      passed++;
    }
    report('query parameter families', FAMILIES.length, passed);
  });

  test('extension field names resolve their prefix to the namespace', () => {
    const r = parseQueryParameters({ 'EQ_example:myField': ['A'], 'EQ_https://ns.other.com/epcis#deep': ['B'] }, { namespaces: NS });
    expect(r.ok && r.query.filters.map((f) => (f.kind === 'field' ? f.field : undefined))).toEqual([
      { ns: 'https://ns.example.com/epcis/', name: 'myField' }, { ns: 'https://ns.other.com/epcis#', name: 'deep' },
    ]);
    expect(parseQueryParameters({ '@context': [{ example: 'urn:x:' }], 'EQ_example:a': ['1'] }).ok).toBe(true);
  });

  test('ordering, limits and pagination', () => {
    const r = parseQueryParameters(new URLSearchParams('orderBy=eventTime&orderDirection=ASC&eventCountLimit=10&perPage=50&nextPageToken=abc'));
    expect(r.ok && { ...r.query, filters: undefined }).toMatchObject({ orderBy: 'eventTime', orderDirection: 'ASC', eventCountLimit: 10, perPage: 50, nextPageToken: 'abc' });
    const byExtension = parseQueryParameters({ orderBy: 'example:weight' }, { namespaces: NS });
    expect(byExtension.ok && byExtension.query).toMatchObject({ orderBy: { ns: NS.example, name: 'weight' }, orderDirection: 'DESC' });
    const repeated = parseQueryParameters(new URLSearchParams('EQ_bizStep=shipping&EQ_bizStep=receiving'));
    expect(repeated.ok && repeated.query.filters[0]).toMatchObject({ values: ['shipping', 'receiving'] });
  });

  test('unknown or malformed parameters are errors that name the parameter', () => {
    const cases: [Record<string, unknown> | URLSearchParams, string, string][] = [
      [{ GE_eventDate: T }, 'EPCIS_QUERY_UNKNOWN_PARAMETER', 'GE_eventDate'],
      [{ GE_eventTime: 'not-a-date' }, 'EPCIS_QUERY_INVALID_VALUE', 'GE_eventTime'],
      [{ GE_eventTime: '2026-01-01T00:00:00' }, 'EPCIS_QUERY_INVALID_VALUE', 'GE_eventTime'],
      [{ EQ_action: ['SHIPPED'] }, 'EPCIS_QUERY_INVALID_VALUE', 'EQ_action'],
      [{ EQ_bizStep: [] }, 'EPCIS_QUERY_INVALID_VALUE', 'EQ_bizStep'],
      [{ orderDirection: 'SIDEWAYS' }, 'EPCIS_QUERY_INVALID_VALUE', 'orderDirection'],
      [{ GT_quantity: 'many' }, 'EPCIS_QUERY_INVALID_VALUE', 'GT_quantity'],
      [{ eventCountLimit: -1, orderBy: 'eventTime' }, 'EPCIS_QUERY_INVALID_VALUE', 'eventCountLimit'],
      [{ perPage: 0 }, 'EPCIS_QUERY_INVALID_VALUE', 'perPage'],
      [{ 'EQ_nope:field': ['x'] }, 'EPCIS_QUERY_UNKNOWN_PREFIX', 'EQ_nope:field'],
      [{ 'GT_example:weight': 'heavy' }, 'EPCIS_QUERY_INVALID_VALUE', 'GT_example:weight'],
      [{ EQ_booleanValue: 'yes' }, 'EPCIS_QUERY_INVALID_VALUE', 'EQ_booleanValue'],
      [{ eventCountLimit: 5 }, 'EPCIS_QUERY_CONFLICT', 'eventCountLimit'],
      [{ eventCountLimit: 5, maxEventCount: 5, orderBy: 'eventTime' }, 'EPCIS_QUERY_CONFLICT', 'eventCountLimit'],
      [{ eventType: ['NotAnEvent'] }, 'EPCIS_QUERY_INVALID_VALUE', 'eventType'],
      [new URLSearchParams('GE_eventTime=2026-01-01T00:00:00Z&GE_eventTime=2026-01-02T00:00:00Z'), 'EPCIS_QUERY_DUPLICATE_PARAMETER', 'GE_eventTime'],
    ];
    for (const [input, code, name] of cases) {
      const r = parseQueryParameters(input, { namespaces: NS });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => [e.code, e.params?.name])).toContainEqual([code, name]);
    }
  });

  test('the conformance query parameter documents', () => {
    const valid = parseQueryParameters(JSON.parse(readEpcis('openepcis-test-resources/2.0/EPCIS/JSON/Query/Queries/SimpleEventQuery.json')));
    expect(valid.ok).toBe(true);
    const invalid = parseQueryParameters(JSON.parse(readEpcis('openepcis-test-resources/2.0/EPCIS/JSON/Query/Queries/Invalid/Query_with_invalid_values.json')));
    expect(invalid.ok ? [] : invalid.errors.map((e) => e.params?.name).sort()).toEqual(['EQ_action', 'GE_eventTime', 'orderDirection']);
    const unknown = parseQueryParameters(JSON.parse(readEpcis('openepcis-test-resources/2.0/EPCIS/JSON/Query/Queries/Invalid/Query_with_unknown_parameter.json')));
    expect(unknown.ok ? [] : unknown.errors.map((e) => [e.code, e.params?.name])).toEqual([['EPCIS_QUERY_UNKNOWN_PARAMETER', 'GE_eventDate']]);
    const poll = readEpcisXml(readEpcis('openepcis-test-resources/2.0/EPCIS/XML/Query/Queries/SimpleEventQuery.xml')).document as EpcisQueryRequest;
    expect(poll.queryName).toBe('SimpleEventQuery');
    const fromPoll = parseQueryParameters(poll.params);
    expect(fromPoll.ok && fromPoll.query.filters.map((f) => f.param)).toEqual(['eventType', 'GE_eventTime', 'LT_eventTime', 'EQ_bizStep', 'EQ_bizLocation', 'MATCH_epc']);
    expect(validateEpcisXml(readEpcis('openepcis-test-resources/2.0/EPCIS/XML/Query/Queries/Invalid/Query_without_queryName.xml')).errors.map((e) => e.code)).toEqual(['EPCIS_QUERY_NAME_MISSING']);
    expect(validateEpcisXml(readEpcis('openepcis-test-resources/2.0/EPCIS/XML/Query/Invalid/QueryDocument_with_missing_value.xml')).errors.map((e) => [e.code, e.params?.name])).toEqual([['EPCIS_QUERY_PARAM_WITHOUT_VALUE', 'EQ_readPoint']]);
    // The official query schema agrees on these documents (it lacks the OpenAPI spelling and EQ_uom, which
    // this parser accepts in addition).
    for (const [file, ok] of [['SimpleEventQuery.json', true], ['Invalid/Query_with_invalid_values.json', false], ['Invalid/Query_with_unknown_parameter.json', false]] as const) {
      expect(validateAgainstQuerySchema(JSON.parse(readEpcis(`openepcis-test-resources/2.0/EPCIS/JSON/Query/Queries/${file}`))).length === 0, file).toBe(ok);
    }
    report('conformance query documents', 6, 6);
  });
});
