// What a person types or scans to start a trace, read into the one canonical spelling the epcis index tables use
// (canonicalEpc: the constrained GS1 Digital Link on id.gs1.org, CBV 2.0 §8.9.3). Every GS1 form is accepted
// (element string bracketed or with FNC1, scan data, Digital Link on any host, EPC URI, bare GTIN or SSCC), a
// GTIN with a separate lot code, and the non-GS1 URIs this installation writes (lots and parties without GS1 keys).
// Pure: never throws on bad input; a GS1 syntax fault comes back with @txng/gs1's own error (code and position).
import { canonicalEpc, identifierForm } from '@txng/epcis';
import { buildDigitalLink, normalizeGtin, parseGs1Input, type AiElement, type Gs1Error } from '@txng/gs1';

export type TraceKind = 'item' | 'lot' | 'product' | 'shipment' | 'place' | 'party' | 'asset' | 'document' | 'other';

export interface TraceIdentifier {
  /** What was asked for, as given (trimmed). */
  readonly input: string;
  /** The identity as stored in the epcis index tables. */
  readonly canonical: string;
  readonly kind: TraceKind;
  readonly gtin?: string;
  /** The lot (AI 10) of a lot; of an item, when the input gave it beside the serial. */
  readonly lot?: string;
  readonly serial?: string;
  readonly sscc?: string;
  readonly gln?: string;
  readonly glnExtension?: string;
}

export type IdentifierProblem =
  | { readonly code: 'TRACE_ID_EMPTY' }
  | { readonly code: 'TRACE_ID_TOO_LONG'; readonly limit: number }
  /** GS1 syntax or check-digit fault, with the package's error (position into the input). */
  | { readonly code: 'TRACE_ID_GS1'; readonly gs1: Gs1Error }
  /** GS1 data that names no traceable key (e.g. only an expiry date). */
  | { readonly code: 'TRACE_ID_NO_KEY' }
  /** Neither GS1 nor an absolute URI. */
  | { readonly code: 'TRACE_ID_UNRECOGNISED' }
  /** `lot` given with something that is not a GTIN. */
  | { readonly code: 'TRACE_ID_LOT_NEEDS_GTIN' };

export type IdentifierResult = { readonly ok: true; readonly value: TraceIdentifier } | { readonly ok: false; readonly error: IdentifierProblem };

export const MAX_IDENTIFIER_LENGTH = 2048;

const DL_OPTIONS = { permitZeroSuppressedGtin: true, permitConvenienceAlphas: true } as const;
/** Primary keys in the order a message names them first; (414) before (254) etc. */
const KEY_AIS = ['00', '01', '253', '255', '401', '402', '414', '417', '8003', '8004', '8006', '8010', '8017', '8018'];

