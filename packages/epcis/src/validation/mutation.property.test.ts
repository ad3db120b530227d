// Property-based tests (fast-check): valid conformance documents, mutated at random, never crash the
// readers, validators, hash or query parser, and every issue says where it is (event index and JSON
// pointer or XML path).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readEpcis, TEST_NOW } from '../../test/conformance.ts';
import { prepareCapture } from '../capture.ts';
import type { EpcisIssue } from '../errors/issue.ts';
import { parseQueryParameters } from '../query/parse-query.ts';
import { validateEpcisJson, validateEpcisXml } from './validate.ts';

const JSON_SEEDS = [
  'gs1-EPCIS/JSON/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld',
  'gs1-EPCIS/JSON/WithSensorData/SensorDataExample9.jsonld',
  'openepcis-test-resources/2.0/EPCIS/JSON/Capture/Documents/TransformationEvent_all_possible_fields.json',
  'openepcis-test-resources/2.0/EPCIS/JSON/Query/Combination_of_different_event.json',
  'openepcis-test-resources/2.0/EPCIS/JSON/Capture/Events/ObjectEvent.json',
].map((f) => JSON.parse(readEpcis(f)) as unknown);

const XML_SEEDS = [
  'gs1-EPCIS/XML/WithFullCombinationOfFields/object_event_all_possible_fields.xml',
  'gs1-EPCIS/XML/WithSensorData/SensorDataExamples.xml',
  'openepcis-test-resources/2.0/EPCIS/XML/Query/Combination_of_different_event.xml',
  'openepcis-test-resources/1.2/EPCIS/XML/Capture/Documents/ObjectEvent_with_baseExtension_errorDeclaration.xml',
].map(readEpcis);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>('', 'ADD', 'urn:epcglobal:cbv:bizstep:x', 'https://id.gs1.org/01/09506000134353', '2026-13-45T00:00:00Z', 'ex:y', '∞', 'urn:epc:id:sgtin:1.2.3'),
  fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.string(), { maxKeys: 3 }),
);

/** Every [container, key] pair of a JSON value, depth-first. */
function slots(root: Json): [Record<string, Json> | Json[], string | number][] {
  const out: [Record<string, Json> | Json[], string | number][] = [];
  const walk = (v: Json): void => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push([v, i]); walk(x); });
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push([v, k]); walk(x); }
  };
  walk(root);
  return out;
}

interface Mutation { readonly at: number; readonly op: 'delete' | 'replace' | 'rename'; readonly value: Json; readonly name: string }

const mutations = fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('delete', 'replace', 'rename'), value: jsonValue, name: fc.string({ maxLength: 12 }) }), { minLength: 1, maxLength: 4 });

function mutate(seed: unknown, list: readonly Mutation[]): Json {
  const doc = structuredClone(seed) as Json;
  for (const m of list) {
    const all = slots(doc);
    if (!all.length) break;
    const [container, key] = all[m.at % all.length]!;
    if (Array.isArray(container)) {
      if (m.op === 'delete') container.splice(key as number, 1);
      else container[key as number] = m.value;
    } else if (m.op === 'delete') delete container[key as string];
    else if (m.op === 'rename') {
      container[m.name] = container[key as string]!;
      delete container[key as string];
    } else container[key as string] = m.value;
  }
  return doc;
}

function expectLocated(issues: readonly EpcisIssue[]): void {
  for (const i of issues) {
    expect(i.pointer !== undefined || i.xmlPath !== undefined || i.position !== undefined, JSON.stringify(i)).toBe(true);
    const inEvent = i.pointer !== undefined
      ? /^\/epcisBody\/(eventList|queryResults\/resultsBody\/eventList)\/\d+/.test(i.pointer)
      : /^\/[^/]+\/EPCISBody\/(.*\/)?EventList\/[A-Za-z]+Event/.test(i.xmlPath ?? '');
    if (inEvent) expect(i.eventIndex, JSON.stringify(i)).toBeTypeOf('number');
  }
}

describe('mutated documents', () => {
  test('JSON: the validator, capture and hash never throw, and issues are located', () => {
    fc.assert(fc.property(fc.nat(JSON_SEEDS.length - 1), mutations, (seed, list) => {
      const doc = mutate(JSON_SEEDS[seed], list);
      const r = validateEpcisJson(doc, { now: TEST_NOW });
      expectLocated(r.errors);
      expectLocated(r.warnings);
      const plan = prepareCapture(JSON.stringify(doc), 'json', { now: TEST_NOW });
      for (const e of plan.events) expect(e.hashId).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    }), { numRuns: 300 });
  });

  test('objects with own toString/valueOf keys (which break deep equality helpers) are refused, not a crash', () => {
    const doc = { ...(JSON_SEEDS[0] as Record<string, unknown>), '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { toString: '' }, { toString: '' }] };
    const r = validateEpcisJson(doc, { now: TEST_NOW });
    expect(r.ok).toBe(false);
    expectLocated(r.errors);
  });

  test('XML: text mutations never crash the reader or validator, and issues are located', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat(40), insert: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('<', '&', '&amp;', '</x>', '<x:y xmlns:x="urn:x">1</x:y>', ']]>', '<!DOCTYPE a [<!ENTITY e "x">]>', '<action>', 'xmlns:ext1="urn:z"')) });
    fc.assert(fc.property(fc.nat(XML_SEEDS.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (seed, edits) => {
      let text = XML_SEEDS[seed]!;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
      }
      const r = validateEpcisXml(text, { now: TEST_NOW });
      expectLocated(r.errors);
      expectLocated(r.warnings);
      prepareCapture(text, 'xml', { now: TEST_NOW });
    }), { numRuns: 300 });
  });

  test('query parameters: the parser never throws and every error names its parameter', () => {
    const name = fc.oneof(fc.constantFrom('eventType', 'GE_eventTime', 'EQ_bizStep', 'MATCH_epc', 'GT_quantity', 'EQ_example:f', 'GE_value_CEL', 'orderBy', 'eventCountLimit', 'EXISTS_errorDeclaration', 'HASATTR_bizLocation'), fc.string({ maxLength: 20 }));
    fc.assert(fc.property(fc.dictionary(name, jsonValue, { maxKeys: 5 }), (params) => {
      const r = parseQueryParameters(params, { namespaces: { example: 'urn:example:' } });
      if (!r.ok) for (const e of r.errors) expect(typeof e.params?.name).toBe('string');
    }), { numRuns: 500 });
  });
});
