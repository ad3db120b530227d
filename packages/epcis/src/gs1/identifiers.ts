// GS1 identifiers in EPCIS events (EPC URIs and GS1 Digital Link URIs, EPCIS 2.0 §6.5.?): recognising
// them, checking them with @txng/gs1, and writing the constrained canonical Digital Link that CBV 2.0's
// event hash (§8.9) and identity matching use. All parsing is @txng/gs1's; this file only assembles.
import { parseDigitalLink, parseEpcUri, type DigitalLink, type EpcIdentity } from '@txng/gs1';

export type IdentifierForm = 'epc-uri' | 'digital-link' | 'other';

/** Path of a Digital Link: a primary key AI (or its legacy alpha) followed by a value with ≥ 4 digits. */
const DL_KEY = /^https?:\/\/[^/?#]+(?:\/[^?#]*)?\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018|gtin|itip|cpid|gln|party|gsrnp|gsrn|gcn|sscc|gdti|ginc|gsin|grai|giai)\/\d{4}/;

export function identifierForm(uri: string): IdentifierForm {
  // Both forms start with u/U (urn:epc:) or h (http): anything else is 'other' without running the patterns.
  const first = uri.charCodeAt(0) | 0x20;
  if (first !== 0x75 && first !== 0x68) return 'other';
  if (/^urn:epc:(id|class|idpat):/i.test(uri)) return 'epc-uri';
  if (DL_KEY.test(uri)) return 'digital-link';
  return 'other';
}

const DL_OPTIONS = { permitZeroSuppressedGtin: true, permitConvenienceAlphas: true } as const;

/**
 * What is known about one identifier string, computed once: validation, the hash and MATCH_ all need the
 * same parse, and documents repeat locations and parties in every event. Bounded, insertion-ordered.
 */
interface Known {
  parsed?: { ok: true; value: EpcIdentity | DigitalLink } | { ok: false; error: { code: string } };
  strict?: string | null;
  loose?: string | null;
}

/** Two generations: what was used since the last turnover stays, the rest is dropped at the next one. */
let young = new Map<string, Known>();
let old = new Map<string, Known>();
const GENERATION = 4096;

function known(uri: string): Known {
  let k = young.get(uri);
  if (k) return k;
  k = old.get(uri) ?? {};
  if (young.size >= GENERATION) {
    old = young;
    young = new Map();
  }
  young.set(uri, k);
  return k;
}

function parsed(uri: string, form: 'epc-uri' | 'digital-link'): NonNullable<Known['parsed']> {
  const k = known(uri);
  k.parsed ??= form === 'epc-uri' ? parseEpcUri(uri) : parseDigitalLink(uri, DL_OPTIONS);
  return k.parsed;
}

export function readEpcUri(uri: string): EpcIdentity | undefined {
  const r = parsed(uri, 'epc-uri');
  return r.ok ? (r.value as EpcIdentity) : undefined;
}

export function readDigitalLink(uri: string): DigitalLink | undefined {
  const r = parsed(uri, 'digital-link');
  return r.ok ? (r.value as DigitalLink) : undefined;
}

export interface IdentifierProblem {
  readonly code: 'EPCIS_INVALID_GS1_KEY' | 'EPCIS_BAD_CHECK_DIGIT';
  readonly gs1Code: string;
}

/** Checks an EPC URI or Digital Link (syntax and check digits); other URIs are not GS1's to judge. */
export function checkIdentifier(uri: string): IdentifierProblem | undefined {
  const form = identifierForm(uri);
  if (form === 'other') return undefined;
  const r = parsed(uri, form);
  if (r.ok) return undefined;
  const gs1Code = r.error.code;
  return { code: /CHECK_DIGIT/.test(gs1Code) ? 'EPCIS_BAD_CHECK_DIGIT' : 'EPCIS_INVALID_GS1_KEY', gs1Code };
}

const CANONICAL = 'https://id.gs1.org';

/**
 * Percent-encoding of AI values in the event-hash Digital Link: the characters EPC URIs escape (TDS 2.1
 * Table A-1: " % & / < > ? and # in CPI) and those GS1 Digital Link requires encoding (! ( ) * + , :).
 */
export function encodeHashValue(value: string): string {
  return value.replace(/["#%&/<>?!()*+,:]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** Key/qualifier sets the CBV 2.0 hash keeps (finest level only), as AI lists. */
const ALLOWED: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['00', [[]]], ['01', [[], ['21'], ['10'], ['235']]], ['253', [[]]], ['255', [[]]], ['401', [[]]], ['402', [[]]],
  ['414', [[], ['254']]], ['417', [[]]], ['8003', [[]]], ['8004', [[]]], ['8006', [[], ['21'], ['10']]],
  ['8010', [[], ['8011']]], ['8017', [[]]], ['8018', [[]]],
]);

/** Characters and lengths the hash reference accepts in a constrained Digital Link (else: not GS1). */
const VALUE_CHARS = /^["'\-.0-9;<=>?A-Z_a-z]*$/;
const LIMITS: Readonly<Record<string, number>> = { '21': 20, '10': 20, '235': 28, '254': 20, '401': 30, '8004': 30, '8011': 12 };

interface Element {
  readonly ai: string;
  readonly value: string;
  /** The value as written in the input URI path, when it came from a Digital Link. */
  readonly raw?: string;
}

function keep(elements: readonly Element[]): Element[] | undefined {
  const [key, ...rest] = elements;
  if (!key) return undefined;
  let qualifiers = rest.filter((q) => q.ai !== '22');
  if (qualifiers.some((q) => q.ai === '21')) qualifiers = qualifiers.filter((q) => q.ai !== '10');
  const allowed = ALLOWED.get(key.ai);
  if (!allowed?.some((set) => set.length === qualifiers.length && set.every((ai, i) => qualifiers[i]!.ai === ai))) return undefined;
  return [key, ...qualifiers];
}

function build(elements: readonly Element[], strict: boolean): string | undefined {
  const kept = keep(elements);
  if (!kept) return undefined;
  let out = CANONICAL;
  for (const el of kept) {
    if (el.raw !== undefined && strict) {
      // The CBV 2.0 reference implementation copies Digital Link path text unchanged and then accepts only
      // these characters (no percent-escapes): reproduce it so hash IDs match the published vectors.
      const charset = el.ai === '8010' ? /^[#\-/0-9A-Z]*$/ : VALUE_CHARS;
      if (!charset.test(el.raw) || el.raw.length > (LIMITS[el.ai] ?? 99)) return undefined;
      out += `/${el.ai}/${el.raw}`;
    } else {
      out += `/${el.ai}/${encodeHashValue(el.value)}`;
    }
  }
  return out;
}

/** The value text of each path element of a Digital Link, as written (primary key first). */
function rawPathValues(dl: DigitalLink): string[] {
  const path = dl.uri.slice(dl.stem.length).split(/[?#]/)[0] ?? '';
  const segments = path.split('/').filter((s, i) => i > 0 || s !== '');
  const values: string[] = [];
  for (let i = 1; i < segments.length; i += 2) values.push(segments[i] ?? '');
  return values;
}

/**
 * The constrained canonical GS1 Digital Link of an identifier (CBV 2.0 §8.9.3 steps 3–4): EPC URIs are
 * converted, Digital Links moved to id.gs1.org without query, CPV and (when a serial is present) lot.
 * `strict` reproduces the reference implementation's refusal of escaped characters in Digital Link input.
 * Returns undefined for anything that is not a GS1 identifier it can express.
 */
export function constrainedDigitalLink(uri: string, strict = true): string | undefined {
  const form = identifierForm(uri);
  if (form === 'other') return undefined;
  const k = known(uri);
  const cached = strict ? k.strict : k.loose;
  if (cached !== undefined) return cached ?? undefined;
  const result = buildConstrained(uri, form, strict);
  // An EPC URI's form does not depend on `strict` (only escapes in Digital Link input do): one build serves both.
  if (strict || form === 'epc-uri') k.strict = result ?? null;
  if (!strict || form === 'epc-uri') k.loose = result ?? null;
  return result;
}

function buildConstrained(uri: string, form: IdentifierForm, strict: boolean): string | undefined {
  if (form === 'epc-uri') {
    const epc = readEpcUri(uri);
    return epc?.elements ? build(epc.elements, false) : undefined;
  }
  if (form === 'digital-link') {
    const dl = readDigitalLink(uri);
    if (!dl) return undefined;
    const raw = rawPathValues(dl);
    const path = [dl.primaryKey, ...dl.qualifiers];
    if (raw.length !== path.length) return undefined;
    return build(path.map((el, i) => ({ ai: el.ai, value: el.value, raw: el.ai === '01' ? el.value : raw[i] })), strict);
  }
  return undefined;
}

/**
 * One spelling per identity: GS1 identifiers as their constrained canonical Digital Link (so an EPC URI
 * and a Digital Link of the same object compare equal), any other URI unchanged. Used by MATCH_epc and
 * the identity indexes of the server.
 */
export function canonicalEpc(id: string): string {
  return constrainedDigitalLink(id, false) ?? id;
}
