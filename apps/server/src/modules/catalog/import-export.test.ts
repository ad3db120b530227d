// Spreadsheet import and export as a cooperative uses them: templates, export → import → the same data, a
// per-row report naming row and column, "valid rows only" or "all or nothing", and bad files refused clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.ts';
import { createTestSystem, fixedClock, type Client, type TestSystem } from '../../../test/harness.ts';
import { gtinFor, mangoBody, organizationWithPrefix, plantingAreaBody, provinceAdmin, upload, type TestOrganization } from './test-fixtures.ts';

let t: TestSystem;
let source: TestOrganization;
let target: TestOrganization;
const PREFIX = '893612399';
const clock = fixedClock('2026-07-20T03:00:00Z');

async function download(client: Client, url: string): Promise<Buffer> {
  const res = await client.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

async function importFile(client: Client, list: string, fileName: string, bytes: Buffer) {
  const res = await upload(t, client, `/api/v1/imports?list=${list}`, fileName, bytes);
  return res;
}

async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function workbook(sheetName: string, data: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of data) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const count = async (table: string, orgId: string) => Number((await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from ${sql.raw(`catalog.${table}`)} where organization_id = ${orgId}`))[0]!.n);

beforeAll(async () => {
  t = await createTestSystem({ clock });
  const admin = await provinceAdmin(t);
  source = await organizationWithPrefix(t, admin, PREFIX);
  target = await organizationWithPrefix(t, admin, null);
  const place = (await source.admin.request('POST', '/api/v1/places', plantingAreaBody('VN-SLOR-0301'))).json();
  await source.admin.request('POST', '/api/v1/places', { kind: 'warehouse', name: 'Kho "lạnh", số 2; Yên Châu', communeId: 46, latitude: 21.0412345, longitude: 104.29 });
  const mango = (await source.admin.request('POST', '/api/v1/products', { ...mangoBody(gtinFor(PREFIX, 7)), originPlaceId: place.id })).json();
  await source.admin.request('POST', `/api/v1/products/${mango.id}/publish`, {});
  await source.admin.request('POST', '/api/v1/products', { nameVi: 'Nhãn sấy Sông Mã', category: 'dried_fruit', unit: 'hộp 500 g', standards: [{ kind: 'own', code: 'TCCS 01:2025' }], certifications: [{ kind: 'other', name: 'Rainforest Alliance', number: 'RA-1', issuer: 'RA', validFrom: null, validTo: null }] });
  await source.admin.request('POST', '/api/v1/lots', { productId: mango.id, lotCode: 'XY-2026-07', harvestDate: '2026-07-05', productionDate: '2026-07-06', expiryDate: '2026-07-16', quantity: 1234.5, originPlaceId: place.id });
});
afterAll(async () => t?.close());

describe('templates', () => {
  it('serves an XLSX template with Vietnamese headers, example rows and instructions', async () => {
    const bytes = await download(source.admin, '/api/v1/imports/templates/products.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sản phẩm', 'Ví dụ', 'Hướng dẫn']);
    const headers = (wb.getWorksheet('Sản phẩm')!.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('Tên sản phẩm *');
    expect(wb.getWorksheet('Ví dụ')!.getRow(2).getCell(2).value).toBe('Xoài tròn Yên Châu');
  });
});

describe('round trip', () => {
  it('exports places, products and lots and imports them into another organisation unchanged', async () => {
    for (const list of ['places', 'products', 'lots'] as const) {
      const exported = await download(source.admin, `/api/v1/exports/${list}.xlsx`);
      const res = await importFile(target.admin, list, `${list}.xlsx`, exported);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'validated', invalidRows: 0, errors: [] });
      const committed = await target.admin.request('POST', `/api/v1/imports/${res.json().id}/commit`, { mode: 'all-or-nothing' });
      expect(committed.statusCode, committed.body).toBe(200);
      expect(committed.json().status).toBe('committed');
      const again = await download(target.admin, `/api/v1/exports/${list}.xlsx`);
      expect(await sheetRows(again)).toEqual(await sheetRows(exported));
    }
    // CSV too, with the comma and quote inside a name surviving.
    const csv = (await download(target.admin, '/api/v1/exports/places.csv')).toString('utf8');
    expect(csv.startsWith('\ufeffMã địa điểm,Loại địa điểm *')).toBe(true);
    expect(csv).toContain('"Kho ""lạnh"", số 2; Yên Châu"');
    expect(await download(source.admin, '/api/v1/exports/places.csv')).toEqual(await download(target.admin, '/api/v1/exports/places.csv'));
  });
});

describe('validation report', () => {
  const header = ['Sản phẩm (GTIN hoặc tên) *', 'Mã lô *', 'Ngày thu hoạch', 'Ngày sản xuất/đóng gói', 'Hạn sử dụng', 'Số lượng'];

  it('names row, column and fault; all-or-nothing writes nothing; valid-rows writes only the good rows', async () => {
    const file = await workbook('Lô hàng', [
      header,
      ['Xoài tròn Yên Châu', 'L-OK-1', '01/07/2026', '02/07/2026', '12/07/2026', '1.200'],
      ['Xoài tròn Yên Châu', 'L-BAD-DATE', '01/07/2026', '02/07/2026', '30/06/2026', 10],
      ['Sản phẩm không có', 'L-X', null, null, null, null],
      ['Xoài tròn Yên Châu', 'L-OK-1', null, null, null, null],
      ['Xoài tròn Yên Châu', 'L-OK-2', '31/02/2026', null, null, 'nhiều'],
    ]);
    const res = await importFile(target.admin, 'lots', 'lo.xlsx', file);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({ totalRows: 5, validRows: 1, invalidRows: 4 });
    const errs = report.errors.map((e: { row: number; column: string | null; code: string }) => `${e.row} ${e.column} ${e.code}`);
    expect(errs).toEqual([
      '3 E CATALOG_EXPIRY_BEFORE_PRODUCTION',
      '4 A CATALOG_IMPORT_UNKNOWN_PRODUCT',
      '5 null CATALOG_IMPORT_ROW_DUPLICATE',
      '6 C CATALOG_CELL_DATE',
      '6 F CATALOG_CELL_NUMBER',
    ]);
    expect(report.errors[0].header).toBe('Hạn sử dụng');
    expect(report.errors[0].messages.vi).toContain('trước ngày sản xuất');
    const before = await count('lots', target.id);
    const refused = await target.admin.request('POST', `/api/v1/imports/${report.id}/commit`, { mode: 'all-or-nothing' });
    expect(refused.statusCode).toBe(409);
    expect(await count('lots', target.id)).toBe(before);
    const partial = await target.admin.request('POST', `/api/v1/imports/${report.id}/commit`, { mode: 'valid-rows' });
    expect(partial.json()).toMatchObject({ status: 'committed', committedRows: 1 });
    expect(await count('lots', target.id)).toBe(before + 1);
    const lot = (await target.admin.request('GET', '/api/v1/lots?q=L-OK-1')).json().items[0];
    expect(lot).toMatchObject({ lotCode: 'L-OK-1', quantity: 1200, harvestDate: '2026-07-01' });
  });

  it('refuses unknown communes and invalid GTINs by cell', async () => {
    const places = await workbook('Địa điểm', [['Loại địa điểm *', 'Tên địa điểm *', 'Xã/phường'], ['Trang trại, vườn', 'Vườn nhãn', 'Xã Không Tồn Tại'], ['trang trai, vuon', 'Vườn nhãn 2', 'song ma']]);
    const res = (await importFile(target.admin, 'places', 'dd.xlsx', places)).json();
    expect(res.errors).toEqual([expect.objectContaining({ row: 2, column: 'C', code: 'CATALOG_IMPORT_UNKNOWN_COMMUNE' })]);
    expect(res.validRows).toBe(1);
    const products = await workbook('Sản phẩm', [['GTIN', 'Tên sản phẩm *', 'Nhóm sản phẩm *', 'Đơn vị tính *'], [gtinFor('893612400', 5), 'Chè', 'Chè', 'kg'], ['1234567890123', 'Chè 2', 'Chè', 'kg']]);
    const pr = (await importFile(target.admin, 'products', 'sp.xlsx', products)).json();
    expect(pr.errors.map((e: { row: number; column: string; code: string }) => `${e.row} ${e.column} ${e.code}`)).toEqual(['3 A CATALOG_GTIN_CHECK_DIGIT']);
  });
});

describe('bad files', () => {
  it('names the expected sheet when the file is for another list', async () => {
    const file = await download(source.admin, '/api/v1/imports/templates/products.xlsx');
    const res = (await importFile(target.admin, 'lots', 'sp.xlsx', file)).json();
    expect(res).toMatchObject({ status: 'rejected', fileError: { code: 'CATALOG_IMPORT_SHEET_MISSING', params: { expected: 'Lô hàng' } } });
    expect(res.fileError.messages.vi).toContain('"Sản phẩm"');
  });

  it('refuses merged cells and formulas, naming the cells', async () => {
    const merged = await workbook('Địa điểm', [['Loại địa điểm *', 'Tên địa điểm *'], ['Kho', 'Kho 1']], (ws) => ws.mergeCells('A2:B2'));
    expect((await importFile(target.admin, 'places', 'm.xlsx', merged)).json().fileError).toMatchObject({ code: 'CATALOG_IMPORT_MERGED_CELLS', params: { ranges: 'A2:B2' } });
    const formula = await workbook('Địa điểm', [['Loại địa điểm *', 'Tên địa điểm *', 'Diện tích (ha)'], ['Kho', 'Kho 1', { formula: '1+1', result: 2 }]]);
    expect((await importFile(target.admin, 'places', 'f.xlsx', formula)).json().fileError).toMatchObject({ code: 'CATALOG_IMPORT_FORMULAS', params: { cells: 'C2' } });
  });

  it('refuses more rows than one import takes', async () => {
    const lines = ['Loại địa điểm *,Tên địa điểm *'];
    for (let i = 0; i < 50_001; i++) lines.push(`Kho,K${i}`);
    const res = await importFile(target.admin, 'places', 'big.csv', Buffer.from(lines.join('\n')));
    expect(res.statusCode).toBe(202);
    await t.system.jobs.runOnce();
    const done = (await target.admin.request('GET', `/api/v1/imports/${res.json().id}`)).json();
    expect(done.fileError).toMatchObject({ code: 'CATALOG_IMPORT_TOO_MANY_ROWS', params: { rows: 50_001, limit: 50_000 } });
  });

  it('reads a Windows-1258 CSV, says so, and reads UTF-16 with a BOM; refuses a broken quote and a non-spreadsheet', async () => {
    const text = 'Loại địa điểm *;Tên địa điểm *;Xã/phường\r\nKho;Kho Mường La;Mường La\r\n';
    const cp1258 = Buffer.from(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd'), 'latin1');
    // A byte that is not UTF-8: "à" in Windows-1258 is 0xE0.
    const withAccent = Buffer.concat([cp1258.subarray(0, cp1258.length - 2), Buffer.from([0x20, 0x58, 0x6f, 0xe0, 0x69]), Buffer.from('\r\n')]);
    const win = (await importFile(target.admin, 'places', 'w.csv', withAccent)).json();
    expect(win.notices[0]).toMatchObject({ code: 'CATALOG_IMPORT_CSV_ENCODING', params: { encoding: 'Windows-1258' } });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const u = (await importFile(target.admin, 'places', 'u.csv', utf16)).json();
    expect(u).toMatchObject({ status: 'validated', validRows: 1, invalidRows: 0 });
    const quote = (await importFile(target.admin, 'places', 'q.csv', Buffer.from('Loại địa điểm *,Tên địa điểm *\nKho,"Kho 1\n'))).json();
    expect(quote.fileError).toMatchObject({ code: 'CATALOG_IMPORT_CSV_QUOTE', params: { row: 2 } });
    const notXlsx = (await importFile(target.admin, 'places', 'x.xlsx', Buffer.from('PK\x03\x04 not really a zip'))).json();
    expect(notXlsx.fileError.code).toBe('CATALOG_IMPORT_NOT_XLSX');
    const xls = await importFile(target.admin, 'places', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(xls.statusCode).toBe(415);
  });

  it('runs a large import as a job whose progress a reload can read', async () => {
    const lines = ['Loại địa điểm *,Tên địa điểm *,Xã/phường'];
    for (let i = 0; i < 9000; i++) lines.push(`Kho,Kho số ${i} của hợp tác xã,Yên Châu`);
    const res = await importFile(target.admin, 'places', 'kho.csv', Buffer.from(lines.join('\n')));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'validating' });
    await t.system.jobs.runOnce();
    const validated = (await target.admin.request('GET', `/api/v1/imports/${res.json().id}`)).json();
    expect(validated).toMatchObject({ status: 'validated', validRows: 9000, progress: { done: 9000, total: 9000 } });
    const commit = await target.admin.request('POST', `/api/v1/imports/${res.json().id}/commit`, { mode: 'all-or-nothing' });
    expect(commit.statusCode).toBe(202);
    await t.system.jobs.runOnce();
    expect((await target.admin.request('GET', `/api/v1/imports/${res.json().id}`)).json()).toMatchObject({ status: 'committed', committedRows: 9000 });
  }, 120_000);
});
