import { lintError, requireDigits, type LintContext, type LintError } from './lint-types.ts';
import { lintGcpPos1 } from './gcp-linters.ts';
import { lintYymmdd } from './date-time-linters.ts';

// couponcode (AI 8110) and couponposoffer (AI 8112): the North American coupon code data structures of
// GS1 General Specifications §3.9.x (AI 8110 "Coupon code identification for use in North America" and
// AI 8112 "Paperless coupon code identification"), read field by field with variable-length indicators (VLIs).

const C = 'GS1_LINTER_COUPON_';

class Reader {
  p = 0;
  constructor(readonly data: string) {}
  get atEnd(): boolean {
    return this.p >= this.data.length;
  }
  get remaining(): number {
    return this.data.length - this.p;
  }
  get digit(): number {
    return this.data.charCodeAt(this.p) - 48;
  }
  /** A field is absent: the whole data is at fault. */
  missing(code: string): LintError {
    return lintError(C + code, 0, this.data.length);
  }
  /** The single character at the cursor is invalid. */
  bad(code: string): LintError {
    return lintError(C + code, this.p, 1);
  }
  /** Fewer characters remain than the field needs. */
  truncated(code: string): LintError {
    return this.atEnd ? lintError(C + code, 0, this.data.length) : lintError(C + code, this.p, this.remaining);
  }
  /** A VLI digit within [min, max] (plus `also`), then that many (plus `add`) characters. */
  vliField(name: string, min: number, max: number, add: number, lengthCode = `INVALID_${name}_LENGTH`): LintError | number {
    if (this.atEnd) return this.missing(`MISSING_${name}_VLI`);
    const d = this.digit;
    if (d < min || d > max) return this.bad(lengthCode);
    this.p++;
    if (this.remaining < d + add) return this.truncated(`TRUNCATED_${name}`);
    return d + add;
  }
  gcp(name: string, length: number, ctx?: LintContext): LintError | null {
    const e = lintGcpPos1(this.data.slice(this.p, this.p + length), ctx);
    if (e) return lintError(e.code, this.p, length);
    this.p += length;
    return null;
  }
}

/** Requirement VLI, requirement, requirement code (0-4 or 9) and three-digit family code. */
function purchaseRequirement(r: Reader, ordinal: string): LintError | null {
  const name = `${ordinal}_PURCHASE_REQUIREMENT`;
  const len = r.vliField(name, 1, 5, 0);
  if (typeof len !== 'number') return len;
  r.p += len;
  if (r.atEnd) return r.missing(`MISSING_${name}_CODE`);
  if (r.digit > 4 && r.digit !== 9) return r.bad(`INVALID_${name}_CODE`);
  r.p++;
  if (r.remaining < 3) return r.truncated(`TRUNCATED_${ordinal}_PURCHASE_FAMILY_CODE`);
  r.p += 3;
  return null;
}

/** Purchase GCP VLI: 0-6 meaning 6-12 digits, or 9 meaning no GCP (same as the primary GCP). */
function purchaseGcp(r: Reader, ordinal: string, ctx?: LintContext): LintError | null {
  const name = `${ordinal}_PURCHASE_GCP`;
  if (r.atEnd) return r.missing(`MISSING_${name}_VLI`);
  const d = r.digit;
  if (d > 6 && d !== 9) return r.bad(`INVALID_${name}_LENGTH`);
  const len = d === 9 ? 0 : d + 6;
  r.p++;
  if (r.remaining < len) return r.truncated(`TRUNCATED_${name}`);
  return len > 0 ? r.gcp(name, len, ctx) : null;
}

function date(r: Reader, shortCode: string, invalidCode: string, ctx?: LintContext): LintError | number {
  r.p++;
  if (r.remaining < 6) return r.truncated(shortCode);
  if (lintYymmdd(r.data.slice(r.p, r.p + 6), ctx)) return lintError(C + invalidCode, r.p, 6);
  const at = r.p;
  r.p += 6;
  return at;
}

