// The XML binding: every canonical GS1 XML example reads and validates; model → XML → model is the
// identity; the reader is safe (no DTD, bounded depth) and lenient where real documents are.
import { describe, expect, test } from 'vitest';
import { epcisFiles, readEpcis, report, TEST_NOW } from '../../test/conformance.ts';
import { readEpcisJson } from '../json/read-document.ts';
import type { EpcisDocument, EpcisInput } from '../model/types.ts';
import { validateEpcisXml } from '../validation/validate.ts';
import { readEpcisXml } from './read-xml-document.ts';
import { writeXmlDocument, writeXmlEvent, writeXmlQueryDocument } from './write-xml.ts';

function write(doc: EpcisInput): string | undefined {
  if (doc.kind === 'EPCISDocument') return writeXmlDocument(doc);
  if (doc.kind === 'EPCISQueryDocument') return writeXmlQueryDocument(doc);
  return undefined;
}

const eventsOf = (doc: EpcisInput | undefined): unknown => (doc && 'events' in doc ? doc.events : undefined);

/** Namespace prefixes are spelling, not data: a document may use two prefixes for one namespace. */
function withoutPrefixes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrefixes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'prefix').map(([k, v]) => [k, withoutPrefixes(v)]));
}

describe('EPCIS 2.0 XML binding', () => {
  test('every canonical GS1 XML example reads and validates', () => {
    const files = epcisFiles('gs1-EPCIS/XML', ['.xml']);
    let passed = 0;
    const failures: string[] = [];
    const kinds = new Map<string, number>();
    for (const file of files) {
      const r = validateEpcisXml(readEpcis(file), { now: TEST_NOW });
      if (r.ok && r.document) {
        passed++;
        kinds.set(r.document.kind, (kinds.get(r.document.kind) ?? 0) + 1);
      } else failures.push(`${file}: ${JSON.stringify(r.errors.slice(0, 2))}`);
    }
    report('gs1-EPCIS/XML examples', files.length, passed, [...failures, JSON.stringify(Object.fromEntries(kinds))]);
    expect(files.length).toBe(37);
    expect(failures).toEqual([]);
  });

  test('model → XML → model is the identity (XML and JSON-LD sourced models)', () => {
    const files = [
      ...epcisFiles('gs1-EPCIS/XML', ['.xml']),
      ...epcisFiles('openepcis-test-resources/2.0/EPCIS/XML/Capture/Documents', ['.xml']),
      ...epcisFiles('openepcis-test-resources/1.2/EPCIS/XML/Capture/Documents', ['.xml']),
      ...epcisFiles('gs1-EPCIS/JSON', ['.jsonld']),
    ];
    let ran = 0;
    for (const file of files) {
      const doc = file.endsWith('.xml') ? readEpcisXml(readEpcis(file)).document : readEpcisJson(readEpcis(file)).document;
      const xml = doc && write(doc);
      if (!xml) continue;
      ran++;
      const again = readEpcisXml(xml);
      expect(again.errors, file).toEqual([]);
      expect(withoutPrefixes(eventsOf(again.document)), file).toEqual(withoutPrefixes(eventsOf(doc)));
      expect(again.warnings.filter((w) => w.code === 'EPCIS_XML_ELEMENT_ORDER'), `${file} written in XSD order`).toEqual([]);
    }
    report('XML round trips', ran, ran);
  });

  test('a single event is written as a bare element that reads back', () => {
    const doc = readEpcisXml(readEpcis('gs1-EPCIS/XML/WithFullCombinationOfFields/object_event_all_possible_fields.xml')).document as EpcisDocument;
    const again = readEpcisXml(writeXmlEvent(doc.events[0]!)).document as EpcisDocument;
    expect(again.bareEvent).toBe(true);
    expect(again.events).toEqual(doc.events);
  });

  test('standard vocabulary is written as CBV URNs, or Web URIs when asked', () => {
    const doc = readEpcisJson(readEpcis('gs1-EPCIS/JSON/Example_9.6.1-ObjectEvent.jsonld')).document as EpcisDocument;
    expect(writeXmlDocument(doc)).toContain('<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>');
    expect(writeXmlDocument(doc, { cbvFormat: 'web' })).toContain('<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>');
  });
});

