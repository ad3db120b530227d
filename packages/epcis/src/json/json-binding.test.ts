// The JSON-LD binding: every canonical GS1 example reads and validates; model → JSON-LD → model is the
// identity, and the JSON-LD written validates against the official schema; binding rules of EPCIS 2.0 JSON.
import { describe, expect, test } from 'vitest';
import { epcisFiles, readEpcis, report, TEST_NOW } from '../../test/conformance.ts';
import type { EpcisDocument, EpcisQueryDocument } from '../model/types.ts';
import { validateEpcisJson } from '../validation/validate.ts';
import { readEpcisJson } from './read-document.ts';
import { writeJsonDocument, writeJsonQueryDocument } from './write-document.ts';

type Readable = EpcisDocument | EpcisQueryDocument;

function write(doc: Readable): Record<string, unknown> {
  return doc.kind === 'EPCISDocument' ? writeJsonDocument(doc, { persistentDisposition: 'all' }) : writeJsonQueryDocument(doc, { persistentDisposition: 'all' });
}

const JSON_EXAMPLES = [
  ...epcisFiles('gs1-EPCIS/JSON', ['.jsonld']),
  ...epcisFiles('openepcis-test-resources/2.0/EPCIS/JSON/Capture/Documents', ['.json']),
  ...epcisFiles('openepcis-test-resources/2.0/EPCIS/JSON/Capture/Events', ['.json']),
];

describe('EPCIS 2.0 JSON-LD binding', () => {
  test('every canonical GS1 JSON-LD example reads and validates', () => {
    const files = epcisFiles('gs1-EPCIS/JSON', ['.jsonld']);
    let passed = 0;
    const failures: string[] = [];
    for (const file of files) {
      const r = validateEpcisJson(readEpcis(file), { now: TEST_NOW });
      if (r.ok && r.document) passed++;
      else failures.push(`${file}: ${JSON.stringify(r.errors.slice(0, 2))}`);
    }
    report('gs1-EPCIS/JSON examples', files.length, passed, failures);
    expect(files.length).toBe(47);
    expect(failures).toEqual([]);
  });

  test('model → JSON-LD → model is the identity, and the JSON-LD written is schema-valid', () => {
    let passed = 0;
    for (const file of JSON_EXAMPLES) {
      const doc = readEpcisJson(readEpcis(file)).document!;
      const written = write(doc);
      const again = readEpcisJson(written).document!;
      expect(again.events, file).toEqual(doc.events);
      const check = validateEpcisJson(written, { now: TEST_NOW, gs1Keys: 'warning' });
      expect(check.errors.filter((e) => e.code.startsWith('EPCIS_SCHEMA_')), file).toEqual([]);
      passed++;
    }
    report('JSON-LD round trips', JSON_EXAMPLES.length, passed);
  });

  test('persistentDisposition is written only on ObjectEvent and TransformationEvent unless asked', () => {
    const doc = readEpcisJson(readEpcis('openepcis-test-resources/2.0/EPCIS/JSON/Capture/Documents/AggregationEvent_with_persistentDisposition.json')).document as EpcisDocument;
    const aggregation = doc.events.find((e) => e.type === 'AggregationEvent' && e.persistentDisposition)!;
    const events = (d: Record<string, unknown>): Record<string, unknown>[] => (d.epcisBody as { eventList: Record<string, unknown>[] }).eventList;
    const strict = events(writeJsonDocument({ ...doc, events: [aggregation] }));
    const all = events(writeJsonDocument({ ...doc, events: [aggregation] }, { persistentDisposition: 'all' }));
    expect(strict[0]!.persistentDisposition).toBeUndefined();
    expect(all[0]!.persistentDisposition).toEqual({ ...aggregation.persistentDisposition });
  });

  test('standard vocabulary is written as bare words, GS1 Web vocabulary outside the list as gs1: CURIEs', () => {
    const doc = readEpcisJson(readEpcis('hash/RalphTro-epcis-event-hash-generator/tests/examples/epcisEventWithCURIEs.jsonld')).document as EpcisDocument;
    const written = JSON.stringify(writeJsonDocument(doc));
    expect(written).toContain('"bizStep":"receiving"');
    expect(written).not.toMatch(/urn:epcglobal:cbv:(bizstep|disp|btt):/);
    const sensor = readEpcisJson(JSON.stringify({
      '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'], type: 'ObjectEvent', eventTime: '2020-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00', action: 'OBSERVE', epcList: [],
      sensorElementList: [{ sensorReport: [{ type: 'gs1:MT-Temperature', value: 1 }, { type: 'https://gs1.org/voc/Temperature', value: 2 }] }],
    })).document as EpcisDocument;
    const reports = sensor.events[0]!.sensorElementList![0]!.sensorReport;
    expect(reports.map((r) => r.type)).toEqual(['https://gs1.org/voc/MT-Temperature', 'Temperature']);
    expect(JSON.stringify(writeJsonDocument(sensor))).toContain('"type":"gs1:MT-Temperature"');
  });

  test('extension keys keep their namespaces and declare them in @context', () => {
    const doc = readEpcisJson(readEpcis('hash/RalphTro-epcis-event-hash-generator/tests/examples/ralfsChaosExample.jsonld')).document as EpcisDocument;
    const ext = doc.events[0]!.extensions!;
    expect(ext.map((e) => `${e.ns}${e.name}`)).toContain('https://schema.org/award');
    const written = writeJsonDocument(doc);
    expect(written['@context']).toEqual(['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', expect.objectContaining({ schema: 'https://schema.org/', fgh: 'https://ns.fgh.co.uk/epcis/' })]);
  });
});
