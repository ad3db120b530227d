// A spreadsheet column: its Vietnamese (and English) header, how a cell is read, how a record is written back
// (exports use the very same columns, so an exported file imports again unchanged), and example cells for the
// template. Headers are matched ignoring diacritics, case and the " *" that marks required columns.
import { foldForSearch } from '../../../platform/text/fold.ts';
import { CellErrors, type CellResult, type RawCell } from './cells.ts';

export type OutCell = string | number | boolean | null;

export interface Column<R> {
  readonly key: string;
  readonly vi: string;
  readonly en: string;
  readonly required?: boolean;
  readonly read: (raw: RawCell) => CellResult<unknown>;
  readonly write: (record: R) => OutCell;
  /** One example cell per example row of the template. */
  readonly examples: readonly OutCell[];
  /** How to fill it, for the instructions sheet. */
  readonly hint?: { readonly vi: string; readonly en: string };
}

export const headerOf = (c: Column<unknown>) => (c.required ? `${c.vi} *` : c.vi);

const foldHeader = (h: string) => foldForSearch(h.replace(/\*/g, ''));

export interface HeaderMatch {
  /** For each column key, the index of its column in the file (or -1). */
  readonly indexOf: ReadonlyMap<string, number>;
  readonly problems: { code: string; params: Record<string, unknown> }[];
}

export function matchHeaders(columns: readonly Column<never>[], headers: readonly (string | null)[], letter: (i: number) => string): HeaderMatch {
  const byFolded = new Map<string, Column<never>>();
  for (const c of columns) {
    byFolded.set(foldHeader(c.vi), c);
    byFolded.set(foldHeader(c.en), c);
    byFolded.set(foldHeader(c.key), c);
  }
  const indexOf = new Map<string, number>();
  const problems: HeaderMatch['problems'] = [];
  headers.forEach((h, i) => {
    if (h === null) return;
    const c = byFolded.get(foldHeader(h));
    if (!c) {
      problems.push({ code: 'CATALOG_IMPORT_HEADER_UNKNOWN', params: { column: letter(i), header: h } });
      return;
    }
    const seen = indexOf.get(c.key);
    if (seen !== undefined) problems.push({ code: 'CATALOG_IMPORT_HEADER_DUPLICATE', params: { header: c.vi, columns: `${letter(seen)}, ${letter(i)}` } });
    else indexOf.set(c.key, i);
  });
  for (const c of columns) if (c.required && !indexOf.has(c.key)) problems.push({ code: 'CATALOG_IMPORT_HEADER_MISSING', params: { header: headerOf(c as Column<unknown>) } });
  return { indexOf, problems };
}

/** Wraps a reader so that an empty cell of a required column is an error. */
export function required<T>(read: (raw: RawCell) => CellResult<T | null>) {
  return (raw: RawCell): CellResult<T> => {
    const r = read(raw);
    if (r.ok && r.value === null) return { ok: false, code: CellErrors.REQUIRED };
    return r as CellResult<T>;
  };
}