describe('XML reader safety and leniency', () => {
  const event = '<ObjectEvent><eventTime>2020-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset><epcList/><action>OBSERVE</action></ObjectEvent>';
  const doc = (body: string, prolog = ''): string =>
    `${prolog}<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2020-01-01T00:00:00Z"><EPCISBody><EventList>${body}</EventList></EPCISBody></epcis:EPCISDocument>`;

  test('a DOCTYPE that could declare entities is refused (billion laughs, external DTD)', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    expect(readEpcisXml(doc(event.replace('OBSERVE', '&lol2;'), laughs)).errors.map((e) => e.code)).toEqual(['EPCIS_XML_DOCTYPE_FORBIDDEN']);
    expect(readEpcisXml(doc(event, '<!DOCTYPE x SYSTEM "http://example.com/x.dtd">')).errors.map((e) => e.code)).toEqual(['EPCIS_XML_DOCTYPE_FORBIDDEN']);
    expect(readEpcisXml(doc(event, '<!DOCTYPE project>')).errors).toEqual([]);
  });

  test('undefined entities, malformed XML and excessive nesting are errors with a position', () => {
    const undefinedEntity = readEpcisXml(doc(event.replace('OBSERVE', '&nope;'))).errors[0]!;
    expect(undefinedEntity.code).toBe('EPCIS_XML_SYNTAX');
    expect(undefinedEntity.position?.line).toBe(1);
    expect(readEpcisXml(doc(event).slice(0, -5)).errors[0]!.code).toBe('EPCIS_XML_SYNTAX');
    const deep = `${'<a:x xmlns:a="urn:x">'.repeat(100)}${'</a:x>'.repeat(100)}`;
    expect(readEpcisXml(doc(event.replace('</ObjectEvent>', `${deep}</ObjectEvent>`))).errors.map((e) => e.code)).toEqual(['EPCIS_XML_TOO_DEEP']);
  });

  test('elements out of XSD order are read and flagged; strictOrder makes it an error', () => {
    const jumbled = '<ObjectEvent><action>OBSERVE</action><eventTime>2020-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset><epcList/></ObjectEvent>';
    const lenient = validateEpcisXml(doc(jumbled), { now: TEST_NOW });
    expect(lenient.ok).toBe(true);
    expect(lenient.warnings.map((w) => [w.code, w.eventIndex, w.xmlPath])).toEqual([['EPCIS_XML_ELEMENT_ORDER', 0, '/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/eventTime']]);
    const strict = validateEpcisXml(doc(jumbled), { now: TEST_NOW, strictOrder: true });
    expect(strict.errors.map((e) => e.code)).toEqual(['EPCIS_XML_ELEMENT_ORDER']);
  });

  test('unknown unqualified elements are errors; namespaced ones are extensions', () => {
    const r = validateEpcisXml(doc(event.replace('</ObjectEvent>', '<madeUp>x</madeUp><ex:ok xmlns:ex="urn:ex:">y</ex:ok></ObjectEvent>')), { now: TEST_NOW });
    expect(r.errors.map((e) => [e.code, e.xmlPath])).toEqual([['EPCIS_XML_UNKNOWN_ELEMENT', '/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/madeUp']]);
    expect((r.document as EpcisDocument).events[0]!.extensions).toEqual([{ ns: 'urn:ex:', name: 'ok', prefix: 'ex', value: 'y' }]);
  });

  test('schema findings on XML input name the XML path of the value', () => {
    const bad = event.replace('2020-01-01T00:00:00Z', '22-07-2026');
    const r = validateEpcisXml(doc(bad + event), { now: TEST_NOW });
    expect(r.errors.map((e) => [e.code, e.eventIndex, e.xmlPath])).toEqual([['EPCIS_SCHEMA_FORMAT', 0, '/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/eventTime']]);
  });

  test('EPCIS 1.2 extension wrappers are transparent', () => {
    const r = readEpcisXml(readEpcis('openepcis-test-resources/1.2/EPCIS/XML/Capture/Documents/ObjectEvent_with_baseExtension_errorDeclaration.xml'));
    const events = (r.document as EpcisDocument).events;
    expect(events[0]!.sourceList).toEqual([{ type: 'owning_party', source: 'urn:epc:id:sgln:9521141.00000.0' }]);
    expect(events[1]!.errorDeclaration?.reason).toBe('incorrect_data');
  });
});
