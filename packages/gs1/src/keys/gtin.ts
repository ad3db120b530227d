import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { computeCheckDigit } from './check-digit.ts';

// GTIN normalisation (GS1 General Specifications §3.3.2): GTIN-8, GTIN-12 and GTIN-13 are right-justified in
// a 14-digit field with leading zeros, which is the form AI (01) and GS1 Digital Link use.

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

function digitsError(s: string): Gs1Error | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return { code: 'GS1_LINTER_NON_DIGIT_CHARACTER', position: i, length: 1 };
  }
  return null;
}

/** Validate a GTIN-8/12/13/14 (digits, length, check digit) and return it as a GTIN-14. */
export function normalizeGtin(gtin: string): Result<string, Gs1Error> {
  if (typeof gtin !== 'string') return { ok: false, error: { code: 'GS1_GTIN_INVALID_LENGTH', position: 0 } };
  const digits = digitsError(gtin);
  if (digits) return { ok: false, error: digits };
  if (!GTIN_LENGTHS.has(gtin.length)) {
    return { ok: false, error: { code: 'GS1_GTIN_INVALID_LENGTH', position: 0, length: gtin.length } };
  }
  if (computeCheckDigit(gtin.slice(0, -1)) !== gtin.slice(-1)) {
    return { ok: false, error: { code: 'GS1_LINTER_INCORRECT_CHECK_DIGIT', position: gtin.length - 1, length: 1 } };
  }
  return { ok: true, value: gtin.padStart(14, '0') };
}

/** The shortest GTIN form of a GTIN-14: GTIN-8, -12 or -13 when its leading zeros allow, else the GTIN-14. */
export function shortestGtin(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('00')) return gtin14.slice(2);
  if (gtin14.startsWith('0')) return gtin14.slice(1);
  return gtin14;
}
