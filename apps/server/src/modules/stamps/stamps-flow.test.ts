// The whole life of a stamp through the HTTP API, as a cooperative, an official and a consumer meet it:
// request → approve (checks shown) → issue (background job) → print (the PDF's QR codes decode back to the
// URIs) → activate by range and by scanned labels → scan → verify the hidden code.
import { unzipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/database.ts';
import { createTestSystem, fixedClock, type Client, type TestSystem } from '../../../test/harness.ts';
import { LAYOUT_PRESETS } from './model.ts';
import { completeProduct, producer, provinceAdmin, type CatalogSetup, type Producer } from './test-kit.ts';
import { decodeLabelPdf, pdfPageCount, pdftoppmAvailable } from './test-pdf.ts';
import { defaultScanPage } from './index.ts';

let t: TestSystem;
let admin: Client;
let coop: Producer;
let catalog: CatalogSetup;
const PREFIX = '893612345';
const clock = fixedClock('2026-07-10T03:00:00Z');

beforeAll(async () => {
  t = await createTestSystem({ clock });
  // These tests read this module's own page; the public module's scan page (issue 8) has its own tests.
  t.system.services.stamps.setRenderer(defaultScanPage);
  admin = await provinceAdmin(t);
  coop = await producer(t, admin, PREFIX);
  catalog = await completeProduct(t, coop, 1);
});
afterAll(async () => t?.close());

interface Stamp {
  serial: string;
  seq: number;
  uri: string;
  status: string;
}

async function stampsOf(requestId: string): Promise<Stamp[]> {
  const res = await coop.admin.request('GET', `/api/v1/stamps?requestId=${requestId}&limit=500`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('a stamp request from request to scan', () => {
  let requestId: string;
  let stamps: Stamp[];
  const codes = new Map<string, string>();

  it('shows the approver every check and refuses nothing when all pass', async () => {
    const res = await coop.admin.request('POST', '/api/v1/stamp-requests', { productId: catalog.productId, lotId: catalog.lotId, quantity: 20, kind: 'qr_code', layout: { preset: 'a4-24' } });
    expect(res.statusCode, res.body).toBe(201);
    requestId = res.json().id;
    const queue = (await admin.request('GET', '/api/v1/stamp-requests?status=pending&decidable=true')).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(requestId);
    const detail = (await admin.request('GET', `/api/v1/stamp-requests/${requestId}`)).json();
    expect(detail.canDecide).toBe(true);
    expect(Object.fromEntries(detail.checks.map((c: { code: string; passed: boolean | null }) => [c.code, c.passed]))).toEqual({
      organization_approved: true,
      product_published: true,
      product_complete: true,
      certificates_valid: true,
      ocop_valid: true,
      lot_matches_product: true,
      within_quota: true,
    });
    expect(detail.checks.find((c: { code: string }) => c.code === 'product_complete').label).toBe('Đủ thông tin bắt buộc theo Thông tư 02/2024');
  });

  it('issues the stamps in a background job after approval, with unguessable serials in GS1 Digital Links', async () => {
    const approved = await admin.request('POST', `/api/v1/stamp-requests/${requestId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'issuing', uriPrefix: `http://txng.test/01/${catalog.gtin}/10/${catalog.lotCode}/21/` });
    while (await t.system.jobs.runOnce());
    const after = (await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}`)).json();
    expect(after).toMatchObject({ status: 'issued', issuedCount: 20 });
    stamps = await stampsOf(requestId);
    expect(stamps.map((s) => s.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const s of stamps) {
      expect(s.serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(s.uri).toBe(`http://txng.test/01/${catalog.gtin}/10/${catalog.lotCode}/21/${s.serial}`);
      expect(s.status).toBe('issued');
    }
    expect(new Set(stamps.map((s) => s.serial)).size).toBe(20);
    const ledger = await rows<{ kind: string; id: string }>(t.db.orm, sql`select payload->>'kind' as kind, payload->>'id' as id from platform.outbox where topic = 'ledger.entry' and payload->>'kind' in ('stamp.issue', 'stamp-request.decision') order by id`);
    expect(ledger).toEqual([
      { kind: 'stamp.issue', id: `stamp-issue:${requestId}:1-20` },
      { kind: 'stamp-request.decision', id: `stamp-request:${requestId}` },
    ]);
  });

  it.skipIf(!pdftoppmAvailable())('prints a PDF whose QR codes decode back to the stamp URIs, once; a reprint needs a reason', async () => {
    const res = await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}/labels.pdf?from=1&to=10`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const decoded = decodeLabelPdf(pdf, LAYOUT_PRESETS['a4-24'], 'qr_code', 10);
    expect(decoded).toEqual(stamps.slice(0, 10).map((s) => s.uri));
    const again = await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}/labels.pdf?from=1&to=10`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('STAMP_ALREADY_PRINTED');
    const noReason = await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}/labels.pdf?from=1&to=2&reprint=true`);
    expect(noReason.statusCode).toBe(400);
    const reprint = await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}/labels.pdf?from=1&to=2&reprint=true&reason=${encodeURIComponent('Kẹt giấy khi in')}`);
    expect(reprint.statusCode).toBe(200);
    const jobs = (await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}/print-jobs`)).json().items;
    expect(jobs.map((j: { reprint: boolean; labels: number }) => [j.reprint, j.labels])).toEqual([[false, 10], [true, 2]]);
  });

  it('prints a ZIP with one SVG and PNG per label and the codes in a CSV, generated once', async () => {
    const res = await coop.admin.request('GET', `/api/v1/stamp-requests/${requestId}/labels.zip?from=11&to=20`);
    expect(res.statusCode, res.body).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files);
    expect(names.filter((n) => n.startsWith('labels/') && n.endsWith('.svg'))).toHaveLength(10);
    expect(names.filter((n) => n.startsWith('qr/') && n.endsWith('.png'))).toHaveLength(10);
    const csv = new TextDecoder().decode(files['stamps.csv']).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('seq,serial,human_code,uri,verification_code,product');
    for (const line of csv.slice(1)) {
      const [, serial, , uri, code] = line.split(',');
      expect(code).toMatch(/^\d{8}$/);
      expect(uri).toBe(stamps.find((s) => s.serial === serial)!.uri);
      codes.set(serial!, code!);
    }
    const svg = new TextDecoder().decode(files[names.find((n) => n.endsWith('.svg'))!]!);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const stored = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from stamps.stamps where request_id = ${requestId} and code_hash is not null and seq between 11 and 20`);
    expect(stored[0]!.n).toBe(10);
  });

  it('activates a range, and labels scanned by a phone, linking them to the lot', async () => {
    const range = await coop.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, range: { requestId, from: 11, to: 18 } });
    expect(range.statusCode, range.body).toBe(200);
    expect(range.json()).toMatchObject({ changed: 8, skipped: {} });
    const scanned = [stamps[18]!.uri, stamps[19]!.serial.toLowerCase(), 'XYZ-123'];
    const bad = await coop.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, serials: scanned });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ pointer: '/serials/2', code: 'STAMP_SERIAL_MALFORMED' });
    const byScan = await coop.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, serials: scanned.slice(0, 2) });
    expect(byScan.json()).toMatchObject({ changed: 2 });
    const issuedOnly = await coop.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, range: { requestId, from: 1, to: 20 } });
    expect(issuedOnly.json()).toMatchObject({ changed: 10, skipped: { active: 10 } });
    const stock = (await coop.admin.request('GET', '/api/v1/stamps/stock')).json().items;
    expect(stock).toEqual([{ organizationId: coop.id, counts: { issued: 0, printed: 0, active: 20, void: 0, lost: 0, recalled: 0 } }]);
  });

  it('answers a scan with the consumer page: genuine, first scan, then the count', async () => {
    const target = stamps[12]!;
    const first = await t.system.app.inject({ method: 'GET', url: new URL(target.uri).pathname, headers: { accept: 'text/html', 'user-agent': 'Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/html');
    expect(first.body).toContain('Tem chính hãng');
    expect(first.body).toContain('Đây là lần quét đầu tiên');
    expect(first.body).toContain('Xoài tròn Yên Châu');
    expect(first.body).toContain(catalog.lotCode);
    const second = await t.system.app.inject({ method: 'GET', url: new URL(target.uri).pathname, headers: { accept: 'text/html' } });
    expect(second.body).toContain('đã quét 2 lần');
    await t.system.services.stamps.recorder.flush();
    const [row] = await rows<{ scanCount: number }>(t.db.orm, sql`select scan_count as "scanCount" from stamps.stamps where serial = ${target.serial}`);
    expect(row!.scanCount).toBe(2);
    const english = await t.system.app.inject({ method: 'GET', url: `${new URL(target.uri).pathname}?lang=en` });
    expect(english.body).toContain('Genuine stamp');
    expect(english.body).toContain('scanned 3 times');
  });

  it('checks the scratch-off code: first use, then "already verified on <date>"', async () => {
    const [serial, code] = [...codes.entries()][0]!;
    const uri = stamps.find((s) => s.serial === serial)!.uri;
    const wrong = await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { uri, code: code === '00000000' ? '11111111' : '00000000' } });
    expect(wrong.json()).toMatchObject({ outcome: 'wrong_code', attemptsLeft: 4 });
    const ok = await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { uri, code } });
    expect(ok.json()).toMatchObject({ outcome: 'verified', verifiedAt: '2026-07-10T03:00:00.000Z' });
    const again = await t.system.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { uri, code: `${code.slice(0, 4)} ${code.slice(4)}` } });
    expect(again.json()).toMatchObject({ outcome: 'already_verified', verifiedAt: '2026-07-10T03:00:00.000Z' });
    expect(again.json().messages.vi).toContain('đã được xác thực lúc');
    // The form on the page posts to the stamp's own path and works without JavaScript.
    const form = await t.system.app.inject({ method: 'POST', url: new URL(uri).pathname, payload: `code=${code}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('đã được xác thực lúc');
  });

  it('records every status change in the ledger and proves each stamp\'s records', async () => {
    const s = stamps[12]!;
    const proof = (await t.system.app.inject({ method: 'GET', url: `/api/v1/stamps/${s.serial}/proof` })).json();
    expect(proof.uri).toBe(s.uri);
    expect(proof.issuance.ledger.kind).toBe('stamp.issue');
    expect(proof.changes.map((c: { record: { change: string } }) => c.record.change)).toEqual(['print', 'activate']);
    const { verifyStampInclusion } = await import('./index.ts');
    expect(verifyStampInclusion(proof.issuance.inclusion, proof.issuance.record.merkleRoot)).toBe(true);
    for (const c of proof.changes) expect(verifyStampInclusion(c.inclusion, c.record.merkleRoot)).toBe(true);
    const tampered = { ...proof.issuance.inclusion, entry: proof.issuance.inclusion.entry.replace(s.serial, stamps[0]!.serial) };
    expect(verifyStampInclusion(tampered, proof.issuance.record.merkleRoot)).toBe(false);
  });
});
