// The rows read from an uploaded file, kept beside it as JSON once the file has been read for checking, so that
// the commit reads them back in milliseconds instead of unpacking the spreadsheet a second time (reading a
// 50,000-row XLSX costs seconds). The commit still checks every row again; only the reading is not repeated.
// Dates are the only cells JSON would not give back as they were: they travel as {"d": epoch ms}.
import type { RawCell } from './cells.ts';
import type { FileProblem, Sheet, SheetRow } from './sheet.ts';

const VERSION = 1;

interface Stored {
  readonly v: number;
  readonly headers: readonly (string | null)[];
  readonly rows: readonly [number, ...(string | number | boolean | null | { d: number | null })[]][];
  readonly notices: readonly FileProblem[];
}

const out = (c: RawCell) => (c instanceof Date ? { d: Number.isNaN(c.getTime()) ? null : c.getTime() } : c);
const back = (c: string | number | boolean | null | { d: number | null }): RawCell => (c !== null && typeof c === 'object' ? new Date(c.d ?? NaN) : c);

export function sheetCopy(sheet: Sheet, notices: readonly FileProblem[]): Buffer {
  const stored: Stored = { v: VERSION, headers: sheet.headers, rows: sheet.rows.map((r) => [r.row, ...r.cells.map(out)]), notices };
  return Buffer.from(JSON.stringify(stored));
}

/** The sheet and notices of a copy, or undefined when the bytes are not a copy this version wrote. */
export function readSheetCopy(bytes: Buffer): { sheet: Sheet; notices: FileProblem[] } | undefined {
  let stored: Stored;
  try {
    stored = JSON.parse(bytes.toString('utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (stored?.v !== VERSION || !Array.isArray(stored.rows) || !Array.isArray(stored.headers)) return undefined;
  const rows: SheetRow[] = stored.rows.map(([row, ...cells]) => ({ row, cells: cells.map(back) }));
  return { sheet: { headers: stored.headers, rows }, notices: [...(stored.notices ?? [])] };
}

/** Where the copy of an upload's rows is kept: beside the upload. */
export function sheetCopyKey(storageKey: string): string {
  return `${storageKey.slice(0, storageKey.lastIndexOf('/') + 1)}rows.json`;
}
