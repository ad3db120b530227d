import { isDigitCode, lintError, type LintError } from './lint-types.ts';
import { CSET82_CHARS } from './charset-linters.ts';

/** GS1 mod-10 check digit over `digits` (GS1 General Specifications §7.9.1): weights 3,1,3… from the right. */
export function mod10CheckDigit(digits: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += weight * (digits.charCodeAt(i) - 48);
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** csum: the final digit is the GS1 mod-10 check digit of the preceding digits. */
export function lintCsum(data: string): LintError | null {
  if (data.length === 0) return lintError('GS1_LINTER_TOO_SHORT_FOR_CHECK_DIGIT', 0, 0);
  for (let i = 0; i < data.length; i++) {
    if (!isDigitCode(data.charCodeAt(i))) return lintError('GS1_LINTER_NON_DIGIT_CHARACTER', i, 1);
  }
  const last = data.length - 1;
  if (mod10CheckDigit(data.slice(0, last)) !== data.charCodeAt(last) - 48) {
    return lintError('GS1_LINTER_INCORRECT_CHECK_DIGIT', last, 1);
  }
  return null;
}

// csumalpha: GS1 General Specifications §7.9.5, check character pair for alphanumeric keys (GMN, AI 8013).
// Data characters are weighted by their CSET 82 position times ascending primes from the right, modulo 1021;
// the 10-bit result is split into two 5-bit indexes into CSET 32.
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIMES = primes(97);

function primes(count: number): number[] {
  const out: number[] = [];
  for (let n = 2; out.length < count; n++) if (out.every((p) => n % p !== 0)) out.push(n);
  return out;
}

const CSET82_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < CSET82_CHARS.length; i++) CSET82_VALUE[CSET82_CHARS.charCodeAt(i)] = i;

/** The two check characters for `data` (without its pair); undefined if a character is not CSET 82. */
export function checkCharacterPair(data: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const v = c < 128 ? (CSET82_VALUE[c] ?? -1) : -1;
    if (v < 0) return undefined;
    sum += v * (PRIMES[data.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  return (CSET32[sum >> 5] ?? '') + (CSET32[sum & 31] ?? '');
}

export function lintCsumAlpha(data: string): LintError | null {
  const n = data.length;
  if (n > PRIMES.length + 2) return lintError('GS1_LINTER_TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION', 0, n);
  if (n < 2) return lintError('GS1_LINTER_TOO_SHORT_FOR_CHECK_PAIR', 0, n);
  for (let i = 0; i < n - 2; i++) {
    const c = data.charCodeAt(i);
    if (c > 127 || (CSET82_VALUE[c] ?? -1) < 0) return lintError('GS1_LINTER_INVALID_CSET82_CHARACTER', i, 1);
  }
  if (checkCharacterPair(data.slice(0, n - 2)) !== data.slice(n - 2)) {
    return lintError('GS1_LINTER_INCORRECT_CHECK_PAIR', n - 2, 2);
  }
  return null;
}
