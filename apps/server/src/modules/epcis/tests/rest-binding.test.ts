// REST binding behaviour beyond single queries: pagination (perPage / nextPageToken, Link rel="next") that stays
// stable while events are captured, 400 problems naming each faulty parameter, content negotiation and the GS1
// headers, the top-level shortcuts, and named queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEpcisXml, type EpcisDocument } from '@txng/epcis';
import { createTestSystem, type TestSystem } from '../../../../test/harness.ts';
import { allEvents, capture, jsonDocument, objectEvent, organizationWithKey, provinceAdmin, type EpcisEventJson, type TestOrganization } from '../testing/support.ts';

let t: TestSystem;
let org: TestOrganization;
const hour = (h: number) => new Date(Date.UTC(2026, 2, 1) + h * 3_600_000).toISOString();
const batch = (from: number, count: number, time: (i: number) => string) =>
  jsonDocument(Array.from({ length: count }, (_, i) => objectEvent([`urn:epc:id:sgtin:0614141.107346.${from + i}`], time(from + i), { bizStep: 'receiving' })));

beforeAll(async () => {
  t = await createTestSystem();
  org = await organizationWithKey(t, await provinceAdmin(t));
  const res = await capture(org.key, batch(1000, 50, (i) => hour(2 * (i - 1000))), 'a.jsonld');
  expect(res.statusCode).toBe(202);
}, 120_000);
afterAll(async () => t?.close());

interface Page { events: EpcisEventJson[]; next?: string }

async function page(url: string): Promise<Page> {
  const res = await org.key('GET', url, undefined, { 'GS1-EPC-Format': 'Never_Translates' });
  expect(res.statusCode, res.body).toBe(200);
  const next = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''))?.[1];
  return { events: res.json().epcisBody.queryResults.resultsBody.eventList, ...(next ? { next } : {}) };
}

/** Pages through `url` while other events are captured (before, inside and after the range read so far): each
 * capture runs concurrently with the reading of the next page. */
async function pageWhileCapturing(url: string): Promise<EpcisEventJson[]> {
  const out: EpcisEventJson[] = [];
  let next: string | undefined = url;
  let round = 0;
  let pending: Promise<{ statusCode: number }> | undefined;
  while (next) {
    const [p, captured]: [Page, { statusCode: number } | undefined] = await Promise.all([page(next), pending]);
    if (captured) expect(captured.statusCode).toBe(202);
    out.push(...p.events);
    next = p.next;
    const from = 5000 + round * 10;
    pending = capture(org.key, batch(from, 3, (i) => hour(2 * (i - from) + round * 7 + 1)), 'b.jsonld');
    round++;
  }
  expect((await pending)?.statusCode).toBe(202);
  return out;
}

describe('pagination', () => {
  it('pages in capture order, each event once, unaffected by events captured meanwhile', async () => {
    const before = (await allEvents(org.key, 'EQ_bizStep=receiving')).map((e) => e.eventID);
    const paged = await pageWhileCapturing('/epcis/events?perPage=7&EQ_bizStep=receiving');
    expect(paged.map((e) => e.eventID)).toEqual(before);
  });

  it('pages by eventTime in both directions against the snapshot of the first page', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const snapshot = await allEvents(org.key, `EQ_bizStep=receiving&orderBy=eventTime&orderDirection=${direction}`);
      const paged = await pageWhileCapturing(`/epcis/events?perPage=6&EQ_bizStep=receiving&orderBy=eventTime&orderDirection=${direction}`);
      expect(paged.map((e) => e.eventID)).toEqual(snapshot.map((e) => e.eventID));
      const times = paged.map((e) => Date.parse(e.eventTime as string));
      expect(times).toEqual([...times].sort((a, b) => (direction === 'ASC' ? a - b : b - a)));
    }
  });

  it('honours eventCountLimit across pages and says there is no next page after the last', async () => {
    const first = await page('/epcis/events?perPage=4&orderBy=eventTime&eventCountLimit=10&EQ_bizStep=receiving');
    const second = await page(first.next!);
    const third = await page(second.next!);
    expect([first.events.length, second.events.length, third.events.length]).toEqual([4, 4, 2]);
    expect(third.next).toBeUndefined();
  });
});

