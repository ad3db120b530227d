// Streaming XML capture gives the same events, hashes and errors as whole-document capture, chunk by chunk.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { epcisFiles, readEpcis, TEST_NOW } from '../../test/conformance.ts';
import { prepareCapture, type CapturedEvent } from '../capture.ts';
import { createXmlCaptureStream } from './xml-capture-stream.ts';

function stream(text: string, chunk: number): { events: CapturedEvent[]; errors: number } {
  const events: CapturedEvent[] = [];
  const s = createXmlCaptureStream({ now: TEST_NOW }, (e) => events.push(e));
  for (let i = 0; i < text.length; i += chunk) s.write(text.slice(i, i + chunk));
  return { events, errors: s.close().documentErrors.length };
}

describe('streaming XML capture', () => {
  const files = [...epcisFiles('gs1-EPCIS/XML', ['.xml']), ...epcisFiles('openepcis-test-resources/2.0/EPCIS/XML/Capture', ['.xml'])];

  test('equals whole-document capture for every conformance document, whatever the chunk size', () => {
    fc.assert(fc.property(fc.constantFrom(...files), fc.integer({ min: 1, max: 4096 }), (file, chunk) => {
      const text = readEpcis(file);
      const whole = prepareCapture(text, 'xml', { now: TEST_NOW });
      const streamed = stream(text, chunk);
      expect(streamed.events.map((e) => [e.index, e.hashId, e.event])).toEqual(whole.events.map((e) => [e.index, e.hashId, e.event]));
      expect(streamed.events.map((e) => e.errors.map((x) => [x.code, x.xmlPath]).sort())).toEqual(whole.events.map((e) => e.errors.map((x) => [x.code, x.xmlPath]).sort()));
    }), { numRuns: 60 });
  });

  test('errors in later events name the same event and path as whole-document capture', () => {
    const event = (extra: string): string => `<ObjectEvent><eventTime>2020-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset><epcList/><action>OBSERVE</action>${extra}</ObjectEvent>`;
    const text = `<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2020-01-01T00:00:00Z"><EPCISBody><EventList>${event('')}${event('<bizStep>urn:epcglobal:cbv:bizstep:nope</bizStep>')}${event('')}</EventList></EPCISBody></epcis:EPCISDocument>`;
    const streamed = stream(text, 17).events.flatMap((e) => e.errors.map((x) => [x.code, x.eventIndex, x.xmlPath]));
    expect(streamed).toEqual([['EPCIS_CBV_UNKNOWN_VALUE', 1, '/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/bizStep']]);
    expect(prepareCapture(text, 'xml', { now: TEST_NOW }).events[1]!.errors.map((x) => [x.code, x.eventIndex, x.xmlPath])).toEqual(streamed);
  });

  test('refuses a DTD and stops on malformed input', () => {
    expect(stream('<!DOCTYPE a [<!ENTITY e "x">]><a/>', 7).errors).toBe(1);
    expect(stream('<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"><EPCISBody><EventList><ObjectEvent>', 10).errors).toBe(1);
  });
});
