// Hostile and malformed capture documents (issue 4 "Bad input"): every one gets a 4xx naming the failing event,
// its JSON pointer or XML path and the reason, never a 5xx; nothing of a refused document is stored; an oversized
// body is refused while it streams in. Property-based: valid fixtures mutated at random (fast-check).
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../platform/db/database.ts';
import { createTestSystem, type TestSystem } from '../../../../test/harness.ts';
import { capture, jsonDocument, JSON_LD, objectEvent, organizationWithKey, provinceAdmin, readConformance, XML, type TestOrganization } from '../testing/support.ts';

let t: TestSystem;
let org: TestOrganization;
beforeAll(async () => {
  t = await createTestSystem();
  org = await organizationWithKey(t, await provinceAdmin(t));
}, 120_000);
afterAll(async () => t?.close());

const stored = async () => Number((await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from epcis.events`))[0]!.n);
interface Problem { code: string; eventIndex?: number; pointer?: string; xmlPath?: string; line?: number; detail: string; messages: { vi: string; en: string } }
const errorsOf = (body: string): Problem[] => (JSON.parse(body) as { errors?: Problem[] }).errors ?? [];

const XML_DOC = (events: string, prolog = '') => `${prolog}<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-01-01T00:00:00Z"><EPCISBody><EventList>${events}</EventList></EPCISBody></epcis:EPCISDocument>`;
const XML_EVENT = '<ObjectEvent><eventTime>2026-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset><epcList><epc>urn:epc:id:sgtin:0614141.107346.1</epc></epcList><action>OBSERVE</action></ObjectEvent>';

describe('hostile documents', () => {
  it('refuses malformed JSON and XML with their position', async () => {
    const json = await capture(org.key, '{"type": "EPCISDocument", "epcisBody": {', 'x.jsonld');
    expect(json.statusCode).toBe(400);
    expect(errorsOf(json.body)[0]!.code).toBe('EPCIS_JSON_SYNTAX');
    const xml = await capture(org.key, XML_DOC(XML_EVENT).slice(0, -10), 'x.xml');
    expect(xml.statusCode).toBe(400);
    expect(errorsOf(xml.body)[0]).toMatchObject({ code: 'EPCIS_XML_SYNTAX', line: 1 });
  });

  it('refuses JSON that is not a document, NUL characters included, without a server error', async () => {
    for (const body of ['"\\u0000"', '"x"', '42', 'null', '[]', 'true', '{"type":"EPCISDocument\\u0000"}', '{"\\u0000":1}']) {
      const res = await capture(org.key, body, 'x.jsonld');
      expect(res.statusCode, `${body}: ${res.body}`).toBe(400);
      expect(errorsOf(res.body).length, body).toBeGreaterThan(0);
    }
  });

  it('refuses XML entity expansion (DOCTYPE with entities) and external DTDs', async () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    for (const prolog of [laughs, '<!DOCTYPE x SYSTEM "http://example.com/evil.dtd">']) {
      const res = await capture(org.key, XML_DOC(XML_EVENT.replace('OBSERVE', '&lol3;'), prolog), 'x.xml');
      expect(res.statusCode).toBe(400);
      expect(errorsOf(res.body).map((e) => e.code)).toEqual(['EPCIS_XML_DOCTYPE_FORBIDDEN']);
    }
  });

  it('refuses deep nesting in both bindings', async () => {
    const deep = `{"type":"EPCISDocument","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const json = await capture(org.key, deep, 'x.jsonld');
    expect(json.statusCode).toBe(400);
    expect(['EPCIS_JSON_TOO_DEEP', 'EPCIS_JSON_SYNTAX']).toContain(errorsOf(json.body)[0]!.code);
    const nested = `${'<x:a xmlns:x="urn:x">'.repeat(5000)}${'</x:a>'.repeat(5000)}`;
    const xml = await capture(org.key, XML_DOC(XML_EVENT.replace('</ObjectEvent>', `${nested}</ObjectEvent>`)), 'x.xml');
    expect(xml.statusCode).toBe(400);
    expect(errorsOf(xml.body).map((e) => e.code)).toEqual(['EPCIS_XML_TOO_DEEP']);
  });

  it('refuses other media types with 415', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const res = await org.key('POST', '/epcis/capture', jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.1'])]), { 'content-type': type });
      expect(res.statusCode, type).toBe(415);
    }
  });

  it('names the event, the pointer or XML path and the reason of schema violations and bad check digits', async () => {
    const events = [
      objectEvent(['urn:epc:id:sgtin:0614141.107346.1']),
      { ...objectEvent(['urn:epc:id:sgtin:0614141.107346.2']), eventTime: undefined },
      objectEvent(['https://id.gs1.org/01/10614141073465/21/3']),
    ];
    const before = await stored();
    const res = await capture(org.key, jsonDocument(events), 'x.jsonld');
    expect(res.statusCode).toBe(400);
    const errors = errorsOf(res.body);
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'EPCIS_SCHEMA_REQUIRED', eventIndex: 1, pointer: '/epcisBody/eventList/1' }),
      expect.objectContaining({ code: 'EPCIS_BAD_CHECK_DIGIT', eventIndex: 2, pointer: '/epcisBody/eventList/2/epcList/0' }),
    ]));
    for (const e of errors) expect(e.messages.vi && e.messages.en && e.detail).toBeTruthy();
    // Rolled back: not even the valid first event is stored.
    expect(await stored()).toBe(before);
    const xml = await capture(org.key, XML_DOC(XML_EVENT + XML_EVENT.replace('OBSERVE', 'OBSERVED')), 'x.xml');
    expect(errorsOf(xml.body)).toEqual([expect.objectContaining({ eventIndex: 1, xmlPath: '/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/action' })]);
  });

  it('refuses text PostgreSQL cannot store (NUL, unpaired surrogates) as invalid, not as a server error', async () => {
    for (const bad of ['lot\\u0000x', 'lot\\ud800x']) {
      const doc = jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.7'], undefined, { 'ex:note': 'PLACEHOLDER' })], [{ ex: 'https://example.com/ex/' }]).replace('PLACEHOLDER', bad);
      const res = await capture(org.key, doc, 'x.jsonld');
      expect(res.statusCode, bad).toBe(400);
      expect(errorsOf(res.body)[0]).toMatchObject({ code: 'EPCIS_CAPTURE_UNSTORABLE_TEXT', eventIndex: 0 });
    }
  });

  it('stops reading a 100 MB body at the size limit and answers 413', async () => {
    const address = await t.system.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.system.app.server.address() as AddressInfo;
    expect(address).toContain('127.0.0.1');
    const limit = Number((await org.key('OPTIONS', '/epcis/capture')).headers['gs1-epcis-capture-file-size-limit']);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/epcis/capture', headers: { authorization: `Bearer ${org.keySecret}`, 'content-type': 'application/ld+json', 'transfer-encoding': 'chunked' } }, (res) => {
        answered = true;
        // The answer came while the body was still being sent: stop sending.
        resolve({ status: res.statusCode ?? 0, sent });
        res.resume();
        req.destroy();
      });
      req.on('error', (err) => (answered ? undefined : reject(err)));
      const pump = () => {
        while (!answered && sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      req.write('{"type":"EPCISDocument","padding":"');
      pump();
    });
    expect(result.status).toBe(413);
    // The server answered long before the client could send 100 MB: the rest was never read.
    expect(result.sent).toBeLessThan(100 * 1024 * 1024);
    expect(result.sent).toBeGreaterThanOrEqual(limit - chunk.length);
  }, 120_000);
});

describe('property-based mutation of valid fixtures', () => {
  const fixtures = [
    'gs1-EPCIS/JSON/Example_9.6.1-ObjectEvent.jsonld', 'gs1-EPCIS/JSON/Example_9.6.3-AggregationEvent.jsonld',
    'gs1-EPCIS/JSON/WithSensorData/SensorDataExample6.jsonld', 'gs1-EPCIS/JSON/WithFullCombinationOfFields/association_event_all_possible_fields.jsonld',
  ].map((f) => JSON.parse(readConformance(f)) as Record<string, unknown>);

  type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
  const paths = (value: Json, at: (string | number)[] = []): (string | number)[][] => {
    if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
    if (value && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
    return [at];
  };
  const mutate = (doc: Json, path: (string | number)[], op: 'delete' | 'replace' | 'add', value: Json): Json => {
    const copy = structuredClone(doc);
    if (!path.length) return op === 'replace' ? value : copy;
    let node = copy as Record<string | number, Json>;
    for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (op === 'delete') {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else if (op === 'replace') node[last] = value;
    else if (typeof node[last] === 'object' && node[last] !== null && !Array.isArray(node[last])) (node[last] as Record<string, Json>)['zz:x'] = value;
    else if (Array.isArray(node[last])) (node[last] as Json[]).push(value);
    return copy;
  };

  it('never fails with a server error, and stores nothing of a refused document', async () => {
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string(), fc.string({ unit: 'binary', maxLength: 8 }), fc.constant('urn:epc:id:sgtin:0614141.107346.X'),
      fc.constant('2026-13-45T99:00:00Z'), fc.constant(''), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.string(), { maxKeys: 2 })) as fc.Arbitrary<Json>;
    await fc.assert(fc.asyncProperty(
      fc.nat(fixtures.length - 1), fc.nat(), fc.constantFrom('delete', 'replace', 'add' as const), value,
      async (f, pick, op, v) => {
        const doc = fixtures[f] as Json;
        const all = paths(doc);
        const mutated = mutate(doc, all[pick % all.length]!, op as 'delete' | 'replace' | 'add', v);
        const before = await stored();
        const res = await org.key('POST', '/epcis/capture', JSON.stringify(mutated), JSON_LD);
        expect([202, 400, 413]).toContain(res.statusCode);
        if (res.statusCode === 400) {
          expect(await stored()).toBe(before);
          const errors = errorsOf(res.body);
          if (errors.length) for (const e of errors) expect(e.code).toMatch(/^[A-Z0-9_]+$/);
          else expect(JSON.parse(res.body).code).toMatch(/^[A-Z0-9_]+$/);
        }
        if (res.statusCode === 202) expect(res.json().storedCount + res.json().duplicateCount).toBe(res.json().eventCount);
      },
    ), { numRuns: 80 });
  }, 600_000);

  it('never fails with a server error on corrupted XML', async () => {
    const xml = readConformance('gs1-EPCIS/XML/WithFullCombinationOfFields/object_event_all_possible_fields.xml');
    await fc.assert(fc.asyncProperty(fc.nat(xml.length - 1), fc.nat(200), fc.string({ maxLength: 12 }), async (at, cut, insert) => {
      const corrupted = xml.slice(0, at) + insert + xml.slice(Math.min(xml.length, at + cut));
      const before = await stored();
      const res = await org.key('POST', '/epcis/capture', corrupted, XML);
      expect([202, 400]).toContain(res.statusCode);
      if (res.statusCode === 400) expect(await stored()).toBe(before);
    }), { numRuns: 50 });
  }, 600_000);
});
