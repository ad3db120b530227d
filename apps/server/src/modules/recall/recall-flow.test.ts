// A recall drill from open to close on the generated dried-longan chain, as an official runs it: farm lot 3 is
// contaminated; the recall finds every holder downstream with what it still holds and how to reach it, notifies
// them (in-app and e-mail), marks the goods so that a consumer scanning a stamp of the dried lot is warned, follows
// acknowledgements and destruction, and closes with a report, recorded as EPCIS events and in the ledger.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, official, type Client, type TestSystem } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';
import { completeProduct, issuedRequest } from '../stamps/test-kit.ts';
import { captureAll, longanParties, oracleEvents, type LonganParties } from '../trace/testing/chain-kit.ts';
import { parseCsv } from '../trace/testing/csv.ts';
import { longanChain, type LonganChain } from '../trace/testing/supply-chain.ts';
import { TraceGraph, walk } from '../trace/graph.ts';
import type { CampaignResponse } from './presenter.ts';

let t: TestSystem;
let admin: Client;
let p: LonganParties;
let chain: LonganChain;
let stampUri: string;
let recall: CampaignResponse;
const key = (x: { organizationId: string }) => `org:${x.organizationId}`;

beforeAll(async () => {
  t = await createTestSystem();
  admin = await official(t, { role: 'province_admin' });
  p = await longanParties(t, admin);
  // The processor's dried longan is a published product (stamps need one) with the drying's lot in the catalog.
  const producer = { id: p.processor.organizationId, admin: p.processor.admin, prefix: p.processor.prefix };
  const product = await completeProduct(t, producer, 2, { name: 'Nhãn sấy Sông Mã' });
  const lot = await p.processor.admin.request('POST', '/api/v1/lots', { productId: product.productId, lotCode: 'SAY-2026-07', productionDate: '2026-07-06', quantity: 850, unit: 'kg' });
  expect(lot.statusCode, lot.body).toBe(201);
  const issued = await issuedRequest(t, producer, admin, { ...product, lotId: lot.json().id, lotCode: 'SAY-2026-07' });
  const activated = await p.processor.admin.request('POST', '/api/v1/stamps/activate', { lotId: lot.json().id, range: { requestId: issued.id, from: 1, to: 5 } });
  expect(activated.statusCode, activated.body).toBe(200);
  stampUri = `${issued.uriPrefix}${(await p.processor.admin.request('GET', `/api/v1/stamps?requestId=${issued.id}&limit=1`)).json().items[0].serial}`;
  chain = longanChain(p);
  await captureAll(t, chain.events);
});
afterAll(async () => t?.close());

const scan = async (uri: string) => (await t.system.app.inject({ method: 'GET', url: `/api/v1/resolve?uri=${encodeURIComponent(uri)}` })).json();

