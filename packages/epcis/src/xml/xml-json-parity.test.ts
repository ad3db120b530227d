// XML → model equals JSON → model where the conformance examples are the same document in both bindings
// (same file name in the parallel JSON/XML folders). Compared after removing what the bindings spell
// differently but mean the same: timestamp offsets, EPC URI vs Digital Link, list order, XML attributes
// vs JSON keys, extension value types.
import { describe, expect, test } from 'vitest';
import { epcisExists, epcisFiles, readEpcis, report } from '../../test/conformance.ts';
import { canonicalEpc } from '../gs1/identifiers.ts';
import { hashTimestamp } from '../hash/hash-timestamp.ts';
import { canonicalNumericValue } from '../hash/python-text.ts';
import { readEpcisJson } from '../json/read-document.ts';
import type { EpcisEvent, ExtensionElement } from '../model/types.ts';
import { vocabularyIri } from '../model/vocabulary.ts';
import { readEpcisXml } from './read-xml-document.ts';

const TIME_FIELDS = new Set(['eventTime', 'recordTime', 'declarationTime', 'time', 'startTime', 'endTime']);

function extension(el: ExtensionElement): unknown {
  // cbvmda is "urn:epcglobal:cbv:mda" in XML documents and "urn:epcglobal:cbv:mda:" in the JSON-LD context.
  const key = `{${el.ns.replace(/:$/, '')}}${el.name}`;
  const children = [...(el.attributes ?? []), ...(el.children ?? [])].map(extension).map((c) => JSON.stringify(c)).sort();
  const value = el.value === undefined || el.value === null ? '' : canonicalNumericValue(String(el.value));
  return children.length ? { key, children } : { key, value };
}

function normalise(value: unknown, key = '', parent = ''): unknown {
  if (Array.isArray(value)) {
    if (key === 'extensions' || key === 'ilmd') return (value as ExtensionElement[]).map(extension).map((c) => JSON.stringify(c)).sort();
    return value.map((v) => normalise(v, key, key)).map((v) => JSON.stringify(v)).sort();
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) out[k] = normalise(v, k, parent);
    return out;
  }
  if (typeof value !== 'string') return value;
  if (TIME_FIELDS.has(key)) return hashTimestamp(value) ?? value;
  if (parent === 'sensorReport' && (key === 'type' || key === 'exception')) return vocabularyIri(key === 'type' ? 'measurementType' : 'sensorAlertType', value);
  return canonicalEpc(value);
}

const comparable = (events: readonly EpcisEvent[]): unknown => events.map((e) => normalise(e));

/** Pairs whose two files carry different data (found by reading them; each reason stated). */
const O = 'openepcis-test-resources/2.0/EPCIS/JSON/';
const FULL = 'gs1-EPCIS/JSON/WithFullCombinationOfFields/';
const DIFFERENT_DATA: Readonly<Record<string, string>> = {
  [`${O}Capture/Documents/ObjectEvent_with_comment.json`]: 'the JSON has an rdfs:comment property (data in JSON-LD), the XML an XML comment (not data)',
  [`${O}Capture/Events/TransactionEvent.json`]: 'different rail vehicle extension values',
  [`${O}Capture/Events/TransformationEvent.json`]: 'declarationTime 2020-01-15T00:00Z in JSON, 2020-01-14T23:00Z in XML',
  [`${O}Query/Combination_of_different_event.json`]: 'declarationTime 14:00Z in JSON, 13:00Z in XML',
  [`${O}Query/Invalid/QueryDocument_with_invalid_action.json`]: 'different GRAI values',
  [`${O}Query/queryDocument.json`]: 'the GRAI has a wrong check digit, so its two domains cannot be brought to one canonical form',
  'gs1-EPCIS/JSON/WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld': 'the JSON has an input quantity and a namespace ending in "/" where the XML has neither',
  [`${FULL}aggregation_event_all_possible_fields.jsonld`]: 'the JSON has fields (certificationInfo, …) the XML lacks',
  [`${FULL}association_event_all_possible_fields.jsonld`]: 'the JSON has fields (certificationInfo, …) the XML lacks',
  [`${FULL}object_event_all_possible_fields.jsonld`]: 'the JSON has fields (certificationInfo, errorDeclaration, ilmd, …) the XML lacks',
  [`${FULL}transaction_event_all_possible_fields.jsonld`]: 'the JSON has fields (certificationInfo, …) the XML lacks',
  [`${FULL}transformation_event_all_possible_fields.jsonld`]: 'the JSON has fields (certificationInfo, …) the XML lacks',
};

function pairs(): [string, string][] {
  const out: [string, string][] = [];
  const add = (jsonRoot: string, xmlRoot: string, ext: string[]): void => {
    for (const json of epcisFiles(jsonRoot, ext)) {
      const xml = json.replace(jsonRoot, xmlRoot).replace(/\.json(ld)?$/, '.xml');
      if (epcisExists(xml)) out.push([json, xml]);
    }
  };
  add('openepcis-test-resources/2.0/EPCIS/JSON', 'openepcis-test-resources/2.0/EPCIS/XML', ['.json']);
  add('gs1-EPCIS/JSON', 'gs1-EPCIS/XML', ['.jsonld']);
  add('hash/RalphTro-epcis-event-hash-generator/tests/examples', 'hash/RalphTro-epcis-event-hash-generator/tests/examples', ['.jsonld']);
  return out;
}

describe('XML and JSON-LD bindings read to the same model', () => {
  test('corresponding conformance examples', () => {
    const all = pairs();
    let equal = 0;
    const differing: string[] = [];
    for (const [json, xml] of all) {
      const j = readEpcisJson(readEpcis(json)).document;
      const x = readEpcisXml(readEpcis(xml)).document;
      const same = JSON.stringify(comparable(j && 'events' in j ? j.events : [])) === JSON.stringify(comparable(x && 'events' in x ? x.events : []));
      if (same) equal++;
      else differing.push(json);
    }
    report('XML → model = JSON → model', all.length, equal, differing.map((f) => `${f}: ${DIFFERENT_DATA[f] ?? 'DIFFERS'}`));
    expect(all.length).toBeGreaterThan(30);
    expect(differing.sort()).toEqual(Object.keys(DIFFERENT_DATA).sort());
  });
});
