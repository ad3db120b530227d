import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { computeCheckDigit } from './check-digit.ts';

// Building keys from a GS1 Company Prefix (GS1 General Specifications §1.4.3, §3.2 SSCC, §3.3 GTIN,
// §3.7 GLN): GCP + reference fill the key's digits before the check digit, the reference length being
// whatever the GCP leaves.

export const MIN_GCP_LENGTH = 4;
export const MAX_GCP_LENGTH = 12;

function check(name: string, value: unknown, length?: number): Gs1Error | null {
  if (typeof value !== 'string' || !/^\d*$/.test(value)) return { code: 'GS1_KEY_COMPONENT_NOT_NUMERIC', params: { component: name } };
  if (length !== undefined && value.length !== length) {
    return { code: 'GS1_KEY_COMPONENT_WRONG_LENGTH', params: { component: name, expected: String(length), actual: String(value.length) } };
  }
  return null;
}

function compose(parts: [string, unknown][], gcp: unknown, totalWithoutCheck: number): Result<string, Gs1Error> {
  if (typeof gcp !== 'string' || !/^\d+$/.test(gcp) || gcp.length < MIN_GCP_LENGTH || gcp.length > MAX_GCP_LENGTH) {
    return { ok: false, error: { code: 'GS1_INVALID_COMPANY_PREFIX', params: { min: String(MIN_GCP_LENGTH), max: String(MAX_GCP_LENGTH) } } };
  }
  let body = '';
  for (const [name, value] of parts) {
    const error = check(name, value);
    if (error) return { ok: false, error };
    body += value as string;
  }
  if (body.length !== totalWithoutCheck) {
    const [name, reference] = parts.at(-1) ?? ['reference', ''];
    const referenceLength = (reference as string).length;
    const expected = totalWithoutCheck - (body.length - referenceLength);
    const params = { component: name, expected: String(Math.max(0, expected)), actual: String(referenceLength) };
    return { ok: false, error: { code: 'GS1_KEY_COMPONENT_WRONG_LENGTH', params } };
  }
  return { ok: true, value: body + computeCheckDigit(body) };
}

/** GTIN-14 from indicator digit (0 for a base unit), GCP and item reference (GCP + reference = 12 digits). */
export function buildGtin(companyPrefix: string, itemReference: string, indicatorDigit = '0'): Result<string, Gs1Error> {
  const indicator = check('indicatorDigit', indicatorDigit, 1);
  if (indicator) return { ok: false, error: indicator };
  return compose([['indicatorDigit', indicatorDigit], ['companyPrefix', companyPrefix], ['itemReference', itemReference]], companyPrefix, 13);
}

/** GLN-13 from GCP and location reference (together 12 digits). */
export function buildGln(companyPrefix: string, locationReference: string): Result<string, Gs1Error> {
  return compose([['companyPrefix', companyPrefix], ['locationReference', locationReference]], companyPrefix, 12);
}

/** SSCC-18 from extension digit, GCP and serial reference (GCP + serial reference = 16 digits). */
export function buildSscc(companyPrefix: string, serialReference: string, extensionDigit = '0'): Result<string, Gs1Error> {
  const extension = check('extensionDigit', extensionDigit, 1);
  if (extension) return { ok: false, error: extension };
  return compose([['extensionDigit', extensionDigit], ['companyPrefix', companyPrefix], ['serialReference', serialReference]], companyPrefix, 17);
}
