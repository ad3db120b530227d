// Rules beyond the JSON Schema, in both bindings: each reports a stable code, the event index and the JSON
// pointer (or XML path) of the fault.
import { computeCheckDigit } from '@txng/gs1';
import { describe, expect, test } from 'vitest';
import { validateEvent } from '../capture.ts';
import type { EpcisIssue } from '../errors/issue.ts';
import { ObjectEvent } from '../model/event-types.ts';
import { validateEpcisJson, validateEpcisXml } from './validate.ts';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }];

function doc(...events: Record<string, unknown>[]): Record<string, unknown> {
  return { '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-01T00:00:00Z', epcisBody: { eventList: events } };
}

function event(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'ObjectEvent', eventTime: '2026-05-01T00:00:00+07:00', eventTimeZoneOffset: '+07:00', epcList: ['urn:epc:id:sgtin:0614141.107346.2017'], action: 'ADD', ...extra };
}

const summary = (issues: readonly EpcisIssue[]): [string, number | undefined, string | undefined][] => issues.map((i) => [i.code, i.eventIndex, i.pointer ?? i.xmlPath]);

describe('semantic rules', () => {
  test('an event time in the future beyond the allowed skew', () => {
    const r = validateEpcisJson(doc(event(), event({ eventTime: '2026-06-01T00:10:00Z' })), { now: NOW });
    expect(summary(r.errors)).toEqual([['EPCIS_EVENT_TIME_IN_FUTURE', 1, '/epcisBody/eventList/1/eventTime']]);
    expect(validateEpcisJson(doc(event({ eventTime: '2026-06-01T00:10:00Z' })), { now: NOW, futureSkewMs: 15 * 60_000 }).ok).toBe(true);
    expect(validateEpcisJson(doc(event({ eventTime: '2027-01-01T00:00:00Z' }))).ok).toBe(true);
  });

  test('time-zone offset outside −14:00..+14:00', () => {
    const r = validateEpcisXml(`<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-01-01T00:00:00Z"><EPCISBody><EventList>
      <ObjectEvent><eventTime>2026-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+14:30</eventTimeZoneOffset><epcList/><action>OBSERVE</action></ObjectEvent>
      </EventList></EPCISBody></epcis:EPCISDocument>`, { now: NOW });
    expect(summary(r.errors)).toEqual([['EPCIS_TIME_ZONE_OFFSET_RANGE', 0, '/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/eventTimeZoneOffset']]);
  });

  test('ilmd only with action ADD', () => {
    const r = validateEpcisJson(doc(event({ action: 'OBSERVE', ilmd: { 'example:lot': 'L1' } })), { now: NOW });
    expect(summary(r.errors)).toEqual([['EPCIS_ILMD_WITHOUT_ADD', 0, '/epcisBody/eventList/0/ilmd']]);
    expect(validateEpcisJson(doc(event({ ilmd: { 'example:lot': 'L1' } })), { now: NOW }).ok).toBe(true);
  });

  test('GS1 keys: wrong check digits and malformed EPC URIs, wherever identifiers are', () => {
    const gtin = '0950600013435';
    const good = `https://id.gs1.org/01/${gtin}${computeCheckDigit(gtin)}/21/1`;
    const bad = `https://id.gs1.org/01/${gtin}${(Number(computeCheckDigit(gtin)) + 1) % 10}/21/1`;
    const r = validateEpcisJson(doc(event({
      epcList: [good, bad], readPoint: { id: 'urn:epc:id:sgln:0614141.07346' },
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 1 }],
    })), { now: NOW });
    expect(summary(r.errors)).toEqual([
      ['EPCIS_BAD_CHECK_DIGIT', 0, '/epcisBody/eventList/0/epcList/1'],
      ['EPCIS_INVALID_GS1_KEY', 0, '/epcisBody/eventList/0/readPoint/id'],
    ]);
    expect(r.errors[1]!.params).toMatchObject({ value: 'urn:epc:id:sgln:0614141.07346', gs1Code: expect.stringMatching(/^GS1_EPC_/) });
    expect(validateEpcisJson(doc(event({ epcList: [bad] })), { now: NOW, gs1Keys: 'warning' }).ok).toBe(true);
  });

  test('CBV values: URN forms are rejected in JSON, unknown CBV URNs everywhere', () => {
    const json = validateEpcisJson(doc(event({ bizStep: 'urn:epcglobal:cbv:bizstep:receiving' })), { now: NOW });
    expect(summary(json.errors)).toEqual([['EPCIS_CBV_URN_IN_JSON', 0, '/epcisBody/eventList/0/bizStep']]);
    expect(json.errors[0]!.params?.suggestion).toBe('receiving');
    const xml = validateEpcisXml(`<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-01-01T00:00:00Z"><EPCISBody><EventList>
      <ObjectEvent><eventTime>2026-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset><epcList/><action>OBSERVE</action>
      <bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep><disposition>urn:epcglobal:cbv:disp:teleported</disposition></ObjectEvent>
      </EventList></EPCISBody></epcis:EPCISDocument>`, { now: NOW });
    expect(summary(xml.errors)).toEqual([['EPCIS_CBV_UNKNOWN_VALUE', 0, '/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/disposition']]);
    expect(validateEpcisJson(doc(event({ bizStep: 'https://example.com/steps/roasting' })), { now: NOW }).ok).toBe(true);
  });

  test('extension prefixes must be declared in @context (keys; values are literals)', () => {
    const r = validateEpcisJson(doc(event({ 'undeclared:field': 'x', 'example:ok': 'undeclared:value' })), { now: NOW });
    expect(summary(r.errors)).toEqual([['EPCIS_UNDECLARED_PREFIX', 0, '/epcisBody/eventList/0/undeclared:field']]);
    expect(r.errors[0]!.params).toMatchObject({ prefix: 'undeclared' });
  });

  test('a bare measurement type outside the GS1 list is accepted with a warning', () => {
    const r = validateEpcisJson(doc(event({ sensorElementList: [{ sensorReport: [{ type: 'Molar_concentration', value: 1 }] }] })), { now: NOW });
    expect(r.ok).toBe(true);
    expect(summary(r.warnings)).toEqual([['EPCIS_SENSOR_TYPE_UNLISTED', 0, '/epcisBody/eventList/0/sensorElementList/0/sensorReport/0/type']]);
    expect(validateEpcisJson(doc(event({ sensorElementList: [{ sensorReport: [{ type: 'Molar_concentration' }] }] })), { now: NOW, sensorTypes: 'reject' }).ok).toBe(false);
  });

  test('a model event can be validated on its own (forms)', () => {
    const e = ObjectEvent.create({ eventTime: '2030-01-01T00:00:00Z', eventTimeZoneOffset: '+07:00', action: 'OBSERVE', epcList: [], ilmd: [{ ns: 'urn:x:', name: 'a', value: 1 }] });
    expect(validateEvent(e, { now: NOW }).errors.map((i) => i.code).sort()).toEqual(['EPCIS_EVENT_TIME_IN_FUTURE', 'EPCIS_ILMD_WITHOUT_ADD', 'EPCIS_SCHEMA_VIOLATION']);
  });
});
