// The farm diary as a cooperative keeps it: planting → spraying → harvest (inside the pre-harvest interval: a
// warning) → packing → shipping, each an EPCIS event; processing (input lots → output lot); the lot timeline in
// plain words; impossible steps refused; another organisation can neither write nor read a lot's diary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../../platform/db/database.ts';
import { createTestSystem, fixedClock, type TestSystem } from '../../../../test/harness.ts';
import { gtinFor, mangoBody, organizationWithPrefix, plantingAreaBody, provinceAdmin, type TestOrganization } from '../test-fixtures.ts';

let t: TestSystem;
let coop: TestOrganization;
let other: TestOrganization;
let lotId: string;
let placeId: string;
const PREFIX = '893612777';
const clock = fixedClock('2026-07-20T03:00:00Z');

beforeAll(async () => {
  t = await createTestSystem({ clock });
  const admin = await provinceAdmin(t);
  coop = await organizationWithPrefix(t, admin, PREFIX);
  other = await organizationWithPrefix(t, admin, null);
  placeId = (await coop.admin.request('POST', '/api/v1/places', plantingAreaBody('VN-SLOR-0777'))).json().id;
  const product = (await coop.admin.request('POST', '/api/v1/products', { ...mangoBody(gtinFor(PREFIX, 1)), originPlaceId: placeId })).json();
  lotId = (await coop.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode: 'XY-VU-2026', originPlaceId: placeId })).json().id;
});
afterAll(async () => t?.close());

const step = (body: Record<string, unknown>) => coop.admin.request('POST', '/api/v1/diary', { lotId, placeId, ...body });

describe('a season\'s diary', () => {
  it('records planting → spraying → harvest → packing → shipping as EPCIS events, warning about the pre-harvest interval', async () => {
    expect((await step({ kind: 'planting', occurredAt: '2026-02-10T07:00' })).statusCode).toBe(201);
    const spray = await step({ kind: 'spraying', occurredAt: '2026-07-01T06:30', input: { name: 'Abamectin 3.6EC', dose: 20, doseUnit: 'ml/bình 16 lít', phiDays: 7 } });
    expect(spray.statusCode, spray.body).toBe(201);
    const harvest = await step({ kind: 'harvesting', occurredAt: '2026-07-04T06:00', quantity: 1200, unit: 'kg' });
    expect(harvest.statusCode).toBe(201);
    expect(harvest.json().warnings).toEqual([expect.objectContaining({ code: 'CATALOG_DIARY_PHI_WARNING' })]);
    expect(harvest.json().warnings[0].messages.vi).toContain('an toàn từ 2026-07-08');
    expect((await step({ kind: 'packing', occurredAt: '2026-07-05T09:00', quantity: 1150, unit: 'kg' })).statusCode).toBe(201);
    const ship = await step({ kind: 'shipping', occurredAt: '2026-07-05T15:00', partner: { name: 'Công ty Phân phối Nông sản Hà Nội' } });
    expect(ship.statusCode).toBe(201);
    const eventId = ship.json().eventIds[0];
    const [event] = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from epcis.events where event_id = ${eventId}`);
    expect(event!.n).toBe(1);
  });

  it('shows the lot timeline with who, what, when, where and why in plain words', async () => {
    const res = await coop.admin.request('GET', `/api/v1/lots/${lotId}/timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { kind: string; title: { vi: string }; what: { vi: string; en: string }; where: { placeName: string } | null; why: { vi: string }; who: { recordedBy: string } }[];
    expect(items.map((i) => i.kind)).toEqual(['lot', 'planting', 'spraying', 'harvesting', 'packing', 'shipping']);
    const spray = items[2]!;
    expect(spray.title.vi).toBe('Phun thuốc bảo vệ thực vật');
    expect(spray.what.vi).toBe('Abamectin 3.6EC; liều 20 ml/bình 16 lít; thời gian cách ly 7 ngày');
    expect(spray.where?.placeName).toBe('Vùng trồng xoài bản Nà Khái');
    expect(spray.why.vi).toBe('phòng trừ sâu bệnh');
    expect(items[5]!.what.vi).toBe('giao cho Công ty Phân phối Nông sản Hà Nội');
    expect(items[5]!.what.en).toBe('to Công ty Phân phối Nông sản Hà Nội');
    expect(items[3]!.what.vi).toBe('1.200 kg');
    expect(spray.who.recordedBy).toContain('@coop.test');
  });

  it('refuses impossible steps and names the field', async () => {
    const before = await step({ kind: 'harvesting', occurredAt: '2026-01-01T06:00' });
    expect(before.json().errors[0]).toMatchObject({ pointer: '/occurredAt', code: 'CATALOG_DIARY_BEFORE_PLANTING' });
    const future = await step({ kind: 'irrigation', occurredAt: '2026-12-01T06:00' });
    expect(future.json().errors[0]).toMatchObject({ pointer: '/occurredAt', code: 'CATALOG_DIARY_TIME_FUTURE' });
    const noDose = await step({ kind: 'spraying', occurredAt: '2026-07-02T06:00', input: { name: 'Abamectin' } });
    expect(noDose.json().errors[0]).toMatchObject({ pointer: '/input/dose', code: 'CATALOG_DIARY_DOSE_REQUIRED' });
    const noPartner = await step({ kind: 'shipping', occurredAt: '2026-07-02T06:00' });
    expect(noPartner.json().errors[0]).toMatchObject({ pointer: '/partner', code: 'CATALOG_DIARY_PARTNER_REQUIRED' });
  });

  it('records processing as a transformation from input lots to the output lot', async () => {
    const dried = (await coop.admin.request('POST', '/api/v1/products', { nameVi: 'Xoài sấy dẻo', category: 'dried_fruit', unit: 'gói 200 g' })).json();
    const out = (await coop.admin.request('POST', '/api/v1/lots', { productId: dried.id, lotCode: 'XS-01' })).json();
    const res = await coop.admin.request('POST', '/api/v1/diary', { lotId: out.id, kind: 'processing', method: 'drying', occurredAt: '2026-07-06T08:00', inputLots: [{ lotId, quantity: 300 }], quantity: 40, unit: 'kg' });
    expect(res.statusCode, res.body).toBe(201);
    const timeline = (await coop.admin.request('GET', `/api/v1/lots/${out.id}/timeline`)).json();
    expect(timeline.items[1].what.vi).toBe('Sấy; 40 kg; từ lô XY-VU-2026 (Xoài tròn Yên Châu)');
    expect(timeline.inputs[0]).toMatchObject({ lotId });
    const [type] = await rows<{ t: string }>(t.db.orm, sql`select event_type as t from epcis.events where event_id = ${res.json().eventIds[0]}`);
    expect(type!.t).toBe('TransformationEvent');
  });
});

