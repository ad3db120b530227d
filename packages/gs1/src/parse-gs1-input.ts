import type { Gs1Error } from './errors.ts';
import type { Result } from './result.ts';
import { parseElementString } from './element-string/parse-element-string.ts';
import type { AiElement } from './element-string/parsed-ai.ts';
import { parseDigitalLink } from './digital-link/digital-link.ts';
import { hasHttpScheme } from './digital-link/dl-structure.ts';
import type { DigitalLink, DigitalLinkParseOptions } from './digital-link/digital-link-types.ts';
import { parseScanData, type ScanData } from './scan-data/parse-scan-data.ts';
import { parseEpcUri, type EpcIdentity } from './epc/parse-epc-uri.ts';
import { normalizeGtin } from './keys/gtin.ts';

export type Gs1InputForm = 'bracketed' | 'unbracketed' | 'digital-link' | 'scan-data' | 'epc' | 'gtin';

/** Any GS1 input, recognised by its form and read into AI data. */
export interface Gs1Input {
  readonly form: Gs1InputForm;
  readonly elements: readonly AiElement[];
  readonly digitalLink?: DigitalLink;
  readonly scanData?: ScanData;
  readonly epc?: EpcIdentity;
}

/**
 * Recognise and read any supported form: bracketed "(01)…", unbracketed "^01…", a Digital Link URI, scan data
 * with a symbology identifier "]d2…", an EPC URI "urn:epc:…", or a bare GTIN-8/12/13/14.
 */
export function parseGs1Input(input: string, opts?: DigitalLinkParseOptions): Result<Gs1Input, Gs1Error> {
  if (typeof input !== 'string' || input.length === 0) return { ok: false, error: { code: 'GS1_UNRECOGNISED_INPUT', position: 0 } };
  const first = input.charCodeAt(0);
  if (first === 40 || first === 94) {
    const r = parseElementString(input, opts);
    return r.ok ? { ok: true, value: { form: first === 40 ? 'bracketed' : 'unbracketed', elements: r.value } } : r;
  }
  if (first === 93) {
    const r = parseScanData(input, opts);
    return r.ok ? { ok: true, value: { form: 'scan-data', elements: r.value.elements, scanData: r.value } } : r;
  }
  if (hasHttpScheme(input)) {
    const r = parseDigitalLink(input, opts);
    return r.ok ? { ok: true, value: { form: 'digital-link', elements: r.value.elements, digitalLink: r.value } } : r;
  }
  if (/^urn:epc:/i.test(input)) {
    const r = parseEpcUri(input);
    return r.ok ? { ok: true, value: { form: 'epc', elements: r.value.elements ?? [], epc: r.value } } : r;
  }
  if (/^\d+$/.test(input)) {
    const r = normalizeGtin(input);
    return r.ok ? { ok: true, value: { form: 'gtin', elements: [{ ai: '01', value: r.value }] } } : r;
  }
  return { ok: false, error: { code: 'GS1_UNRECOGNISED_INPUT', position: 0 } };
}
