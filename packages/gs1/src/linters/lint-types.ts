/** A linter fault: the GS1 Syntax Engine error name and the faulty segment of the linted data. */
export interface LintError {
  readonly code: string;
  readonly position: number;
  readonly length: number;
}

/** Answer of a GS1 Company Prefix lookup service (see gcppos1 in the GS1 Syntax Tests). */
export type GcpLookupResult = 'valid' | 'invalid' | 'offline';

/** Context a caller may pass in: linters read no clock and call no service on their own. */
export interface LintContext {
  /**
   * Optional lookup of a GCP against an allocation register, given data that starts with a GCP.
   * Without it, only the shape of the GCP (its first four digits) is checked.
   */
  readonly gcpLookup?: (data: string) => GcpLookupResult;
  /**
   * Year (e.g. 2026) used to place a two-digit YY in its century for leap-year checks
   * (GS1 General Specifications §7.12). Defaults to 2021, the reference linters' CURRENT_YEAR; the
   * answer differs only for YY=00 after 2050.
   */
  readonly currentYear?: number;
}

/** A GS1 Syntax Test: `null` when the data passes. */
export type Linter = (data: string, ctx?: LintContext) => LintError | null;

export function lintError(code: string, position: number, length: number): LintError {
  return { code, position, length };
}

/** Re-base an error found in a sub-field at `offset`, optionally overriding its code. */
export function shiftLint(error: LintError, offset: number, code = error.code): LintError {
  return { code, position: error.position + offset, length: error.length };
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Position of the first non-digit in `data`, or -1. */
export function firstNonDigit(data: string): number {
  for (let i = 0; i < data.length; i++) if (!isDigitCode(data.charCodeAt(i))) return i;
  return -1;
}

/** GS1_LINTER_NON_DIGIT_CHARACTER at the first non-digit, or null. */
export function requireDigits(data: string): LintError | null {
  const i = firstNonDigit(data);
  return i < 0 ? null : lintError('GS1_LINTER_NON_DIGIT_CHARACTER', i, 1);
}