function optionalFields(r: Reader, ctx?: LintContext): LintError | null {
  if (!r.atEnd && r.digit === 1) {
    r.p++;
    if (r.atEnd) return r.missing('MISSING_ADDITIONAL_PURCHASE_RULES_CODE');
    if (r.digit > 3) return r.bad('INVALID_ADDITIONAL_PURCHASE_RULES_CODE');
    r.p++;
    const e = purchaseRequirement(r, '2ND') ?? purchaseGcp(r, '2ND', ctx);
    if (e) return e;
  }
  if (!r.atEnd && r.digit === 2) {
    r.p++;
    const e = purchaseRequirement(r, '3RD') ?? purchaseGcp(r, '3RD', ctx);
    if (e) return e;
  }
  let expiry: number | undefined;
  if (!r.atEnd && r.digit === 3) {
    const at = date(r, 'TOO_SHORT_FOR_EXPIRATION_DATE', 'INVALID_EXIPIRATION_DATE', ctx);
    if (typeof at !== 'number') return at;
    expiry = at;
  }
  if (!r.atEnd && r.digit === 4) {
    const at = date(r, 'TOO_SHORT_FOR_START_DATE', 'INVALID_START_DATE', ctx);
    if (typeof at !== 'number') return at;
    if (expiry !== undefined && r.data.slice(at, at + 6) > r.data.slice(expiry, expiry + 6)) {
      return lintError(`${C}EXPIRATION_BEFORE_START`, at - 8, 14);
    }
  }
  if (!r.atEnd && r.digit === 5) {
    r.p++;
    if (r.atEnd) return r.missing('MISSING_SERIAL_NUMBER_VLI');
    const len = r.digit + 6;
    r.p++;
    if (r.remaining < len) return r.truncated('TRUNCATED_SERIAL_NUMBER');
    r.p += len;
  }
  if (!r.atEnd && r.digit === 6) {
    r.p++;
    const len = r.vliField('RETAILER_GCP_OR_GLN', 1, 7, 6);
    if (typeof len !== 'number') return len;
    const e = r.gcp('RETAILER_GCP_OR_GLN', len, ctx);
    if (e) return e;
  }
  if (!r.atEnd && r.digit === 9) return miscellaneous(r);
  return null;
}

function miscellaneous(r: Reader): LintError | null {
  r.p++;
  if (r.atEnd) return r.missing('MISSING_SAVE_VALUE_CODE');
  if (![0, 1, 2, 5, 6].includes(r.digit)) return r.bad('INVALID_SAVE_VALUE_CODE');
  r.p++;
  if (r.atEnd) return r.missing('MISSING_SAVE_VALUE_APPLIES_TO_ITEM');
  if (r.digit > 2) return r.bad('INVALID_SAVE_VALUE_APPLIES_TO_ITEM');
  r.p++;
  if (r.atEnd) return r.missing('MISSING_STORE_COUPON_FLAG');
  r.p++;
  if (r.atEnd) return r.missing('MISSING_DONT_MULTIPLY_FLAG');
  if (r.digit !== 0 && r.digit !== 1) return r.bad('INVALID_DONT_MULTIPLY_FLAG');
  r.p++;
  return null;
}

export function lintCouponCode(data: string, ctx?: LintContext): LintError | null {
  const digits = requireDigits(data);
  if (digits) return digits;
  const r = new Reader(data);
  const gcpLen = r.vliField('GCP', 0, 6, 6);
  if (typeof gcpLen !== 'number') return gcpLen;
  const gcp = r.gcp('GCP', gcpLen, ctx);
  if (gcp) return gcp;
  if (r.remaining < 6) return r.truncated('TRUNCATED_OFFER_CODE');
  r.p += 6;
  const saveValue = r.vliField('SAVE_VALUE', 1, 5, 0);
  if (typeof saveValue !== 'number') return saveValue;
  r.p += saveValue;
  const e = purchaseRequirement(r, '1ST') ?? optionalFields(r, ctx);
  if (e) return e;
  return r.atEnd ? null : lintError(`${C}EXCESS_DATA`, r.p, r.remaining);
}

export function lintCouponPosOffer(data: string): LintError | null {
  const digits = requireDigits(data);
  if (digits) return digits;
  const r = new Reader(data);
  if (r.atEnd) return r.missing('MISSING_FORMAT_CODE');
  if (r.digit !== 0 && r.digit !== 1) return r.bad('INVALID_FORMAT_CODE');
  r.p++;
  const funder = r.vliField('FUNDER', 0, 6, 6);
  if (typeof funder !== 'number') return funder;
  r.p += funder;
  if (r.remaining < 6) return r.truncated('TRUNCATED_OFFER_CODE');
  r.p += 6;
  const serial = r.vliField('SERIAL_NUMBER', 0, 9, 6);
  if (typeof serial !== 'number') return serial;
  r.p += serial;
  return r.atEnd ? null : lintError(`${C}EXCESS_DATA`, r.p, r.remaining);
}