/** The kind and GS1 parts of a canonical identity (a constrained Digital Link, or any other URI). */
export function describeCanonical(canonical: string): Omit<TraceIdentifier, 'input' | 'canonical'> {
  const m = /^https:\/\/id\.gs1\.org\/(\d{2,4})\/([^/?#]+)(?:\/(\d{2,4})\/([^/?#]+))?$/.exec(canonical);
  if (!m) return { kind: 'other' };
  const [, ai, value, qai, qvalue] = m as unknown as [string, string, string, string | undefined, string | undefined];
  const q = qvalue === undefined ? undefined : decodeURIComponent(qvalue);
  switch (ai) {
    case '00':
      return { kind: 'shipment', sscc: value };
    case '01':
      if (qai === '21') return { kind: 'item', gtin: value, serial: q! };
      if (qai === '10') return { kind: 'lot', gtin: value, lot: q! };
      return { kind: 'product', gtin: value };
    case '414':
      return { kind: 'place', gln: value, ...(qai === '254' ? { glnExtension: q! } : {}) };
    case '417':
      return { kind: 'party', gln: value };
    case '8003':
    case '8004':
    case '8006':
      return { kind: 'asset' };
    case '253':
    case '255':
    case '401':
    case '402':
      return { kind: 'document' };
    default:
      return { kind: 'other' };
  }
}

function fromElements(input: string, elements: readonly AiElement[]): IdentifierResult {
  const keyIndex = elements.findIndex((e) => KEY_AIS.includes(e.ai));
  if (keyIndex < 0) return { ok: false, error: { code: 'TRACE_ID_NO_KEY' } };
  // Key first, then the rest: buildDigitalLink places key qualifiers in the path and other AIs in the query,
  // which the canonical form then drops (CBV 2.0 §8.9.3 keeps the key and its finest qualifier only).
  const ordered = [elements[keyIndex]!, ...elements.filter((_, i) => i !== keyIndex)];
  const dl = buildDigitalLink(ordered, { base: 'https://id.gs1.org', validateAssociations: false });
  if (!dl.ok) return { ok: false, error: { code: 'TRACE_ID_GS1', gs1: dl.error } };
  const canonical = canonicalEpc(dl.value);
  const described = describeCanonical(canonical);
  // An item's identity leaves its lot out (CBV 2.0 §8.9.3), but a lot written beside the serial is kept: a
  // recall of the lot concerns the item.
  const lot = described.kind === 'item' ? elements.find((e) => e.ai === '10')?.value : undefined;
  return { ok: true, value: { input, canonical, ...described, ...(lot !== undefined ? { lot } : {}) } };
}

function absoluteUri(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const u = new URL(text);
    return u.protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * Reads an identifier to trace. `lot` (GS1 AI 10) may accompany a GTIN given in any form: "product + lot code".
 */
export function parseTraceIdentifier(raw: string, lot?: string): IdentifierResult {
  const input = typeof raw === 'string' ? raw.trim() : '';
  if (!input) return { ok: false, error: { code: 'TRACE_ID_EMPTY' } };
  if (input.length > MAX_IDENTIFIER_LENGTH) return { ok: false, error: { code: 'TRACE_ID_TOO_LONG', limit: MAX_IDENTIFIER_LENGTH } };
  if (lot !== undefined) return withLot(input, lot);
  // A bare 18-digit number is an SSCC (AI 00); a bare 8/12/13/14-digit number a GTIN (parseGs1Input).
  const gs1Text = /^\d{18}$/.test(input) ? `(00)${input}` : input;
  const form = /^urn:epc:/i.test(input) ? 'epc-uri' : /^https?:\/\//i.test(input) ? identifierForm(input) : 'gs1';
  if (form === 'other') {
    // An http(s) URI with no GS1 key path: this installation's own lot, package and party URIs, or a partner's.
    return absoluteUri(input) ? { ok: true, value: { input, canonical: input, kind: 'other' } } : { ok: false, error: { code: 'TRACE_ID_UNRECOGNISED' } };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(input) && !/^(urn:epc:|https?:)/i.test(input)) {
    return absoluteUri(input) ? { ok: true, value: { input, canonical: input, kind: 'other' } } : { ok: false, error: { code: 'TRACE_ID_UNRECOGNISED' } };
  }
  const parsed = parseGs1Input(gs1Text, DL_OPTIONS);
  if (!parsed.ok) {
    if (parsed.error.code === 'GS1_UNRECOGNISED_INPUT') return { ok: false, error: { code: 'TRACE_ID_UNRECOGNISED' } };
    return { ok: false, error: { code: 'TRACE_ID_GS1', gs1: gs1Text === input ? parsed.error : shift(parsed.error, -4) } };
  }
  if (parsed.value.form === 'epc' && !parsed.value.elements.length) {
    // An EPC URI with no GS1 AI equivalent (e.g. a pattern without a whole key) is matched as written.
    return { ok: true, value: { input, canonical: canonicalEpc(input), kind: 'other' } };
  }
  return fromElements(input, parsed.value.elements);
}

function shift(error: Gs1Error, by: number): Gs1Error {
  return error.position === undefined ? error : { ...error, position: Math.max(0, error.position + by) };
}

function withLot(input: string, lot: string): IdentifierResult {
  const gtin = gtinOf(input);
  if (!gtin.ok) return gtin;
  return fromElements(input, [{ ai: '01', value: gtin.value }, { ai: '10', value: lot }]);
}

function gtinOf(input: string): { ok: true; value: string } | { ok: false; error: IdentifierProblem } {
  if (/^\d+$/.test(input)) {
    const r = normalizeGtin(input);
    return r.ok ? r : { ok: false, error: { code: 'TRACE_ID_GS1', gs1: r.error } };
  }
  const parsed = parseGs1Input(input, DL_OPTIONS);
  if (!parsed.ok) return { ok: false, error: { code: 'TRACE_ID_GS1', gs1: parsed.error } };
  const g = parsed.value.elements.find((e) => e.ai === '01');
  return g ? { ok: true, value: g.value } : { ok: false, error: { code: 'TRACE_ID_LOT_NEEDS_GTIN' } };
}
