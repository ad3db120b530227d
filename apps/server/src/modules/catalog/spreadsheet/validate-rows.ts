// Checking every row of a sheet: each cell read as its column expects, the row turned into the API's input,
// then the same rules the API applies, plus duplicates within the file. Every fault names its row, column
// letter and header, so the person can find the cell in Excel.
import type { FieldProblem } from '../../../platform/errors.ts';
import type { ImportReport, ImportRowError } from '../model.ts';
import { matchHeaders, type Column } from './columns.ts';
import type { ImportRefs, ListDefinition } from './lists.ts';
import { columnLetter, type FileProblem, type Sheet } from './sheet.ts';

export interface ValidRow<I> {
  readonly row: number;
  readonly input: I;
}

export interface SheetCheck<I> {
  /** The API's rules and clashes with stored data (field pointers as the API reports them). */
  check(input: I): Promise<FieldProblem[]> | FieldProblem[];
}

export interface SheetOutcome<I> {
  readonly fileError: FileProblem | null;
  readonly valid: ValidRow<I>[];
  readonly errors: ImportRowError[];
  readonly invalidRows: number[];
  readonly total: number;
  readonly errorCount: number;
}

export const MAX_REPORTED_ERRORS = 1000;

export async function validateSheet<R, I>(
  def: ListDefinition<R, I>,
  sheet: Sheet,
  refs: ImportRefs,
  checker: SheetCheck<I>,
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<SheetOutcome<I>> {
  const headers = matchHeaders(def.columns as readonly Column<never>[], sheet.headers, columnLetter);
  if (headers.problems.length) return { fileError: headers.problems[0]!, valid: [], errors: [], invalidRows: [], total: sheet.rows.length, errorCount: 0 };
  const columnByKey = new Map(def.columns.map((c) => [c.key, c]));
  const where = (key: string | null) => {
    const index = key === null ? undefined : headers.indexOf.get(key);
    return index === undefined ? { column: null, header: null } : { column: columnLetter(index), header: sheet.headers[index] ?? null };
  };
  const valid: ValidRow<I>[] = [];
  const errors: ImportRowError[] = [];
  const invalidRows: number[] = [];
  const seen = new Map<string, number>();
  let done = 0;
  let errorCount = 0;
  for (const { row, cells } of sheet.rows) {
    const rowErrors: ImportRowError[] = [];
    const values = new Map<string, unknown>();
    for (const [key, index] of headers.indexOf) {
      const column = columnByKey.get(key)!;
      const result = column.read(cells[index] ?? null);
      if (result.ok) values.set(key, result.value);
      else rowErrors.push({ row, ...where(key), code: result.code, ...(result.params ? { params: result.params } : {}) });
    }
    if (rowErrors.length === 0) {
      const built = def.toInput(values, refs);
      for (const p of built.problems) rowErrors.push({ row, ...where(p.key), code: p.code, ...(p.params ? { params: p.params } : {}) });
      if (built.input) {
        if (built.problems.length === 0) {
          for (const p of await checker.check(built.input)) {
            rowErrors.push({ row, ...where(def.columnOf(p.pointer)), code: p.code, ...(p.params && Object.keys(p.params).length ? { params: p.params } : {}) });
          }
        }
        const identity = def.identity(built.input);
        if (identity !== null) {
          const other = seen.get(identity);
          if (other !== undefined) rowErrors.push({ row, column: null, header: null, code: 'CATALOG_IMPORT_ROW_DUPLICATE', params: { other } });
          else seen.set(identity, row);
        }
        if (rowErrors.length === 0) valid.push({ row, input: built.input });
      }
    }
    if (rowErrors.length) {
      invalidRows.push(row);
      errorCount += rowErrors.length;
      for (const e of rowErrors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    }
    done++;
    if (onProgress && done % 500 === 0) await onProgress(done, sheet.rows.length);
  }
  return { fileError: null, valid, errors, invalidRows, total: sheet.rows.length, errorCount };
}

export function reportOf(outcome: SheetOutcome<unknown> | null, fileError: FileProblem | null, notices: FileProblem[]): ImportReport {
  const errors = outcome?.errors ?? [];
  const totalErrors = outcome?.errorCount ?? 0;
  return {
    fileError: fileError ?? outcome?.fileError ?? null,
    notices,
    errors,
    moreErrors: Math.max(0, totalErrors - errors.length),
    invalidRowNumbers: outcome?.invalidRows ?? [],
  };
}
