// Misuse: a copied stamp scanned in two far places and verified twice raises the flags its page and its owner
// see; guessing codes locks the stamp; other organisations and officials out of scope reach nothing.
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/database.ts';
import { apiKeyRequest, createTestSystem, fixedClock, official, type Client, type TestSystem } from '../../../test/harness.ts';
import { completeProduct, issuedRequest, producer, provinceAdmin, type CatalogSetup, type Producer, YEN_CHAU } from './test-kit.ts';
import { defaultScanPage } from './index.ts';

let t: TestSystem;
let admin: Client;
let coop: Producer;
let rival: Producer;
let catalog: CatalogSetup;
let requestId: string;
let stamps: { serial: string; uri: string }[];
const codes = new Map<string, string>();

beforeAll(async () => {
  t = await createTestSystem({ clock: fixedClock('2026-07-10T03:00:00Z') });
  // These tests read this module's own page; the public module's scan page (issue 8) has its own tests.
  t.system.services.stamps.setRenderer(defaultScanPage);
  admin = await provinceAdmin(t);
  coop = await producer(t, admin, '893612377');
  rival = await producer(t, admin, '893612388', { communeId: 64 });
  catalog = await completeProduct(t, coop, 3, { latitude: 21.05, longitude: 104.3 });
  const request = await issuedRequest(t, coop, admin, catalog, { quantity: 12, kind: 'qr_code' });
  requestId = request.id;
  stamps = (await coop.admin.request('GET', `/api/v1/stamps?requestId=${requestId}`)).json().items;
  const zip = unzipSync(new Uint8Array((await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}/labels.zip`)).rawPayload));
  for (const line of new TextDecoder().decode(zip['stamps.csv']).trim().split('\r\n').slice(1)) {
    const [, serial, , , code] = line.split(',');
    codes.set(serial!, code!);
  }
  await coop.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, range: { requestId, from: 1, to: 12 } });
});
afterAll(async () => t?.close());

const scanFrom = (ip: string, path: string) => t.system.app.inject({ method: 'GET', url: path, remoteAddress: ip, headers: { accept: 'text/html', 'user-agent': 'Mozilla/5.0 (Linux; Android 12; Zalo)' } });
const scanIdOf = (html: string) => /data-scan="([0-9a-f-]{36})"/.exec(html)![1]!;

describe('a copied stamp', () => {
  it('scanned in Sơn La and in Hồ Chí Minh City and verified from two phones is flagged, and its page warns', async () => {
    const s = stamps[0]!;
    const path = new URL(s.uri).pathname;
    const here = await scanFrom('203.0.113.10', path);
    expect(here.body).toContain('Tem chính hãng');
    await t.system.app.inject({ method: 'POST', url: `/api/v1/scans/${scanIdOf(here.body)}/place`, remoteAddress: '203.0.113.10', payload: { latitude: 21.3271, longitude: 103.9144 } });
    const far = await scanFrom('198.51.100.7', path);
    await t.system.app.inject({ method: 'POST', url: `/api/v1/scans/${scanIdOf(far.body)}/place`, remoteAddress: '198.51.100.7', payload: { latitude: 10.7769, longitude: 106.7009 } });
    await t.system.services.stamps.recorder.flush();

    const code = codes.get(s.serial)!;
    const first = await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', remoteAddress: '203.0.113.10', payload: { uri: s.uri, code } });
    expect(first.json().outcome).toBe('verified');
    const copy = await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', remoteAddress: '198.51.100.7', payload: { uri: s.uri, code } });
    expect(copy.json()).toMatchObject({ outcome: 'already_verified', verifiedAt: '2026-07-10T03:00:00.000Z' });

    const [row] = await rows<{ flags: { code: string; params: Record<string, number> }[] }>(t.db.orm, sql`select flags from stamps.stamps where serial = ${s.serial}`);
    const flags = Object.fromEntries(row!.flags.map((f) => [f.code, f.params]));
    expect(Object.keys(flags).sort()).toEqual(['code_reused', 'far_from_region', 'scanned_far_apart']);
    expect(flags.far_from_region!.distanceKm).toBeGreaterThan(1000);
    expect(flags.scanned_far_apart!.distanceKm).toBeGreaterThan(1000);

    const page = await scanFrom('192.0.2.1', path);
    expect(page.body).toContain('Cảnh báo: tem có dấu hiệu bị sao chép');
    expect(page.body).toContain('một con tem thật không thể di chuyển nhanh như vậy');
    expect(page.body).toContain('đã được dùng lúc');
    const english = await t.system.app.inject({ method: 'GET', url: `${path}?lang=en`, remoteAddress: '192.0.2.1' });
    expect(english.body).toContain('Warning: this stamp may be copied');

    // The two page views above are scans too; flush them so the figures do not depend on the recorder's timer.
    await t.system.services.stamps.recorder.flush();
    const stats = await coop.admin.request('GET', `/api/v1/stamps/${s.serial}/scans`);
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({ scanCount: 4, distinctClients: 3, expectedRegion: { source: 'lot', radiusKm: 400 } });
    expect(stats.json().places.map((p: { latitude: number }) => p.latitude).sort()).toEqual([10.8, 21.3]);
    expect(stats.json().byUserAgent[0].family).toBe('Zalo');
    expect(stats.json().flags.map((f: { message: string }) => f.message).join(' ')).toContain('km');
  });

  it('a genuine buyer re-entering their own code is told so without flagging the stamp', async () => {
    const s = stamps[1]!;
    for (let i = 0; i < 2; i++) await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', remoteAddress: '203.0.113.20', payload: { uri: s.uri, code: codes.get(s.serial) } });
    const [row] = await rows<{ n: number }>(t.db.orm, sql`select jsonb_array_length(flags)::int as n from stamps.stamps where serial = ${s.serial}`);
    expect(row!.n).toBe(0);
  });

  it('many phones within an hour flag a high scan rate', async () => {
    const path = new URL(stamps[2]!.uri).pathname;
    for (let i = 1; i <= 8; i++) await scanFrom(`198.18.0.${i}`, path);
    await t.system.services.stamps.recorder.flush();
    const [row] = await rows<{ flags: { code: string }[] }>(t.db.orm, sql`select flags from stamps.stamps where serial = ${stamps[2]!.serial}`);
    expect(row!.flags.map((f) => f.code)).toEqual(['high_scan_rate']);
  });

  it('locks a stamp after 5 wrong codes, whoever sends them', async () => {
    const s = stamps[3]!;
    const wrong = codes.get(s.serial) === '00000000' ? '99999999' : '00000000';
    for (let i = 0; i < 5; i++) {
      const res = await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', remoteAddress: `198.19.0.${i}`, payload: { uri: s.uri, code: wrong } });
      expect(res.json().outcome).toBe('wrong_code');
    }
    const locked = await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', remoteAddress: '198.19.1.1', payload: { uri: s.uri, code: codes.get(s.serial) } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('STAMP_VERIFY_LOCKED');
    expect(locked.headers['retry-after'] ?? locked.json().retryAfter).toBeTruthy();
  });
});

describe('authorisation', () => {
  it('keeps another organisation out of requests, print files, stamps, scans and activation', async () => {
    const s = stamps[4]!;
    expect((await rival.admin.request('GET', `/api/v1/stamp-requests/${requestId}`)).statusCode).toBe(404);
    expect((await rival.admin.request('GET', `/api/v1/stamp-requests/${requestId}/labels.pdf?reprint=true&reason=steal`)).statusCode).toBe(404);
    expect((await rival.admin.request('GET', `/api/v1/stamps/${s.serial}`)).statusCode).toBe(404);
    expect((await rival.admin.request('GET', `/api/v1/stamps/${s.serial}/scans`)).statusCode).toBe(404);
    expect((await rival.admin.request('POST', `/api/v1/stamps/${s.serial}/void`, { reason: 'sabotage' })).statusCode).toBe(404);
    expect((await rival.admin.request('GET', `/api/v1/stamps?requestId=${requestId}`)).json().total).toBe(0);
    const rivalCatalog = await completeProduct(t, rival, 5);
    const grab = await rival.admin.request('POST', '/api/v1/stamps/activate', { lotId: rivalCatalog.lotId, serials: [s.serial] });
    expect(grab.json()).toMatchObject({ changed: 0, notFound: [s.serial] });
    const foreignLot = await rival.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, range: { requestId, from: 1, to: 2 } });
    expect(foreignLot.statusCode).toBe(400);
    expect((await rival.admin.request('POST', `/api/v1/stamp-requests/${requestId}/approve`, {})).statusCode).toBe(404);
  });

  it('lets only the product\'s sector officer (or the province) decide; other officials read within scope or not at all', async () => {
    const pending = (await coop.admin.request('POST', '/api/v1/stamp-requests', { productId: catalog.productId, quantity: 5, kind: 'qr', layout: { preset: 'a4-65' } })).json();
    const trade = await official(t, { role: 'sector_officer', sector: 'industry-trade' });
    expect((await trade.request('GET', `/api/v1/stamp-requests/${pending.id}`)).statusCode).toBe(404);
    expect((await trade.request('POST', `/api/v1/stamp-requests/${pending.id}/approve`, {})).statusCode).toBe(404);
    expect((await trade.request('GET', '/api/v1/stamp-requests?status=pending&decidable=true')).json().total).toBe(0);
    const commune = await official(t, { role: 'commune_officer', communeId: YEN_CHAU });
    const seen = await commune.request('GET', `/api/v1/stamp-requests/${pending.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canDecide).toBe(false);
    expect((await commune.request('POST', `/api/v1/stamp-requests/${pending.id}/approve`, {})).statusCode).toBe(403);
    const agri = await official(t, { role: 'sector_officer', sector: 'agriculture-environment' });
    const queue = (await agri.request('GET', '/api/v1/stamp-requests?status=pending&decidable=true')).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(pending.id);
    const rejected = await agri.request('POST', `/api/v1/stamp-requests/${pending.id}/reject`, { reason: 'Thiếu hồ sơ lô hàng' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'Thiếu hồ sơ lô hàng' });
    expect((await coop.admin.request('POST', '/api/v1/stamp-requests', { productId: catalog.productId, quantity: 5, kind: 'qr', layout: { preset: 'a4-65' } })).statusCode).toBe(201);
    expect((await agri.request('POST', '/api/v1/stamp-requests', { productId: catalog.productId, quantity: 5, kind: 'qr', layout: { preset: 'a4-65' } })).json().code).toBe('STAMP_ORGANIZATION_REQUIRED');
  });

  it('lets an API key read with stamps:read but not request or print without stamps:write', async () => {
    const res = await coop.admin.request('POST', `/api/v1/organizations/${coop.id}/api-keys`, { name: 'reader', permissions: ['stamps:read'] });
    const key = apiKeyRequest(t, res.json().secret);
    expect((await key('GET', `/api/v1/stamps?requestId=${requestId}`)).json().total).toBe(12);
    expect((await key('POST', '/api/v1/stamp-requests', { productId: catalog.productId, quantity: 1, kind: 'qr', layout: { preset: 'a4-65' } })).statusCode).toBe(403);
    expect((await key('GET', `/api/v1/stamp-requests/${requestId}/labels.pdf`)).statusCode).toBe(403);
  });

  it('refuses absurd layouts and requests beyond the quota with messages that say why', async () => {
    const tiny = await coop.admin.request('POST', '/api/v1/stamp-requests', { productId: catalog.productId, quantity: 5, kind: 'qr', layout: { kind: 'roll', labelWidthMm: 10, labelHeightMm: 10 } });
    expect(tiny.statusCode).toBe(400);
    expect(tiny.json().errors[0]).toMatchObject({ code: 'STAMP_LAYOUT_LABEL_TOO_SMALL' });
    expect(tiny.json().errors[0].messages.vi).toContain('quá nhỏ');
    const overflow = await coop.admin.request('POST', '/api/v1/stamp-requests', {
      productId: catalog.productId, quantity: 5, kind: 'qr',
      layout: { kind: 'sheet', pageWidthMm: 210, pageHeightMm: 297, labelWidthMm: 70, labelHeightMm: 40, columns: 4, rows: 8, marginTopMm: 10, marginLeftMm: 5, gapXMm: 2, gapYMm: 0 },
    });
    expect(overflow.json().errors.map((e: { code: string; pointer: string }) => [e.pointer, e.code])).toEqual([['/layout/columns', 'STAMP_LAYOUT_DOES_NOT_FIT'], ['/layout/rows', 'STAMP_LAYOUT_DOES_NOT_FIT']]);
    expect(overflow.json().errors[0].messages.en).toContain('needs 291 mm but the page has 210 mm');
    expect((await admin.request('PUT', `/api/v1/stamp-quotas/${coop.id}`, { yearlyLimit: 40 })).statusCode).toBe(200);
    const over = await coop.admin.request('POST', '/api/v1/stamp-requests', { productId: catalog.productId, quantity: 50, kind: 'qr', layout: { preset: 'a4-65' } });
    expect(over.json().code).toBe('STAMP_QUOTA_EXCEEDED');
    expect(over.json().messages.vi).toContain('Vượt hạn mức tem năm 2026');
    expect((await coop.admin.request('PUT', `/api/v1/stamp-quotas/${coop.id}`, { yearlyLimit: 10_000 })).statusCode).toBe(403);
  });
});
