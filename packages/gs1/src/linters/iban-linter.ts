import { lintError, type LintError } from './lint-types.ts';
import { lintIso3166Alpha2 } from './code-list-linters.ts';

// iban: ISO 13616 International Bank Account Number (AI 8007). Country code, two check digits, and a
// mod-97 check over the rearranged BBAN + country + check digits, letters counting A=10 … Z=35.
const IBAN_MIN_LENGTH = 10; // The reference linter's bound: long enough to carry the check characters.
const IBAN_MAX_LENGTH = 34; // ISO 13616-1.

function ibanValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

export function lintIban(data: string): LintError | null {
  const n = data.length;
  if (n < 4) return lintError('GS1_LINTER_IBAN_TOO_SHORT', 0, n);
  if (lintIso3166Alpha2(data.slice(0, 2))) return lintError('GS1_LINTER_ILLEGAL_IBAN_COUNTRY_CODE', 0, 2);
  if (n > IBAN_MAX_LENGTH) return lintError('GS1_LINTER_IBAN_TOO_LONG', 0, n);
  if (n <= IBAN_MIN_LENGTH) return lintError('GS1_LINTER_IBAN_TOO_SHORT', 0, n);
  let remainder = 0;
  for (let k = 4; k < n + 4; k++) {
    const at = k < n ? k : k - n;
    const v = ibanValue(data.charCodeAt(at));
    if (v < 0) return lintError('GS1_LINTER_INVALID_IBAN_CHARACTER', at, 1);
    remainder = (remainder * (v < 10 ? 10 : 100) + v) % 97;
  }
  return remainder === 1 ? null : lintError('GS1_LINTER_INCORRECT_IBAN_CHECKSUM', 2, 2);
}