describe('a recall from open to close', () => {
  it('opens on the contaminated farm lot and finds every holder downstream, with what it holds and its contact', async () => {
    expect((await scan(stampUri)).status.code).not.toBe('recalled');
    const res = await admin.request('POST', '/api/v1/recalls', {
      targets: { ids: [`(01)${chain.ids.gtins.fresh}(10)F3-2026`] },
      reason: 'Phát hiện dư lượng thuốc bảo vệ thực vật vượt mức cho phép tại nông hộ 3.', severity: 'class_1',
      instructions: 'Ngừng bán, niêm phong và báo số lượng cho cơ quan quản lý.', contact: 'Chi cục Chất lượng, 0212 3852 111',
    });
    expect(res.statusCode, res.body).toBe(201);
    recall = res.json();
    expect(recall.number).toMatch(/^TH-2026-\d{4}$/);
    expect(recall.truncated).toBe(false);
    // Every identity downstream of farm lot 3, as the oracle walks it.
    const expected = walk(new TraceGraph(oracleEvents(chain.events)), [chain.ids.farmLots[2]], 'forward', { maxDepth: 100, maxNodes: 1e6 }).levels.flat();
    expect(recall.affectedCount).toBe(expected.length);
    const held = Object.fromEntries(recall.holders.map((h) => [h.key, h.held]));
    expect(Object.keys(held).sort()).toEqual([p.farms[2], p.coop, p.processor, ...p.distributors, ...p.shops].map(key).sort());
    expect(held[key(p.shops[0])]).toEqual({ mass: 200 });
    expect(held[key(p.shops[1])]).toEqual({ mass: 200 });
    expect(held[key(p.shops[2])]).toEqual({ mass: 440, count: 20 });
    // The processor still has the 500 kg of its second drying, made from farm lot 3 and never shipped.
    expect(held[key(p.processor)]).toEqual({ mass: 500 });
    for (const x of [p.coop, ...p.distributors, p.farms[2]]) expect(Object.values(held[key(x)]!).every((v) => v === 0), x.name).toBe(true);
    const shopC = recall.holders.find((h) => h.key === key(p.shops[2]))!;
    expect(shopC).toMatchObject({ name: expect.stringContaining('Cửa hàng C'), status: 'notified', direct: false, suppliedBy: [key(p.distributors[1])] });
    expect(shopC.contact).toMatchObject({ phone: '0912345678', gln: p.shops[2].gln });
    expect(recall.holders.filter((h) => h.direct).map((h) => h.key)).toEqual([key(p.coop)]);
  });

  it('notifies every holder in-app and by e-mail, and records the recall as EPCIS events, in the ledger and the audit log', async () => {
    const inbox = (await p.shops[2].admin.request('GET', '/api/v1/notifications')).json();
    const notice = inbox.items.find((n: { kind: string }) => n.kind === 'recall');
    expect(notice.messages?.vi ?? notice.message?.vi ?? JSON.stringify(notice)).toContain(recall.number);
    const mails = await rows<{ to: string }>(t.db.orm, sql`select payload->>'to' as to from platform.outbox where topic = 'mail.send' and payload->>'subjectCode' = 'RECALL_MAIL_SUBJECT'`);
    expect(mails.length).toBeGreaterThanOrEqual(7);
    const events = await rows<{ event_id: string; disposition: string; organization_id: string }>(t.db.orm, sql`select event_id, disposition, organization_id from epcis.events where biz_step = 'https://id.txng.sonla.gov.vn/voc/bizStep-recalling'`);
    expect(events.map((e) => e.event_id).sort()).toEqual([...recall.openEventIds].sort());
    expect(events.every((e) => e.disposition === 'recalled' && e.organization_id === p.farms[2].organizationId)).toBe(true);
    const ledger = await rows<{ id: string }>(t.db.orm, sql`select payload->>'id' as id from platform.outbox where topic = 'ledger.entry' and payload->>'kind' = 'recall'`);
    expect(ledger.map((l) => l.id)).toEqual([`${recall.number}/open`]);
    const audit = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from identity.audit_events where action = 'recall.open' and resource_id = ${recall.id}`);
    expect(audit[0]!.n).toBe(1);
  });

  it('warns every scan of an affected item: a stamp of the dried lot, a retail bag by any code; not an unaffected lot', async () => {
    const scanned = await scan(stampUri);
    expect(scanned.status.code).toBe('recalled');
    expect(scanned.status.recall).toMatchObject({ reason: expect.stringContaining('dư lượng thuốc'), number: recall.number, severity: 'class_1' });
    const html = await t.system.app.inject({ method: 'GET', url: new URL(stampUri).pathname, headers: { accept: 'text/html' } });
    expect(html.body).toContain('dư lượng thuốc');
    const bag = chain.ids.bags[7]!;
    const status = (await t.system.app.inject({ method: 'GET', url: `/api/v1/recalls/status?id=${encodeURIComponent(bag)}` })).json();
    expect(status).toMatchObject({ recalled: true, notice: { number: recall.number } });
    const clean = (await t.system.app.inject({ method: 'GET', url: `/api/v1/recalls/status?id=${encodeURIComponent(`(01)${chain.ids.gtins.fresh}(10)F1-2026`)}` })).json();
    expect(clean.recalled).toBe(false);
  });

  it('shows each reader what it may: the producer its direct customer by name, a shop itself; outsiders nothing', async () => {
    const farm = (await p.farms[2].admin.request('GET', `/api/v1/recalls/${recall.id}`)).json() as CampaignResponse;
    expect(farm.holders.filter((h) => h.visible).map((h) => h.key).sort()).toEqual([key(p.farms[2]), key(p.coop)].sort());
    expect(farm.holders.filter((h) => !h.visible).every((h) => h.name === null && h.contact === null)).toBe(true);
    expect(farm.holders).toHaveLength(8);
    const shop = (await p.shops[0].admin.request('GET', `/api/v1/recalls/${recall.id}`)).json() as CampaignResponse;
    expect(shop.holders.filter((h) => h.visible).map((h) => h.key)).toEqual([key(p.shops[0])]);
    expect((await p.farms[0].admin.request('GET', `/api/v1/recalls/${recall.id}`)).statusCode).toBe(404);
    expect((await (await official(t, { role: 'sector_officer', sector: 'health' })).request('GET', `/api/v1/recalls/${recall.id}`)).statusCode).toBe(404);
    const list = (await p.shops[1].admin.request('GET', '/api/v1/recalls')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(recall.id);
  });

  it('follows acknowledgements, returns and destruction; a shop cannot act for another', async () => {
    const act = (client: Client, body: object) => client.request('POST', `/api/v1/recalls/${recall.id}/actions`, body);
    expect((await act(p.shops[1].admin, { holder: key(p.shops[0]), action: 'acknowledged' })).statusCode).toBe(403);
    let r = await act(p.shops[2].admin, { holder: key(p.shops[2]), action: 'acknowledged', note: 'Đã niêm phong kho.' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().holders.find((h: { key: string }) => h.key === key(p.shops[2])).status).toBe('acknowledged');
    expect((await act(p.shops[2].admin, { holder: key(p.shops[2]), action: 'destroyed', quantity: 440 })).statusCode).toBe(400);
    await act(p.shops[2].admin, { holder: key(p.shops[2]), action: 'destroyed', quantity: 440, uom: 'KGM' });
    r = await act(p.shops[2].admin, { holder: key(p.shops[2]), action: 'destroyed', quantity: 20, uom: 'H87' });
    const c = r.json().holders.find((h: { key: string }) => h.key === key(p.shops[2]));
    expect(c).toMatchObject({ status: 'completed', destroyed: { mass: 440, count: 20 } });
    r = await act(p.shops[0].admin, { holder: key(p.shops[0]), action: 'returned', quantity: 200000, uom: 'GRM' });
    expect(r.json().holders.find((h: { key: string }) => h.key === key(p.shops[0]))).toMatchObject({ status: 'completed', returned: { mass: 200 } });
    // The official records a phone confirmation for a holder.
    r = await act(admin, { holder: key(p.distributors[0]), action: 'completed', note: 'Đã bán hết trước khi thu hồi (điện thoại).' });
    expect(r.json().holders.find((h: { key: string }) => h.key === key(p.distributors[0])).status).toBe('completed');
    expect(r.json().actions).toHaveLength(5);
  });

  it('exports the scope cell by cell, and prints the notice in Vietnamese', async () => {
    const xlsx = await admin.request('GET', `/api/v1/recalls/${recall.id}/scope?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const holders = wb.worksheets[0]!;
    expect(holders.rowCount - 1).toBe(8);
    const rowOf = (name: string) => holders.getRows(2, holders.rowCount - 1)!.find((r) => String(r.getCell(1).value).includes(name))!;
    const c = rowOf('Cửa hàng C');
    expect([c.getCell(2).value, c.getCell(3).value, c.getCell(4).value, c.getCell(5).value, c.getCell(9).value]).toEqual(['Có', 'Không', 'Đã hoàn tất', '0912345678', p.shops[2].gln]);
    expect([c.getCell(10).value, c.getCell(12).value, c.getCell(14).value]).toEqual([440, 20, '440 kg; 20 pcs']);
    expect(rowOf('HTX Nhãn Sông Mã').getCell(3).value).toBe('Có');
    expect(wb.worksheets[1]!.rowCount - 1).toBe(recall.affectedCount);
    const csv = await admin.request('GET', `/api/v1/recalls/${recall.id}/scope?format=csv&lang=en`);
    const parsed = parseCsv(csv.rawPayload.toString('utf8').slice(1));
    expect(parsed[0]!.slice(0, 4)).toEqual(['Holder', 'Registered', 'Received from the producer', 'Status']);
    expect(parsed.find((r) => r[0]!.includes('Cửa hàng A'))!.slice(3, 4)).toEqual(['Completed']);

    const pdf = await t.system.app.inject({ method: 'GET', url: `/api/v1/recalls/notices/${recall.number}` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-pdf-'));
    try {
      writeFileSync(path.join(dir, 'n.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', [path.join(dir, 'n.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('THÔNG BÁO THU HỒI SẢN PHẨM');
      expect(text).toContain(recall.number);
      expect(text).toContain('Phát hiện dư lượng thuốc bảo vệ thực vật vượt mức cho phép tại nông hộ 3.');
      expect(text).toContain('Cấp I — nguy cơ nghiêm trọng');
      expect(text).toContain('PRODUCT RECALL NOTICE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('computes the scope again on request: same holders, their acknowledgements and returns kept', async () => {
    const res = await admin.request('POST', `/api/v1/recalls/${recall.id}/refresh`, {});
    expect(res.statusCode, res.body).toBe(200);
    const refreshed = res.json() as CampaignResponse;
    expect(refreshed.holders.map((h) => h.key).sort()).toEqual(recall.holders.map((h) => h.key).sort());
    expect(refreshed.affectedCount).toBe(recall.affectedCount);
    expect(refreshed.holders.find((h) => h.key === key(p.shops[2]))).toMatchObject({ status: 'completed', destroyed: { mass: 440, count: 20 } });
    expect(new Date(refreshed.scopeComputedAt).getTime()).toBeGreaterThanOrEqual(new Date(recall.scopeComputedAt).getTime());
    // A shop may not recompute the scope.
    expect((await p.shops[0].admin.request('POST', `/api/v1/recalls/${recall.id}/refresh`, {})).statusCode).toBe(403);
  });

  it('closes with a report; closing twice is refused; scans keep warning', async () => {
    const res = await admin.request('POST', `/api/v1/recalls/${recall.id}/close`, { note: 'Đã thu hồi và tiêu huỷ toàn bộ hàng tại cửa hàng.' });
    expect(res.statusCode, res.body).toBe(200);
    const closed = res.json() as CampaignResponse;
    expect(closed.status).toBe('closed');
    expect(closed.report).toMatchObject({ holders: 8, registeredHolders: 8, unreachable: 0, completed: 3, acknowledged: 3, affected: recall.affectedCount });
    expect(closed.report!.quantities).toEqual({ mass: { held: 1340, returned: 200, destroyed: 440 }, count: { held: 20, returned: 0, destroyed: 20 } });
    expect(closed.closeEventIds.length).toBeGreaterThan(0);
    expect((await admin.request('POST', `/api/v1/recalls/${recall.id}/close`, {})).statusCode).toBe(409);
    const ledger = await rows<{ rid: string }>(t.db.orm, sql`select payload->>'id' as rid from platform.outbox where topic = 'ledger.entry' and payload->>'kind' = 'recall' order by id`);
    expect(ledger.map((l) => l.rid)).toEqual([`${recall.number}/open`, `${recall.number}/close`]);
    expect((await scan(stampUri)).status.code).toBe('recalled');
  });
});

describe('who may open a recall', () => {
  it('the producer opens one on its own lots made in a date range; other organisations and officials out of scope may not', async () => {
    const product = (await p.processor.admin.request('GET', `/api/v1/products?limit=10`)).json().items.find((x: { nameVi: string }) => x.nameVi === 'Nhãn sấy Sông Mã');
    const body = { targets: { productId: product.id, from: '2026-07-01', to: '2026-07-31' }, reason: 'Bao bì có nguy cơ nhiễm ẩm.', severity: 'class_3' };
    expect((await p.shops[0].admin.request('POST', '/api/v1/recalls', body)).statusCode).toBe(403);
    const elsewhere = await official(t, { role: 'commune_officer', communeId: 12 });
    expect((await elsewhere.request('POST', '/api/v1/recalls', body)).statusCode).toBe(403);
    const res = await p.processor.admin.request('POST', '/api/v1/recalls', body);
    expect(res.statusCode, res.body).toBe(201);
    // Only the July lot: the June lot of the same product is outside the range.
    expect(res.json()).toMatchObject({ openerKind: 'producer', targets: [chain.ids.dried] });
    const bad = await admin.request('POST', '/api/v1/recalls', { targets: { ids: ['(01)12345678901234(10)X', `(414)${p.coop.gln}`] }, reason: 'Kiểm tra lỗi.', severity: 'class_2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([['/targets/ids/0', 'TRACE_IDENTIFIER_MALFORMED'], ['/targets/ids/1', 'RECALL_TARGET_NOT_GOODS']]);
  });
});
