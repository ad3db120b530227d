import { lintError, requireDigits, type LintError } from './lint-types.ts';

// Character-set linters: GS1 General Specifications §7.11 (Figure 7.11-1 CSET 82, Figure 7.11-2 CSET 39,
// Figure 7.11-3 CSET 64). One lookup table per set, indexed by code unit; anything above 0x7F is invalid.

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

export const CSET82_CHARS = `!"%&'()*+,-./${DIGITS}:;<=>?${UPPER}_${LOWER}`;
export const CSET39_CHARS = `#-/${DIGITS}${UPPER}`;
export const CSET64_CHARS = `${UPPER}${LOWER}${DIGITS}-_`;

const CSET82 = table(CSET82_CHARS);
const CSET39 = table(CSET39_CHARS);
const CSET64 = table(CSET64_CHARS);

function firstOutside(data: string, set: Uint8Array, end: number): number {
  for (let i = 0; i < end; i++) {
    const c = data.charCodeAt(i);
    if (c > 127 || set[c] === 0) return i;
  }
  return -1;
}

export function isCset82(data: string): boolean {
  return firstOutside(data, CSET82, data.length) < 0;
}

/** `N` components: digits only. */
export function lintCsetNumeric(data: string): LintError | null {
  return requireDigits(data);
}

export function lintCset82(data: string): LintError | null {
  const i = firstOutside(data, CSET82, data.length);
  return i < 0 ? null : lintError('GS1_LINTER_INVALID_CSET82_CHARACTER', i, 1);
}

export function lintCset39(data: string): LintError | null {
  const i = firstOutside(data, CSET39, data.length);
  return i < 0 ? null : lintError('GS1_LINTER_INVALID_CSET39_CHARACTER', i, 1);
}

/** CSET 64 is base64url; up to two '=' pads are allowed only when the length is a multiple of 3 (§7.11). */
export function lintCset64(data: string): LintError | null {
  let pads = 0;
  while (pads < data.length && data.charCodeAt(data.length - pads - 1) === 61) pads++;
  const len = data.length - pads;
  if (pads > 2 || (pads > 0 && data.length % 3 !== 0)) return lintError('GS1_LINTER_INVALID_CSET64_PADDING', len, pads);
  const i = firstOutside(data, CSET64, len);
  return i < 0 ? null : lintError('GS1_LINTER_INVALID_CSET64_CHARACTER', i, 1);
}
