// Capture semantics (issue 4 "Semantics", REST binding /capture): the 7 WithEventHashID documents store one
// event; repeats are no-ops and other events under a stored ID conflicts; recordTime is the repository's; a
// missing eventID becomes the hash; error declarations and corrective events are both kept and queryable;
// GS1-Capture-Error-Behaviour rollback vs proceed; capture jobs and the OPTIONS limits; ledger entries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCapture, readEpcisJson, readEpcisXml, writeXmlDocument, type EpcisDocument } from '@txng/epcis';
import { rows } from '../../../platform/db/database.ts';
import { STREAM_XML_FROM } from '../capture/document-source.ts';
import { CONTEXT, corpus } from '../testing/corpus.ts';
import { createTestSystem, type TestSystem } from '../../../../test/harness.ts';
import {
  allEvents, capture, conformanceFiles, jsonDocument, JSON_LD, objectEvent, organizationWithKey, provinceAdmin, readConformance, report, type TestOrganization,
} from '../testing/support.ts';

let t: TestSystem;
let org: TestOrganization;
let other: TestOrganization;
beforeAll(async () => {
  t = await createTestSystem();
  const admin = await provinceAdmin(t);
  org = await organizationWithKey(t, admin);
  other = await organizationWithKey(t, admin);
});
afterAll(async () => t?.close());

const ids = (events: { eventID: string }[]) => events.map((e) => e.eventID).sort();

