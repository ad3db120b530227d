import { isDigitCode, lintError, shiftLint, type LintContext, type LintError } from './lint-types.ts';

// gcppos1 / gcppos2: the component starts (at position 1 or 2) with a GS1 Company Prefix. The shortest GCP is
// four digits (GS1 General Specifications §1.4.3), so only those are checked without a lookup service; a caller
// may pass `gcpLookup` to check the allocation register (UPC Company Prefixes arrive normalised with a leading
// "0", GS1-8 Prefixes with "00000", as the GS1 Syntax Tests document).
const GCP_MIN_LENGTH = 4;

export function lintGcpPos1(data: string, ctx?: LintContext): LintError | null {
  if (data.length < GCP_MIN_LENGTH) return lintError('GS1_LINTER_TOO_SHORT_FOR_GCP', 0, data.length);
  for (let i = 0; i < GCP_MIN_LENGTH; i++) {
    if (!isDigitCode(data.charCodeAt(i))) return lintError('GS1_LINTER_INVALID_GCP_PREFIX', i, 1);
  }
  const answer = ctx?.gcpLookup?.(data);
  if (answer === 'offline') return lintError('GS1_LINTER_GCP_DATASOURCE_OFFLINE', 0, data.length);
  if (answer === 'invalid') return lintError('GS1_LINTER_INVALID_GCP_PREFIX', 0, data.length);
  return null;
}

/** As gcppos1 after a leading indicator or extension digit (GTIN-14, SSCC, ITIP). */
export function lintGcpPos2(data: string, ctx?: LintContext): LintError | null {
  if (data.length < 2) return lintError('GS1_LINTER_TOO_SHORT_FOR_GCP', 0, data.length);
  const e = lintGcpPos1(data.slice(1), ctx);
  return e ? shiftLint(e, 1) : null;
}
