// Access to /epcis (issue 4 "Access"): capture by an organisation's users (session + CSRF) or API keys holding
// events:capture; reading by the owning organisation, by organisations named as source or destination party (their
// GLN, or a GLN under their GS1 Company Prefix), and by officials within their scope; nobody anonymous. Every
// capture and query is in the audit log.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCheckDigit } from '@txng/gs1';
import { rows } from '../../../platform/db/database.ts';
import { createTestSystem, official, signIn, TEST_PASSWORD, type Client, type TestSystem } from '../../../../test/harness.ts';
import { allEvents, capture, jsonDocument, keyCaller, objectEvent, organizationWithKey, provinceAdmin, type Call, type TestOrganization } from '../testing/support.ts';

const YEN_CHAU = 46;
const SONG_MA = 64;
const gln = (twelve: string) => `${twelve}${computeCheckDigit(twelve)}`;

let t: TestSystem;
let a: TestOrganization;
let b: TestOrganization;
let c: TestOrganization;
let admin: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestSystem();
  admin = await provinceAdmin(t);
  a = await organizationWithKey(t, admin, { communeId: YEN_CHAU, sectors: ['agriculture-environment'], gs1CompanyPrefix: '8934567', gln: gln('893456700001') });
  b = await organizationWithKey(t, admin, { communeId: SONG_MA, sectors: ['industry-trade'], gs1CompanyPrefix: '8930001', gln: gln('893000100001') });
  c = await organizationWithKey(t, admin, { communeId: SONG_MA, sectors: ['industry-trade'] });
  const events = {
    own: objectEvent(['urn:epc:id:sgtin:8934567.012345.1']),
    toB: objectEvent(['urn:epc:id:sgtin:8934567.012345.2'], undefined, { destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:8930001.00001' }] }),
    fromBsite: objectEvent(['urn:epc:id:sgtin:8934567.012345.3'], undefined, { sourceList: [{ type: 'location', source: 'urn:epc:id:sgln:8930001.00099.0' }] }),
  };
  for (const [name, event] of Object.entries(events)) {
    const res = await capture(a.key, jsonDocument([{ ...event, eventID: `urn:uuid:1c9e3a2b-0000-4000-8000-00000000000${Object.keys(ids).length + 1}` }]), 'x.jsonld');
    expect(res.statusCode).toBe(202);
    ids[name] = `urn:uuid:1c9e3a2b-0000-4000-8000-00000000000${Object.keys(ids).length + 1}`;
  }
  expect((await capture(b.key, jsonDocument([{ ...objectEvent(['urn:epc:id:sgtin:8930001.012345.9']), eventID: 'urn:uuid:1c9e3a2b-0000-4000-8000-0000000000b1' }]), 'x.jsonld')).statusCode).toBe(202);
  ids.ofB = 'urn:uuid:1c9e3a2b-0000-4000-8000-0000000000b1';
}, 180_000);
afterAll(async () => t?.close());

const visible = async (call: Call) => (await allEvents(call)).map((e) => e.eventID).sort();
const asCall = (client: Client): Call => (method, url, body, headers = {}) => client.request(method, url, body, headers);