describe('400 for unknown or malformed parameters, naming each', () => {
  const cases: [string, string, string][] = [
    ['foo=1', 'foo', 'EPCIS_QUERY_UNKNOWN_PARAMETER'],
    ['GE_eventTime=yesterday', 'GE_eventTime', 'EPCIS_QUERY_INVALID_VALUE'],
    ['EQ_action=SOMETIMES', 'EQ_action', 'EPCIS_QUERY_INVALID_VALUE'],
    ['orderDirection=UP', 'orderDirection', 'EPCIS_QUERY_INVALID_VALUE'],
    ['perPage=0', 'perPage', 'EPCIS_QUERY_INVALID_VALUE'],
    ['eventCountLimit=5', 'eventCountLimit', 'EPCIS_QUERY_CONFLICT'],
    ['GE_eventTime=2026-01-01T00:00:00Z&GE_eventTime=2026-01-02T00:00:00Z', 'GE_eventTime', 'EPCIS_QUERY_DUPLICATE_PARAMETER'],
    ['EQ_zz:field=1', 'EQ_zz:field', 'EPCIS_QUERY_UNKNOWN_PREFIX'],
    ['GT_quantity=many', 'GT_quantity', 'EPCIS_QUERY_INVALID_VALUE'],
    ['nextPageToken=garbage', 'nextPageToken', 'EPCIS_PAGE_TOKEN_INVALID'],
  ];
  for (const [query, name, code] of cases) {
    it(`${query} → 400 naming ${name}`, async () => {
      const res = await org.key('GET', `/epcis/events?${query.replace(/\+/g, '%2B')}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'query', pointer: name, code })]));
      expect(res.json().errors[0].messages.vi).toBeTruthy();
    });
  }

  it('refuses a page token of another query', async () => {
    const first = await page('/epcis/events?perPage=2&EQ_bizStep=receiving');
    const token = new URL(first.next!, 'http://x').searchParams.get('nextPageToken')!;
    const res = await org.key('GET', `/epcis/events?perPage=2&EQ_bizStep=shipping&nextPageToken=${token}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('EPCIS_PAGE_TOKEN_INVALID');
  });
});

describe('content negotiation, GS1 headers and shortcuts', () => {
  it('answers JSON-LD or XML as asked, with the GS1 version headers, and 406 otherwise', async () => {
    const json = await org.key('GET', '/epcis/events?perPage=1');
    expect(json.headers['content-type']).toContain('application/ld+json');
    expect(json.headers['gs1-epcis-version']).toBe('2.0.1');
    expect(json.headers['gs1-cbv-version']).toBe('2.0.0');
    const xml = await org.key('GET', '/epcis/events?perPage=3', undefined, { accept: 'application/xml' });
    expect(xml.headers['content-type']).toContain('application/xml');
    expect((readEpcisXml(xml.body).document as EpcisDocument).events).toHaveLength(3);
    const web = await org.key('GET', '/epcis/events?perPage=1', undefined, { accept: 'text/xml', 'GS1-CBV-XML-Format': 'Always_Web_URI' });
    expect(web.body).toContain('https://ref.gs1.org/cbv/BizStep-receiving');
    expect((await org.key('GET', '/epcis/events', undefined, { accept: 'text/html' })).statusCode).toBe(406);
    expect((await org.key('GET', '/epcis/events', undefined, { 'GS1-EPCIS-Version': '1.2' })).statusCode).toBe(406);
  });

  it('writes identifiers as Digital Links by default, as EPC URNs or as captured on request', async () => {
    const get = async (format?: string) => ((await org.key('GET', '/epcis/events?perPage=1&MATCH_epc=urn:epc:id:sgtin:0614141.107346.1000', undefined, format ? { 'GS1-EPC-Format': format } : {}))
      .json().epcisBody.queryResults.resultsBody.eventList[0].epcList as string[])[0];
    expect(await get()).toBe('https://id.gs1.org/01/10614141073464/21/1000');
    expect(await get('Always_EPC_URN')).toBe('urn:epc:id:sgtin:0614141.107346.1000');
    expect(await get('Never_Translates')).toBe('urn:epc:id:sgtin:0614141.107346.1000');
    expect((await org.key('GET', '/epcis/events', undefined, { 'GS1-EPC-Format': 'Sometimes' })).statusCode).toBe(400);
  });

  it('serves the top-level shortcuts as the equivalent queries', async () => {
    const shortcut = (await page('/epcis/bizSteps/receiving/events?perPage=1000&orderBy=eventTime')).events.map((e) => e.eventID);
    expect(shortcut).toEqual((await allEvents(org.key, 'EQ_bizStep=receiving&orderBy=eventTime')).map((e) => e.eventID));
    const byEpc = await page(`/epcis/epcs/${encodeURIComponent('https://id.gs1.org/01/10614141073464/21/1001')}/events`);
    expect(byEpc.events.map((e) => e.epcList)).toEqual([['urn:epc:id:sgtin:0614141.107346.1001']]);
    expect((await page('/epcis/eventTypes/ObjectEvent/events?perPage=5')).events).toHaveLength(5);
    expect((await page('/epcis/eventTypes/AggregationEvent/events')).events).toHaveLength(0);
    const types = await org.key('GET', '/epcis/eventTypes');
    expect(types.json().member).toEqual(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);
    expect((await org.key('GET', `/epcis/readPoints/${encodeURIComponent('urn:epc:id:sgln:0614141.00001.0')}`)).json().member).toEqual(['events']);
  });
});

describe('named queries', () => {
  it('creates, lists, runs and deletes a named query; refuses a duplicate name and an invalid definition', async () => {
    const created = await org.key('POST', '/epcis/queries', { name: 'receiving', query: { EQ_bizStep: ['receiving'], orderBy: 'eventTime', orderDirection: 'ASC' } });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe('/epcis/queries/receiving');
    expect((await org.key('POST', '/epcis/queries', { name: 'receiving', query: {} })).statusCode).toBe(409);
    const invalid = await org.key('POST', '/epcis/queries', { name: 'bad', query: { EQ_action: ['SOMETIMES'], GE_eventTime: 'x' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['EQ_action', 'GE_eventTime']);
    expect((await org.key('GET', '/epcis/queries')).json().map((q: { name: string }) => q.name)).toEqual(['receiving']);
    const run = await page('/epcis/queries/receiving/events?perPage=1000');
    expect(run.events.map((e) => e.eventID)).toEqual((await allEvents(org.key, 'EQ_bizStep=receiving&orderBy=eventTime&orderDirection=ASC')).map((e) => e.eventID));
    expect((await org.key('GET', '/epcis/queries/receiving/events?EQ_action=ADD')).statusCode).toBe(400);
    expect((await org.key('DELETE', '/epcis/queries/receiving')).statusCode).toBe(204);
    expect((await org.key('GET', '/epcis/queries/receiving')).statusCode).toBe(404);
  });
});
