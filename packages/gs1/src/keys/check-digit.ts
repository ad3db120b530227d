import { mod10CheckDigit } from '../linters/check-character-linters.ts';

// GS1 check digits (GS1 General Specifications §7.9.1): weights 3 and 1 alternating from the rightmost digit.

function isDigits(s: unknown): s is string {
  return typeof s === 'string' && /^\d+$/.test(s);
}

/** The mod-10 check digit for `digitsWithoutCheck`; "" when the input is not a non-empty digit string. */
export function computeCheckDigit(digitsWithoutCheck: string): string {
  return isDigits(digitsWithoutCheck) ? String(mod10CheckDigit(digitsWithoutCheck)) : '';
}

/** Whether a numeric GS1 key (GTIN-8/12/13/14, GLN, SSCC, GSRN, GSIN…) ends with its correct check digit. */
export function hasValidCheckDigit(numericKey: string): boolean {
  if (!isDigits(numericKey) || numericKey.length < 2) return false;
  return computeCheckDigit(numericKey.slice(0, -1)) === numericKey.slice(-1);
}
