// Turning a lot as entered into stored values, and every reason it cannot be stored, by field pointer.
import type { FieldProblem } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/text/fold.ts';
import { CatalogErrors } from './messages.ts';
import type { LotInput } from './model.ts';
import { lotCodeProblem, lotDateProblems, parseCalendarDate } from './validation.ts';

export interface CleanLot {
  readonly lotCode: string;
  readonly productionDate: string | null;
  readonly harvestDate: string | null;
  readonly expiryDate: string | null;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly notes: string | null;
}

/** Formats, dates (real, not in the future, in order) and the lot code (GS1 AI 10). */
export function lotFieldProblems(input: Omit<LotInput, 'productId'>, today: string): { problems: FieldProblem[]; clean: CleanLot } {
  const problems: FieldProblem[] = [];
  const lotCode = input.lotCode.trim();
  const code = lotCodeProblem(lotCode);
  if (code) problems.push({ pointer: '/lotCode', code: code.code });
  const date = (field: 'productionDate' | 'harvestDate' | 'expiryDate'): string | null => {
    const raw = input[field];
    if (!raw) return null;
    const parsed = parseCalendarDate(raw);
    if (!parsed) problems.push({ pointer: `/${field}`, code: CatalogErrors.CATALOG_DATE_INVALID });
    return parsed;
  };
  const dates = { productionDate: date('productionDate'), harvestDate: date('harvestDate'), expiryDate: date('expiryDate') };
  for (const { field, problem } of lotDateProblems(dates, today)) problems.push({ pointer: `/${field}`, code: problem.code, params: problem.params ?? {} });
  const notes = input.notes?.normalize('NFC').trim() || null;
  return { problems, clean: { lotCode, ...dates, quantity: input.quantity ?? null, unit: input.unit?.normalize('NFC').trim() || null, notes } };
}

export function lotSearchText(lotCode: string, productName: string): string {
  return foldForSearch(`${lotCode} ${productName}`);
}

export const LOT_CODE_TAKEN = (lotCode: string): FieldProblem => ({ pointer: '/lotCode', code: CatalogErrors.CATALOG_LOT_CODE_TAKEN, params: { lotCode } });