describe('another organisation', () => {
  it('can neither write to nor read a lot\'s diary', async () => {
    const write = await other.admin.request('POST', '/api/v1/diary', { lotId, kind: 'irrigation', occurredAt: '2026-07-02T06:00' });
    expect(write.statusCode).toBe(400);
    expect(write.json().errors[0]).toMatchObject({ pointer: '/lotId', code: 'CATALOG_DIARY_LOT_UNKNOWN' });
    expect((await other.admin.request('GET', `/api/v1/lots/${lotId}/timeline`)).statusCode).toBe(404);
    const [n] = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from catalog.diary_steps where lot_id = ${lotId} and kind = 'irrigation'`);
    expect(n!.n).toBe(0);
  });
});

describe('diary spreadsheet', () => {
  it('imports steps by product, lot and place code, refuses bad rows by cell, and exports them back', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { upload } = await import('../test-fixtures.ts');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhật ký');
    ws.addRow(['Sản phẩm (GTIN hoặc tên) *', 'Mã lô *', 'Công đoạn *', 'Thời gian *', 'Mã địa điểm', 'Vật tư, thuốc', 'Liều lượng', 'Thời gian cách ly (ngày)']);
    ws.addRow(['Xoài tròn Yên Châu', 'XY-VU-2026', 'Tưới nước', '03/07/2026 17:00', 'VT-001', null, null, null]);
    ws.addRow(['Xoài tròn Yên Châu', 'XY-VU-2026', 'Phun thuoc bao ve thuc vat', '03/07/2026 17:30', 'VT-001', 'Sâu bệnh X', null, 3]);
    ws.addRow(['Xoài tròn Yên Châu', 'KHONG-CO', 'Tưới nước', '03/07/2026 17:00', null, null, null, null]);
    const res = await upload(t, coop.admin, '/api/v1/imports?list=diary', 'nhat-ky.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().errors.map((e: { row: number; column: string; code: string }) => `${e.row} ${e.column} ${e.code}`)).toEqual(['3 G CATALOG_DIARY_DOSE_REQUIRED', '4 B CATALOG_IMPORT_UNKNOWN_LOT']);
    const commit = await coop.admin.request('POST', `/api/v1/imports/${res.json().id}/commit`, { mode: 'valid-rows' });
    expect(commit.json()).toMatchObject({ status: 'committed', committedRows: 1 });
    const timeline = (await coop.admin.request('GET', `/api/v1/lots/${lotId}/timeline`)).json();
    expect(timeline.items.filter((i: { kind: string }) => i.kind === 'irrigation')).toHaveLength(1);
    const csv = (await coop.admin.request('GET', '/api/v1/exports/diary.csv')).body;
    expect(csv).toContain('Tưới nước');
    expect(csv).toContain('2026-07-03 17:00');
  });
});
