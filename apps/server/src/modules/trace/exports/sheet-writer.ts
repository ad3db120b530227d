// Sheets as officials open them in Excel: XLSX (exceljs) with a bold, frozen header row, identifier columns kept as
// text (a GTIN or SSCC must not become 9.5E+12), dates as dates; CSV as Excel reads it (UTF-8 with BOM, CRLF,
// RFC 4180 quoting). Shared by the trace and recall exports.
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

export type Cell = string | number | Date | null;

export interface SheetColumn {
  readonly header: string;
  /** A second language or an explanation, shown as the header cell's note. */
  readonly note?: string;
  readonly width?: number;
  readonly kind?: 'text' | 'number' | 'date' | 'datetime';
}

export interface Sheet {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface ExportFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

const FORMATS = { text: '@', number: '#,##0.###', date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' } as const;

/** Times are shown in Vietnam time (UTC+7, no daylight saving): Excel has no zones, so cells hold wall-clock time. */
const vietnamTime = (d: Date): Date => new Date(d.getTime() + 7 * 3600_000);

/** `2026-07-05T15:00:00+07:00`, or the date alone. */
export function vietnamIso(d: Date, dateOnly = false): string {
  const local = vietnamTime(d).toISOString();
  return dateOnly ? local.slice(0, 10) : `${local.slice(0, 19)}+07:00`;
}

export async function writeWorkbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TXNG Sơn La';
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? Math.min(60, Math.max(12, c.header.length + 4)) }));
    ws.getRow(1).font = { bold: true };
    s.columns.forEach((c, i) => {
      if (c.note) ws.getRow(1).getCell(i + 1).note = c.note;
      ws.getColumn(i + 1).numFmt = FORMATS[c.kind ?? 'text'];
    });
    for (const r of s.rows) ws.addRow(r.map((v) => (v instanceof Date ? vietnamTime(v) : v)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One sheet as CSV; times as ISO 8601 with the +07:00 offset, which every tool reads without guessing. */
export function writeCsv(sheet: Sheet): Buffer {
  const lines = [sheet.columns.map((c) => csvField(c.header)).join(',')];
  for (const r of sheet.rows) lines.push(r.map((v, i) => csvField(v instanceof Date ? vietnamIso(v, sheet.columns[i]?.kind === 'date') : v)).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
