// What the importers read from a file, whatever its format: the header row and the data rows, with their row
// numbers as the person sees them in Excel (header = row 1), or a fault of the whole file.
import type { RawCell } from './cells.ts';

export interface SheetRow {
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface Sheet {
  readonly headers: readonly (string | null)[];
  readonly rows: readonly SheetRow[];
}

export interface FileProblem {
  readonly code: string;
  readonly params?: Record<string, unknown>;
}

export type SheetResult = { ok: true; sheet: Sheet; notices: FileProblem[] } | { ok: false; error: FileProblem };

/** Excel column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const MAX_IMPORT_ROWS = 50_000;