describe('capture semantics', () => {
  it('stores the event the 7 WithEventHashID documents describe exactly once', async () => {
    // Document 2 records the event with another eventTimeZoneOffset (a different CBV 2.0 hash, §8.9.2): a repeat of
    // the same occurrence (store/occurrence.ts). Document 7 is JSON-LD spelling CBV values as URNs, which the JSON
    // binding refuses (conformance README "traps"): refused, it stores nothing.
    const files = conformanceFiles('gs1-EPCIS/XML/WithEventHashID', ['.xml', '.json']);
    const outcomes: string[] = [];
    let stored = 0;
    let accepted = 0;
    for (const file of files) {
      const res = await capture(other.key, readConformance(file), file);
      const body = res.json();
      if (res.statusCode === 202) {
        accepted++;
        stored += body.storedCount;
        expect(body.storedCount + body.duplicateCount, file).toBe(1);
        outcomes.push(`${file}: stored ${body.storedCount}, repeat ${body.duplicateCount}`);
      } else {
        expect(file).toMatch(/_7\.json$/);
        expect([...new Set(body.errors.map((e: { code: string }) => e.code))]).toEqual(['EPCIS_CBV_URN_IN_JSON']);
        outcomes.push(`${file}: refused (${res.statusCode}, CBV URNs in JSON-LD)`);
      }
    }
    const events = await allEvents(other.key);
    report('WithEventHashID documents', files.length, accepted, [...outcomes, `events stored: ${events.length}`]);
    expect(files).toHaveLength(7);
    expect(accepted).toBe(6);
    expect(stored).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]!.eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('treats a repeated capture as a no-op and another event under a stored eventID as a conflict', async () => {
    const doc = jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.900'], undefined, { eventID: 'urn:uuid:2b7d3c1e-0000-4000-8000-000000000001' })]);
    const first = await capture(org.key, doc, 'a.jsonld');
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ success: true, storedCount: 1, duplicateCount: 0 });
    const again = await capture(org.key, doc, 'a.jsonld');
    expect(again.json()).toMatchObject({ success: true, storedCount: 0, duplicateCount: 1 });
    const changed = jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.901'], undefined, { eventID: 'urn:uuid:2b7d3c1e-0000-4000-8000-000000000001' })]);
    const clash = await capture(org.key, changed, 'a.jsonld');
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors).toEqual([expect.objectContaining({ code: 'EPCIS_EVENT_ID_CONFLICT', eventIndex: 0, pointer: '/epcisBody/eventList/0/eventID' })]);
    const stored = await allEvents(org.key, 'EQ_eventID=urn:uuid:2b7d3c1e-0000-4000-8000-000000000001');
    expect(stored.map((e) => e.epcList)).toEqual([['urn:epc:id:sgtin:0614141.107346.900']]);
  });

  it('sets recordTime itself and fills a missing eventID with the CBV 2.0 hash', async () => {
    const before = Date.now();
    const res = await capture(org.key, jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.902'], undefined, { recordTime: '2001-01-01T00:00:00Z' })]), 'b.jsonld');
    expect(res.statusCode).toBe(202);
    const [event] = await allEvents(org.key, 'MATCH_epc=urn:epc:id:sgtin:0614141.107346.902');
    expect(event!.eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(Date.parse(event!.recordTime)).toBeGreaterThanOrEqual(before - 1000);
    const byId = await org.key('GET', `/epcis/events/${encodeURIComponent(event!.eventID)}`);
    expect(byId.statusCode).toBe(200);
    expect((await org.key('GET', `/epcis/events/${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-00000000dead')}`)).statusCode).toBe(404);
  });

  it('keeps an error declaration beside the event it corrects, both queryable with the corrective event', async () => {
    const file = 'gs1-EPCIS/JSON/WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld';
    const res = await capture(org.key, readConformance(file), file);
    expect(res.statusCode).toBe(202);
    const declarations = await allEvents(org.key, 'EXISTS_errorDeclaration');
    expect(declarations.length).toBeGreaterThan(0);
    const corrective = (declarations[0]!.errorDeclaration as { correctiveEventIDs: string[] }).correctiveEventIDs;
    const correcting = await allEvents(org.key, `EQ_correctiveEventID=${encodeURIComponent(corrective[0]!)}`);
    expect(ids(correcting)).toEqual(ids(declarations.filter((d) => (d.errorDeclaration as { correctiveEventIDs: string[] }).correctiveEventIDs.includes(corrective[0]!))));
    expect((await allEvents(org.key, `EQ_eventID=${encodeURIComponent(corrective[0]!)}`))).toHaveLength(1);
  });

  it('rolls back the whole document by default, and with proceed stores the valid events and reports the others', async () => {
    const events = [
      objectEvent(['urn:epc:id:sgtin:0614141.107346.910']),
      objectEvent(['urn:epc:id:sgtin:0614141.107346.911'], undefined, { action: 'SOMETIMES' }),
      objectEvent(['urn:epc:id:sgtin:0614141.107346.912']),
    ];
    const rollback = await capture(org.key, jsonDocument(events), 'c.jsonld');
    expect(rollback.statusCode).toBe(400);
    expect(rollback.headers.location).toMatch(/^\/epcis\/capture\//);
    expect(rollback.json().errors).toEqual([expect.objectContaining({ eventIndex: 1, pointer: '/epcisBody/eventList/1/action' })]);
    expect(await allEvents(org.key, 'MATCH_epc=urn:epc:id:sgtin:0614141.107346.910|urn:epc:id:sgtin:0614141.107346.912')).toHaveLength(0);
    const job = await org.key('GET', String(rollback.headers.location));
    expect(job.json()).toMatchObject({ running: false, success: false, captureErrorBehaviour: 'rollback', storedCount: 0 });

    const proceed = await capture(org.key, jsonDocument(events), 'c.jsonld', { 'GS1-Capture-Error-Behaviour': 'proceed' });
    expect(proceed.statusCode).toBe(202);
    expect(proceed.json()).toMatchObject({ running: false, success: false, captureErrorBehaviour: 'proceed', storedCount: 2 });
    expect(proceed.json().errors.map((e: { eventIndex: number; messages: { vi: string; en: string } }) => [e.eventIndex, Boolean(e.messages.vi && e.messages.en)])).toEqual([[1, true]]);
    expect(await allEvents(org.key, 'MATCH_epc=urn:epc:id:sgtin:0614141.107346.910|urn:epc:id:sgtin:0614141.107346.912')).toHaveLength(2);
    const bad = await capture(org.key, jsonDocument(events), 'c.jsonld', { 'GS1-Capture-Error-Behaviour': 'sometimes' });
    expect(bad.statusCode).toBe(400);
  });

  it('lists the organisation’s capture jobs and hides other organisations’ jobs', async () => {
    const res = await capture(org.key, jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.920'])]), 'd.jsonld');
    const location = String(res.headers.location);
    const mine = await org.key('GET', '/epcis/capture?perPage=2');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toHaveLength(2);
    expect(mine.headers.link).toMatch(/rel="next"/);
    expect(mine.json()[0].captureID).toBe(location.split('/').pop());
    expect((await other.key('GET', location)).statusCode).toBe(404);
  });

  it('advertises its limits and refuses documents beyond them with 413', async () => {
    const options = await org.key('OPTIONS', '/epcis/capture');
    expect(options.statusCode).toBe(204);
    const limit = Number(options.headers['gs1-epcis-capture-limit']);
    const sizeLimit = Number(options.headers['gs1-epcis-capture-file-size-limit']);
    expect(limit).toBeGreaterThanOrEqual(10_000);
    expect(sizeLimit).toBeGreaterThan(1024 * 1024);
    const many = jsonDocument(Array.from({ length: limit + 1 }, (_, i) => ({ type: 'ObjectEvent', eventTime: '2026-01-01T00:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [`urn:epc:id:sgtin:0614141.107346.${i}`], action: 'OBSERVE' })));
    const tooMany = await capture(org.key, many, 'e.jsonld');
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().code).toBe('EPCIS_CAPTURE_LIMIT_EXCEEDED');
    const tooBig = await org.key('POST', '/epcis/capture', 'x'.repeat(sizeLimit + 1), JSON_LD);
    expect(tooBig.statusCode).toBe(413);
  }, 120_000);

  it('streams large XML documents event by event, with the same result as the tree reader', async () => {
    const json = jsonDocument(corpus(700, 11), CONTEXT);
    const doc = readEpcisJson(json).document as EpcisDocument;
    const xml = writeXmlDocument(doc);
    expect(xml.length).toBeGreaterThan(STREAM_XML_FROM);
    const res = await capture(org.key, xml, 'big.xml');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
    expect(res.json()).toMatchObject({ success: true, eventCount: 700, storedCount: 700 });
    const plan = prepareCapture(xml.slice(0), 'xml', { now: Date.now() });
    const sample = plan.events.filter((_, i) => i % 97 === 0);
    for (const e of sample) {
      const back = await org.key('GET', `/epcis/events/${encodeURIComponent(e.event.eventID ?? e.hashId)}`, undefined, { accept: 'application/xml', 'GS1-EPC-Format': 'Never_Translates' });
      const { recordTime: _r, ...stored } = (readEpcisXml(back.body).document as EpcisDocument).events.find((x) => !!x.errorDeclaration === !!e.event.errorDeclaration)!;
      expect(stored).toEqual({ ...e.event, eventID: e.event.eventID ?? e.hashId });
    }
    // An error deep in a streamed document refuses all of it.
    const broken = xml.replace(/<action>OBSERVE<\/action>(?![\s\S]*<action>OBSERVE<\/action>)/, '<action>WATCH</action>');
    const before = (await allEvents(org.key)).length;
    const refused = await capture(org.key, broken.replace(/urn:epc:id:sgtin:8934567\.012345\./g, 'urn:epc:id:sgtin:8934567.012345.9'), 'big.xml');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ code: 'EPCIS_SCHEMA_ENUM', xmlPath: expect.stringMatching(/\/action$/) })]);
    expect((await allEvents(org.key)).length).toBe(before);
  }, 300_000);

  it('puts every stored event in the transparency ledger with its CBV 2.0 hash', async () => {
    const res = await capture(org.key, jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.930']), objectEvent(['urn:epc:id:sgtin:0614141.107346.931'])]), 'f.jsonld');
    expect(res.json().storedCount).toBe(2);
    const events = await allEvents(org.key, 'MATCH_epc=urn:epc:id:sgtin:0614141.107346.930|urn:epc:id:sgtin:0614141.107346.931');
    const entries = await rows<{ payload: { kind: string; id: string; sha256: string } }>(t.db.orm, sql`
      select payload from platform.outbox where topic = 'ledger.entry' and payload->>'id' = any(${sql.param(events.map((e) => e.eventID))}::text[])`);
    expect(entries.map((e) => [e.payload.kind, e.payload.id, e.payload.sha256]).sort()).toEqual(
      events.map((e) => ['epcis.event', e.eventID, /sha-256;([0-9a-f]{64})/.exec(e.eventID)![1]]).sort());
  });
});
