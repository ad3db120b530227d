// Reading the data sheet of an .xlsx file with exceljs, refusing what would be silently misread: a missing
// sheet, merged cells (values sit in one cell of the range only), formulas (the value shown may not be stored),
// and more rows than one import takes. Rich text, hyperlinks and shared strings become plain text.
import ExcelJS from 'exceljs';
import { foldForSearch } from '../../../platform/text/fold.ts';
import type { RawCell } from './cells.ts';
import { MAX_IMPORT_ROWS, type SheetResult, type SheetRow } from './sheet.ts';

function plain(value: ExcelJS.CellValue): RawCell | { formula: true } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { formula: true };
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

export async function readXlsx(bytes: Buffer, sheetNames: readonly string[], maxRows = MAX_IMPORT_ROWS): Promise<SheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    return { ok: false, error: { code: 'CATALOG_IMPORT_NOT_XLSX', params: { reason: String((err as Error).message ?? err).slice(0, 120) } } };
  }
  const wanted = new Set(sheetNames.map(foldForSearch));
  const all = workbook.worksheets;
  const sheet = all.find((ws) => wanted.has(foldForSearch(ws.name))) ?? (all.length === 1 ? all[0] : undefined);
  if (!sheet) return { ok: false, error: { code: 'CATALOG_IMPORT_SHEET_MISSING', params: { expected: sheetNames[0], found: all.map((ws) => `"${ws.name}"`).join(', ') || '—' } } };

  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length) return { ok: false, error: { code: 'CATALOG_IMPORT_MERGED_CELLS', params: { ranges: merges.slice(0, 5).join(', ') } } };

  const dataRows = Math.max(0, sheet.actualRowCount - 1);
  if (dataRows > maxRows) return { ok: false, error: { code: 'CATALOG_IMPORT_TOO_MANY_ROWS', params: { rows: dataRows, limit: maxRows } } };

  const formulas: string[] = [];
  let headers: (string | null)[] = [];
  const rows: SheetRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const v = plain(cell.value);
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
        if (formulas.length < 5) formulas.push(cell.address);
        cells.push(null);
      } else {
        cells.push(v);
      }
    }
    if (rowNumber === 1) headers = cells.map((c) => (c === null ? null : String(c instanceof Date ? c.toISOString() : c).trim() || null));
    else if (cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''))) rows.push({ row: rowNumber, cells });
  });
  if (formulas.length) return { ok: false, error: { code: 'CATALOG_IMPORT_FORMULAS', params: { cells: formulas.join(', ') } } };
  if (rows.length === 0) return { ok: false, error: { code: 'CATALOG_IMPORT_EMPTY' } };
  return { ok: true, sheet: { headers, rows }, notices: [] };
}
