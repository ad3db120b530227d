// Pure field validators shared by the services, the spreadsheet importer and the property-based tests. Each
// returns null or a problem `{ code, params }`; codes are in messages.ts. No I/O, no clock (today is passed in).
import { computeCheckDigit, normalizeGtin } from '@txng/gs1';
import { CatalogErrors } from './messages.ts';

export interface Problem {
  readonly code: string;
  readonly params?: Record<string, unknown>;
}

/** GTIN-8/12/13/14 → GTIN-14 (GS1 GS §3.3.2), or the reason it is not one. With a company prefix it must start with it. */
export function checkGtin(raw: string, companyPrefix: string | null | undefined): { gtin: string } | Problem {
  const text = raw.replace(/[\s-]/g, '');
  const result = normalizeGtin(text);
  if (!result.ok) {
    const position = (result.error.position ?? 0) + 1;
    if (result.error.code === 'GS1_LINTER_NON_DIGIT_CHARACTER') return { code: CatalogErrors.CATALOG_GTIN_NOT_DIGITS, params: { position } };
    if (result.error.code === 'GS1_GTIN_INVALID_LENGTH') return { code: CatalogErrors.CATALOG_GTIN_LENGTH, params: { length: text.length } };
    return { code: CatalogErrors.CATALOG_GTIN_CHECK_DIGIT, params: { expected: computeCheckDigit(text.slice(0, -1)) } };
  }
  // GS1 GS §1.4.3: the GTIN-14's indicator digit comes first, then the company prefix.
  if (companyPrefix && !result.value.slice(1).startsWith(companyPrefix)) {
    return { code: CatalogErrors.CATALOG_GTIN_PREFIX_MISMATCH, params: { prefix: companyPrefix } };
  }
  return { gtin: result.value };
}

/** GLN-13 (GS1 GS §3.7) with its check digit; with a company prefix it must start with it. */
export function glnProblem(gln: string, companyPrefix: string | null | undefined): Problem | null {
  if (!/^\d{13}$/.test(gln)) return { code: CatalogErrors.CATALOG_GLN_NOT_DIGITS };
  const expected = computeCheckDigit(gln.slice(0, -1));
  if (expected !== gln.slice(-1)) return { code: CatalogErrors.CATALOG_GLN_CHECK_DIGIT, params: { expected } };
  if (companyPrefix && !gln.startsWith(companyPrefix)) return { code: CatalogErrors.CATALOG_GLN_PREFIX_MISMATCH, params: { prefix: companyPrefix } };
  return null;
}

// GS1 GS §7.11, character set 82 (the "AI encodable" set), used by AI (10) lot and AI (254) GLN extension.
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export function lotCodeProblem(code: string): Problem | null {
  return code.length >= 1 && code.length <= 20 && CSET82.test(code) ? null : { code: CatalogErrors.CATALOG_LOT_CODE_INVALID };
}

export function glnExtensionProblem(ext: string): Problem | null {
  return ext.length >= 1 && ext.length <= 20 && CSET82.test(ext) ? null : { code: CatalogErrors.CATALOG_GLN_EXTENSION_INVALID };
}

export function placeCodeProblem(code: string): Problem | null {
  return /^[A-Za-z0-9._-]{1,40}$/.test(code) ? null : { code: CatalogErrors.CATALOG_PLACE_CODE_INVALID };
}

/** Mã số vùng trồng as issued (e.g. "VN-SLOR-0012", "VNSLO-001"): capitals, digits, "-" and ".". */
export function plantingAreaCodeProblem(code: string): Problem | null {
  return /^[A-Z0-9][A-Z0-9.-]{2,38}[A-Z0-9]$/.test(code) ? null : { code: CatalogErrors.CATALOG_PLANTING_AREA_CODE_INVALID };
}

export function latitudeProblem(lat: number): Problem | null {
  return Number.isFinite(lat) && lat >= -90 && lat <= 90 ? null : { code: CatalogErrors.CATALOG_LATITUDE_RANGE };
}

export function longitudeProblem(lon: number): Problem | null {
  return Number.isFinite(lon) && lon >= -180 && lon <= 180 ? null : { code: CatalogErrors.CATALOG_LONGITUDE_RANGE };
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A calendar date as YYYY-MM-DD, from `2026-05-14` or the Vietnamese `14/05/2026` (also `14-05-2026`,
 * `14.05.2026`); null when it is not a real date (31/02, month 13…).
 */
export function parseCalendarDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}

/** The calendar date of an instant in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface LotDates {
  readonly productionDate?: string | null;
  readonly harvestDate?: string | null;
  readonly expiryDate?: string | null;
}

/** Impossible lot dates, each with the field it belongs to: future production/harvest, expiry before either. */
export function lotDateProblems(dates: LotDates, today: string): { field: keyof LotDates; problem: Problem }[] {
  const out: { field: keyof LotDates; problem: Problem }[] = [];
  const { productionDate: p, harvestDate: h, expiryDate: e } = dates;
  if (p && p > today) out.push({ field: 'productionDate', problem: { code: CatalogErrors.CATALOG_DATE_IN_FUTURE, params: { date: p } } });
  if (h && h > today) out.push({ field: 'harvestDate', problem: { code: CatalogErrors.CATALOG_DATE_IN_FUTURE, params: { date: h } } });
  if (p && h && p < h) out.push({ field: 'productionDate', problem: { code: CatalogErrors.CATALOG_PRODUCTION_BEFORE_HARVEST, params: { production: p, harvest: h } } });
  if (e && p && e < p) out.push({ field: 'expiryDate', problem: { code: CatalogErrors.CATALOG_EXPIRY_BEFORE_PRODUCTION, params: { expiry: e, production: p } } });
  else if (e && h && e < h) out.push({ field: 'expiryDate', problem: { code: CatalogErrors.CATALOG_EXPIRY_BEFORE_HARVEST, params: { expiry: e, harvest: h } } });
  return out;
}
