import { firstNonDigit, isDigitCode, lintError, requireDigits, type LintError } from './lint-types.ts';

// Small content linters named by the Syntax Dictionary. Each cites the AI whose rule it implements
// (GS1 General Specifications §3, AI definitions).

/** zero: the component is all "0" (AI 8003 leading digit). */
export function lintZero(data: string): LintError | null {
  if (data.length === 0) return lintError('GS1_LINTER_NOT_ZERO', 0, 0);
  return /^0+$/.test(data) ? null : lintError('GS1_LINTER_NOT_ZERO', 0, data.length);
}

/** nonzero: digits, not all zero (AI 8001 dimensions). */
export function lintNonZero(data: string): LintError | null {
  const digits = requireDigits(data);
  if (digits) return digits;
  return /[1-9]/.test(data) ? null : lintError('GS1_LINTER_ILLEGAL_ZERO_VALUE', 0, data.length);
}

/** nozeroprefix: digits without a leading zero (AI 8011 CPID serial). */
export function lintNoZeroPrefix(data: string): LintError | null {
  if (data.charCodeAt(0) === 48) return lintError('GS1_LINTER_ILLEGAL_ZERO_PREFIX', 0, 1);
  return requireDigits(data);
}

/** yesno: "0" or "1" (AIs 4321-4323). */
export function lintYesNo(data: string): LintError | null {
  if (data.length !== 1) return lintError('GS1_LINTER_NOT_ZERO_OR_ONE', 0, data.length);
  return data === '0' || data === '1' ? null : lintError('GS1_LINTER_NOT_ZERO_OR_ONE', 0, 1);
}

/** winding: "0" face out, "1" face in, "9" undefined (AI 8001). */
export function lintWinding(data: string): LintError | null {
  if (data.length !== 1) return lintError('GS1_LINTER_INVALID_WINDING_DIRECTION', 0, data.length);
  return '019'.includes(data) ? null : lintError('GS1_LINTER_INVALID_WINDING_DIRECTION', 0, 1);
}

/** hyphen: only "-" (negative temperature marker of AIs 4330-4333). */
export function lintHyphen(data: string): LintError | null {
  if (data.length === 0) return lintError('GS1_LINTER_NOT_HYPHEN', 0, 0);
  return /^-+$/.test(data) ? null : lintError('GS1_LINTER_NOT_HYPHEN', 0, data.length);
}

/** hasnondigit: at least one non-digit (AI 8014 MUDI must differ from a GMN that is all digits). */
export function lintHasNonDigit(data: string): LintError | null {
  return firstNonDigit(data) >= 0 ? null : lintError('GS1_LINTER_REQUIRES_NON_DIGIT_CHARACTER', 0, data.length);
}

/** importeridx: one character of "-", digits, letters or "_" (AI 7040, EU 2018/574 importer index). */
export function lintImporterIdx(data: string): LintError | null {
  if (data.length !== 1) return lintError('GS1_LINTER_IMPORTER_IDX_MUST_BE_ONE_CHARACTER', 0, data.length);
  return /^[-0-9A-Z_a-z]$/.test(data) ? null : lintError('GS1_LINTER_INVALID_IMPORT_IDX_CHARACTER', 0, 1);
}

/** pieceoftotal: equal-length piece and total, neither zero, piece ≤ total (AIs 8006, 8026). */
export function lintPieceOfTotal(data: string): LintError | null {
  const digits = requireDigits(data);
  if (digits) return digits;
  const n = data.length;
  if (n === 0 || n % 2 !== 0) return lintError('GS1_LINTER_INVALID_LENGTH_FOR_PIECE_OF_TOTAL', 0, n);
  const half = n / 2;
  const piece = data.slice(0, half);
  const total = data.slice(half);
  if (!/[1-9]/.test(piece)) return lintError('GS1_LINTER_ZERO_PIECE_NUMBER', 0, half);
  if (!/[1-9]/.test(total)) return lintError('GS1_LINTER_ZERO_TOTAL_PIECES', half, half);
  return piece > total ? lintError('GS1_LINTER_PIECE_NUMBER_EXCEEDS_TOTAL', 0, n) : null;
}

/** posinseqslash: "<pos>/<end>", both without zero prefix, pos ≤ end (AI 7258 birth sequence). */
export function lintPosInSeqSlash(data: string): LintError | null {
  const n = data.length;
  const slash = data.indexOf('/');
  const malformed = lintError('GS1_LINTER_POSITION_IN_SEQUENCE_MALFORMED', 0, n);
  if (slash <= 0 || slash >= n - 1) return malformed;
  const pos = data.slice(0, slash);
  const end = data.slice(slash + 1);
  if (firstNonDigit(pos) >= 0 || firstNonDigit(end) >= 0) return malformed;
  if (pos.charCodeAt(0) === 48) return lintError('GS1_LINTER_ILLEGAL_ZERO_PREFIX', 0, slash);
  if (end.charCodeAt(0) === 48) return lintError('GS1_LINTER_ILLEGAL_ZERO_PREFIX', slash + 1, end.length);
  const exceeds = pos.length > end.length || (pos.length === end.length && pos > end);
  return exceeds ? lintError('GS1_LINTER_POSITION_EXCEEDS_END', 0, n) : null;
}

function lintDegrees(data: string, max: number, lengthCode: string, rangeCode: string): LintError | null {
  if (data.length !== 10) return lintError(lengthCode, 0, data.length);
  const digits = requireDigits(data);
  if (digits) return digits;
  return Number(data) > max ? lintError(rangeCode, 0, 10) : null;
}

/** latitude: 10 digits, 0…1800000000 (AI 4309: latitude + 90 degrees, in 10^-7 degree). */
export function lintLatitude(data: string): LintError | null {
  return lintDegrees(data, 1_800_000_000, 'GS1_LINTER_LATITUDE_INVALID_LENGTH', 'GS1_LINTER_INVALID_LATITUDE');
}

/** longitude: 10 digits, 0…3600000000 (AI 4309: longitude + 180 degrees, in 10^-7 degree). */
export function lintLongitude(data: string): LintError | null {
  return lintDegrees(data, 3_600_000_000, 'GS1_LINTER_LONGITUDE_INVALID_LENGTH', 'GS1_LINTER_INVALID_LONGITUDE');
}

function isHex(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** pcenc: every "%" starts a "%hh" sequence (percent-encoded AIs such as 4300). */
export function lintPcenc(data: string): LintError | null {
  for (let i = 0; i < data.length; i++) {
    if (data.charCodeAt(i) !== 37) continue;
    if (i + 2 >= data.length) return lintError('GS1_LINTER_INVALID_PERCENT_SEQUENCE', i, data.length - i);
    if (!isHex(data.charCodeAt(i + 1)) || !isHex(data.charCodeAt(i + 2))) {
      return lintError('GS1_LINTER_INVALID_PERCENT_SEQUENCE', i, 3);
    }
    i += 2;
  }
  return null;
}
