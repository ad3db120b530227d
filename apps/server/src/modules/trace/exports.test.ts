// Trace exports opened as an official opens them: the XLSX read back with exceljs and the CSV parsed, checked
// cell by cell against the trace on screen; the FSMA 204 sortable spreadsheet of two lots over a date range.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, official, type Client, type TestSystem } from '../../../test/harness.ts';
import type { TraceResponse } from './presenter.ts';
import { captureAll, longanParties, type LonganParties } from './testing/chain-kit.ts';
import { longanChain, type LonganChain } from './testing/supply-chain.ts';
import { parseCsv } from './testing/csv.ts';

let t: TestSystem;
let admin: Client;
let chain: LonganChain;
let p: LonganParties;

beforeAll(async () => {
  t = await createTestSystem();
  admin = await official(t, { role: 'province_admin' });
  p = await longanParties(t, admin);
  chain = longanChain(p);
  await captureAll(t, chain.events);
});
afterAll(async () => t?.close());

async function workbook(url: string): Promise<ExcelJS.Workbook> {
  const res = await admin.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('trace exports', () => {
  it('writes the trace on screen to XLSX: summary, identities, events, movements, one step', async () => {
    const q = `id=${encodeURIComponent(chain.ids.dried)}&direction=both`;
    const screen = (await admin.request('GET', `/api/v1/trace?${q}`)).json() as TraceResponse;
    const wb = await workbook(`/api/v1/trace/export?${q}&format=xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tóm tắt', 'Mã truy xuất', 'Sự kiện', 'Giao nhận', 'Một bước trước - sau']);
    const summary = wb.getWorksheet('Tóm tắt')!;
    expect(values(summary, 2)).toEqual(['Mã đã tra', chain.ids.dried]);
    expect(values(summary, 3)).toEqual(['Mã chuẩn hoá', chain.ids.dried]);
    expect(values(summary, 7)).toEqual(['Đầy đủ']);

    const ids = wb.getWorksheet('Mã truy xuất')!;
    expect(values(ids, 1)).toEqual(['Mã định danh', 'Loại', 'GTIN', 'Số lô', 'Số sê-ri', 'SSCC', 'Sản phẩm', 'Phía', 'Số bước ngược', 'Số bước xuôi', 'Cân đối khối lượng']);
    expect(ids.getRow(1).getCell(1).note).toBe('Identifier');
    expect(ids.rowCount - 1).toBe(screen.nodes.length);
    for (const [i, n] of screen.nodes.entries()) {
      const row = ids.getRow(i + 2);
      expect(row.getCell(1).value).toBe(n.id);
      expect(row.getCell(2).value).toBe(n.kind);
      expect(row.getCell(3).value ?? null).toBe(n.gtin);
      expect(row.getCell(4).value ?? null).toBe(n.lot);
      expect(row.getCell(9).value ?? null).toBe(n.depth.back);
      expect(row.getCell(10).value ?? null).toBe(n.depth.forward);
    }
    // GTINs stay text (a leading zero survives) — and the dried lot reads as the lot of its GTIN.
    const dried = ids.getRow(screen.nodes.findIndex((n) => n.id === chain.ids.dried) + 2);
    expect(dried.getCell(3).value).toBe(chain.ids.gtins.dried);
    expect(dried.getCell(3).numFmt).toBe('@');
    expect(dried.getCell(8).value).toBe('Mã gốc');

    const events = wb.getWorksheet('Sự kiện')!;
    expect(events.rowCount - 1).toBe(screen.events.length);
    const first = screen.events[0]!;
    // Times are written as Vietnam wall-clock time.
    expect((events.getRow(2).getCell(1).value as Date).toISOString()).toBe(new Date(new Date(first.time).getTime() + 7 * 3600_000).toISOString());
    expect(events.getRow(2).getCell(12).value).toBe(first.eventId);

    const moves = wb.getWorksheet('Giao nhận')!;
    expect(moves.rowCount - 1).toBe(screen.movements.length);
    const oneStep = wb.getWorksheet('Một bước trước - sau')!;
    expect(oneStep.rowCount - 1).toBe(screen.oneStep.back.length + screen.oneStep.forward.length);
  });

  it('writes the events as CSV that parses back to the same cells, in English when asked', async () => {
    const q = `id=${encodeURIComponent(chain.ids.farmLots[0])}&direction=forward`;
    const screen = (await admin.request('GET', `/api/v1/trace?${q}`)).json() as TraceResponse;
    const res = await admin.request('GET', `/api/v1/trace/export?${q}&format=csv&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.rawPayload.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Time', 'Event type', 'Action', 'Business step', 'Disposition', 'Recorded by', 'Location', 'From', 'To', 'Goods and quantities', 'Documents', 'Event ID']);
    expect(rows).toHaveLength(screen.events.length + 1);
    const shipping = screen.events.findIndex((e) => e.bizStep === 'shipping');
    const row = rows[shipping + 1]!;
    expect(row[0]).toBe('2026-07-02T09:00:00+07:00');
    expect(row[3]).toBe('shipping');
    expect(row[5]).toContain('Nông hộ Lò Văn A');
    expect(row[8]).toContain('HTX Nhãn Sông Mã');
    expect(row[9]).toBe(`object: ${chain.ids.farmLots[0]} × 1000 KGM`);
    expect(row[10]).toBe(`desadv: urn:epcglobal:cbv:bt:${p.farms[0].gln}:F1-001`);
  });

  it('writes the FSMA 204 sortable spreadsheet for a set of lots and a date range', async () => {
    const lots = [chain.ids.dried, `(01)${chain.ids.gtins.fresh}(10)F1-2026`];
    const url = `/api/v1/trace/fsma204?${lots.map((l) => `lots=${encodeURIComponent(l)}`).join('&')}&from=2026-07-01&to=2026-07-08`;
    const wb = await workbook(url);
    const ws = wb.getWorksheet('FSMA 204')!;
    expect(values(ws, 1)).toEqual(['Traceability Lot Code', 'Traceability Lot Code Source', 'Product Description', 'Critical Tracking Event', 'Event Date', 'Quantity',
      'Unit of Measure', 'Location', 'Immediate Previous Source', 'Immediate Subsequent Recipient', 'Reference Document Type', 'Reference Document Number', 'EPCIS Event ID']);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => values(ws, i + 2));
    const driedTlc = `(01)${chain.ids.gtins.dried}(10)SAY-2026-07`;
    const farmTlc = `(01)${chain.ids.gtins.fresh}(10)F1-2026`;
    const summary = rows.map((r) => [r[0], r[3], r[5] ?? null, r[6] ?? null]);
    // Sorted by lot code then date; the 9 July distributor events fall outside the range.
    expect(summary).toEqual([
      [driedTlc, 'Transformation', 850, 'KGM'],
      [driedTlc, 'Initial Packing', 400, 'KGM'],
      [driedTlc, 'Shipping', 400, 'KGM'],
      [driedTlc, 'Shipping', 450, 'KGM'],
      [driedTlc, 'Receiving', 400, 'KGM'],
      [driedTlc, 'Receiving', 450, 'KGM'],
      [farmTlc, 'Harvesting', 1000, 'KGM'],
      [farmTlc, 'Shipping', 1000, 'KGM'],
      [farmTlc, 'Receiving', 1000, 'KGM'],
      [farmTlc, 'Transformation', 1000, 'KGM'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const transformation = rows.find((r) => r[0] === driedTlc && r[3] === 'Transformation')!;
    expect(transformation[8]).toBe(`(01)${chain.ids.gtins.fresh}(10)HTX-07; (01)${chain.ids.gtins.fresh}(10)F3-2026`);
    expect(String(transformation[1])).toContain('Công ty Chế biến Nông sản Sơn La');
    const toX = rows.find((r) => r[0] === driedTlc && r[3] === 'Shipping' && r[5] === 400)!;
    expect(String(toX[9])).toContain('Nhà phân phối Hà Nội');
    expect(toX[10]).toBe('desadv');
    expect(toX[11]).toBe(`urn:epcglobal:cbv:bt:${p.processor.gln}:PX-X-01`);
    expect((toX[4] as Date).toISOString().slice(0, 10)).toBe('2026-07-08');
    const farmNext = rows.find((r) => r[0] === farmTlc && r[3] === 'Transformation')!;
    expect(farmNext[9]).toBe(`(01)${chain.ids.gtins.fresh}(10)HTX-07`);
  });

  it('refuses a lot code that is not GS1 with the field at fault', async () => {
    const res = await admin.request('GET', `/api/v1/trace/fsma204?lots=${encodeURIComponent('(01)12345')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: 'id', code: 'TRACE_IDENTIFIER_MALFORMED' });
  });
});
