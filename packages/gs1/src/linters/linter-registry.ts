import type { CharacterSet } from '../dictionary/ai-entry.ts';
import type { LintContext, LintError, Linter } from './lint-types.ts';
import { lintCset39, lintCset64, lintCset82, lintCsetNumeric } from './charset-linters.ts';
import { lintCsum, lintCsumAlpha } from './check-character-linters.ts';
import { lintIso3166, lintIso3166999, lintIso3166Alpha2, lintIso4217, lintIso5218, lintMediaType, lintPackageType } from './code-list-linters.ts';
import { lintHh, lintHhmi, lintMi, lintSs, lintYymmd0, lintYymmdd, lintYyyymmd0, lintYyyymmdd } from './date-time-linters.ts';
import { lintCouponCode, lintCouponPosOffer } from './coupon-linters.ts';
import { lintGcpPos1, lintGcpPos2 } from './gcp-linters.ts';
import { lintIban } from './iban-linter.ts';
import {
  lintHasNonDigit, lintHyphen, lintImporterIdx, lintLatitude, lintLongitude, lintNonZero, lintNoZeroPrefix,
  lintPcenc, lintPieceOfTotal, lintPosInSeqSlash, lintWinding, lintYesNo, lintZero,
} from './value-linters.ts';

/** Every GS1 Syntax Test by the name the Syntax Dictionary uses for it. */
export const LINTERS: Readonly<Record<string, Linter>> = {
  csetnumeric: lintCsetNumeric,
  cset82: lintCset82,
  cset39: lintCset39,
  cset64: lintCset64,
  csum: lintCsum,
  csumalpha: lintCsumAlpha,
  couponcode: lintCouponCode,
  couponposoffer: lintCouponPosOffer,
  gcppos1: lintGcpPos1,
  gcppos2: lintGcpPos2,
  hasnondigit: lintHasNonDigit,
  hh: lintHh,
  hhmi: lintHhmi,
  hyphen: lintHyphen,
  iban: lintIban,
  importeridx: lintImporterIdx,
  iso3166: lintIso3166,
  iso3166999: lintIso3166999,
  iso3166alpha2: lintIso3166Alpha2,
  iso4217: lintIso4217,
  iso5218: lintIso5218,
  latitude: lintLatitude,
  longitude: lintLongitude,
  mediatype: lintMediaType,
  mi: lintMi,
  nonzero: lintNonZero,
  nozeroprefix: lintNoZeroPrefix,
  packagetype: lintPackageType,
  pcenc: lintPcenc,
  pieceoftotal: lintPieceOfTotal,
  posinseqslash: lintPosInSeqSlash,
  ss: lintSs,
  winding: lintWinding,
  yesno: lintYesNo,
  yymmd0: lintYymmd0,
  yymmdd: lintYymmdd,
  yyyymmd0: lintYyyymmd0,
  yyyymmdd: lintYyyymmdd,
  zero: lintZero,
};

export const CSET_LINTERS: Readonly<Record<CharacterSet, Linter>> = {
  N: lintCsetNumeric,
  X: lintCset82,
  Y: lintCset39,
  Z: lintCset64,
};

export function linterNames(): string[] {
  return Object.keys(LINTERS).sort();
}

/**
 * Run one linter by its dictionary name (`csum`, `yymmd0`…; a `gs1_lint_` prefix is accepted).
 * Returns null when the data passes; `GS1_UNKNOWN_LINTER` when no such linter exists.
 */
export function lint(name: string, data: string, ctx?: LintContext): LintError | null {
  const key = name.startsWith('gs1_lint_') ? name.slice('gs1_lint_'.length) : name;
  const linter = Object.hasOwn(LINTERS, key) ? LINTERS[key] : undefined;
  if (!linter) return { code: 'GS1_UNKNOWN_LINTER', position: 0, length: 0 };
  return linter(data, ctx);
}