describe('reading', () => {
  it('an organisation reads its own events and those naming it (GLN or prefix) as source or destination', async () => {
    expect(await visible(a.key)).toEqual([ids.own, ids.toB, ids.fromBsite].sort());
    expect(await visible(b.key)).toEqual([ids.toB, ids.fromBsite, ids.ofB].sort());
    expect(await visible(c.key)).toEqual([]);
    expect((await c.key('GET', `/epcis/events/${encodeURIComponent(ids.own!)}`)).statusCode).toBe(404);
    expect((await b.key('GET', `/epcis/events/${encodeURIComponent(ids.own!)}`)).statusCode).toBe(404);
    expect((await b.key('GET', `/epcis/events/${encodeURIComponent(ids.toB!)}`)).statusCode).toBe(200);
  });

  it('officials read the events of organisations within their scope only', async () => {
    const ofA = [ids.own, ids.toB, ids.fromBsite].sort();
    expect(await visible(asCall(admin))).toEqual([...ofA, ids.ofB].sort());
    expect(await visible(asCall(await official(t, { role: 'commune_officer', communeId: YEN_CHAU })))).toEqual(ofA);
    expect(await visible(asCall(await official(t, { role: 'commune_officer', communeId: SONG_MA })))).toEqual([ids.ofB]);
    expect(await visible(asCall(await official(t, { role: 'sector_officer', sector: 'agriculture-environment' })))).toEqual(ofA);
    expect(await visible(asCall(await official(t, { role: 'sector_officer', sector: 'health' })))).toEqual([]);
    expect(await visible(asCall(await official(t, { role: 'inspector', communeId: SONG_MA })))).toEqual([ids.ofB]);
  });

  it('refuses anonymous callers and keys without events:read', async () => {
    for (const url of ['/epcis/events', '/epcis', '/epcis/capture', `/epcis/events/${encodeURIComponent(ids.own!)}`, '/epcis/queries']) {
      expect((await t.system.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    const captureOnly = await organizationWithKey(t, admin, { permissions: ['events:capture'] });
    const res = await captureOnly.key('GET', '/epcis/events');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('API_KEY_PERMISSION_MISSING');
  });
});

describe('capturing', () => {
  it('needs events:capture on an API key', async () => {
    const readOnly = await organizationWithKey(t, admin, { permissions: ['events:read'] });
    const res = await capture(readOnly.key, jsonDocument([objectEvent(['urn:epc:id:sgtin:8934567.012345.50'])]), 'x.jsonld');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('API_KEY_PERMISSION_MISSING');
    expect((await t.system.app.inject({ method: 'POST', url: '/epcis/capture', payload: jsonDocument([]), headers: { 'content-type': 'application/ld+json' } })).statusCode).toBe(401);
  });

  it('lets a signed-in organisation user capture with the CSRF token, and refuses officials', async () => {
    const doc = jsonDocument([objectEvent(['urn:epc:id:sgtin:8934567.012345.60'])]);
    const noCsrf = await t.system.app.inject({ method: 'POST', url: '/epcis/capture', payload: doc, headers: { cookie: a.admin.cookie, 'content-type': 'application/ld+json' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    const ok = await a.admin.request('POST', '/epcis/capture', doc, { 'content-type': 'application/ld+json' });
    expect(ok.statusCode).toBe(202);
    expect(ok.json().storedCount).toBe(1);
    const staffRes = await a.admin.request('POST', `/api/v1/organizations/${a.id}/users`, { email: 'staff.epcis@coop.test', fullName: 'Nhân Viên', role: 'org_staff', password: TEST_PASSWORD });
    expect(staffRes.statusCode).toBe(201);
    const staff = await signIn(t, 'staff.epcis@coop.test');
    expect((await staff.request('POST', '/epcis/capture', jsonDocument([objectEvent(['urn:epc:id:sgtin:8934567.012345.61'])]), { 'content-type': 'application/ld+json' })).statusCode).toBe(202);
    const officer = await official(t, { role: 'commune_officer', communeId: YEN_CHAU });
    expect((await officer.request('POST', '/epcis/capture', doc, { 'content-type': 'application/ld+json' })).statusCode).toBe(403);
    expect((await admin.request('POST', '/epcis/capture', doc, { 'content-type': 'application/ld+json' })).statusCode).toBe(403);
  });

  it('records every capture and every query in the audit log', async () => {
    const key = keyCaller(t, a.keySecret);
    await key('GET', '/epcis/events?EQ_bizStep=shipping');
    const entries = await rows<{ action: string; outcome: string; subject_organization_id: string | null }>(t.db.orm, sql`
      select action, outcome, subject_organization_id from identity.audit_events where action like 'epcis.%' order by id`);
    expect(entries.filter((e) => e.action === 'epcis.capture' && e.subject_organization_id === a.id).length).toBeGreaterThanOrEqual(4);
    expect(entries.some((e) => e.action === 'epcis.query' && e.subject_organization_id === a.id)).toBe(true);
    expect(entries.some((e) => e.action === 'epcis.event.read' && e.outcome === 'denied')).toBe(true);
  });
});
