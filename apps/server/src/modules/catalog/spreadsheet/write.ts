// Writing lists as spreadsheets: XLSX (exceljs) with a bold, frozen Vietnamese header row, and CSV as Excel opens
// it correctly (UTF-8 with a BOM, CRLF, RFC 4180 quoting). Templates add an instructions sheet and example rows.
import ExcelJS from 'exceljs';
import { headerOf, type Column, type OutCell } from './columns.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

function addSheet<R>(workbook: ExcelJS.Workbook, name: string, columns: readonly Column<R>[], rows: readonly OutCell[][]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: headerOf(c as Column<unknown>), key: c.key, width: Math.min(60, Math.max(12, c.vi.length + 4)) }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.note = c.hint ? `${c.en}. ${c.hint.vi} / ${c.hint.en}` : c.en;
    // Codes (GTIN, GLN, lot codes) must stay text: Excel would drop leading zeros or write 8.9E+12.
    ws.getColumn(i + 1).numFmt = '@';
  });
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? null : v)));
}

export async function writeXlsx<R>(sheetName: string, columns: readonly Column<R>[], records: readonly R[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TXNG Sơn La';
  addSheet(workbook, sheetName, columns, records.map((r) => columns.map((c) => c.write(r))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvField = (v: OutCell): string => {
  if (v === null) return '';
  const s = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeCsv<R>(columns: readonly Column<R>[], records: readonly R[]): Buffer {
  const lines = [columns.map((c) => csvField(headerOf(c as Column<unknown>))).join(',')];
  for (const r of records) lines.push(columns.map((c) => csvField(c.write(r))).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

export interface TemplateText {
  readonly title: string;
  readonly lines: readonly string[];
}

/** An empty data sheet (named as the importer expects), the example rows on their own sheet, and instructions. */
export async function writeTemplate<R>(sheetName: string, columns: readonly Column<R>[], intro: TemplateText): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TXNG Sơn La';
  addSheet(workbook, sheetName, columns, []);
  const exampleCount = Math.max(...columns.map((c) => c.examples.length));
  const examples = Array.from({ length: exampleCount }, (_, i) => columns.map((c) => (c.examples[i] === '' ? null : (c.examples[i] ?? null))));
  addSheet(workbook, 'Ví dụ', columns, examples);
  const help = workbook.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 40;
  help.getColumn(2).width = 90;
  help.addRow([intro.title]).font = { bold: true, size: 14 };
  for (const line of intro.lines) help.addRow([line]);
  help.addRow([]);
  help.addRow(['Cột (Column)', 'Cách ghi (How to fill)']).font = { bold: true };
  for (const c of columns) help.addRow([`${headerOf(c as Column<unknown>)} — ${c.en}`, c.hint ? `${c.hint.vi} / ${c.hint.en}` : c.required ? 'Bắt buộc / Required' : '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
