import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import type { ResolvedEntry } from '../dictionary/ai-entry-resolved.ts';
import { lookupAi, lookupAiAt } from '../dictionary/ai-lookup.ts';
import { MAX_AIS, type ParsedAi } from '../element-string/parsed-ai.ts';
import { checkValueLength } from '../element-string/validate-value.ts';
import { aiForConvenienceAlpha } from './convenience-alphas.ts';
import { isPrimaryKey } from './key-qualifiers.ts';
import { splitUri } from './dl-structure.ts';
import { uriUnescape } from './uri-escape.ts';
import type { DigitalLinkParseOptions } from './digital-link-types.ts';

// Reading the GS1 data out of a GS1 Digital Link URI (GS1 Digital Link URI Syntax 1.4 §4, §6): the path
// info ends with /{primary key AI}/{value} followed by qualifier pairs; anything before it is the path stem
// (any domain and stem are allowed); AI data attributes come as numeric query parameters.

/** An element read from a URI, remembering its escaped form for error positions. */
export interface DlAi extends ParsedAi {
  readonly raw: string;
  readonly query: boolean;
  /** Leading zeros added to a zero-suppressed GTIN. */
  readonly padded: number;
}

export interface DlRead {
  readonly stemEnd: number;
  readonly path: DlAi[];
  readonly attributes: DlAi[];
  readonly otherParams: { name: string; value?: string }[];
  readonly fragment?: string;
}

type Fail = { ok: false; error: Gs1Error };
const failAt = (code: string, position: number, ai?: string): Fail => ({
  ok: false,
  error: ai === undefined ? { code, position } : { code, position, ai },
});

/** The AI written in `uri` from `start` to `end` (a path segment), or its convenience alpha when permitted. */
function resolvePathAi(uri: string, start: number, end: number, opts?: DigitalLinkParseOptions): ResolvedEntry | undefined {
  if (opts?.permitConvenienceAlphas && end - start >= 3 && end - start <= 5) {
    const c = uri.charCodeAt(start);
    if (c < 48 || c > 57) {
      const ai = aiForConvenienceAlpha(uri.slice(start, end));
      if (ai) return lookupAi(ai, false);
    }
  }
  return lookupAiAt(uri, start, end, opts?.permitUnknownAis === true);
}

/**
 * Find the "/" before the primary key: walk /AI/value pairs back from the end of the path until an AI is a
 * Digital Link primary key (so a stem may itself look like GS1 data); stop at the first non-AI.
 */
function findKeyStart(uri: string, pathStart: number, pathEnd: number, opts?: DigitalLinkParseOptions): number {
  let r = pathEnd;
  while (r > pathStart) {
    r = uri.lastIndexOf('/', r - 1);
    if (r <= pathStart) return -1;
    const p = uri.lastIndexOf('/', r - 1);
    const entry = resolvePathAi(uri, p + 1, r, opts);
    if (!entry) return -1;
    if (isPrimaryKey(entry.ai)) return p;
    r = p;
  }
  return -1;
}

function zeroPad(entry: ResolvedEntry, value: string, opts?: DigitalLinkParseOptions): string {
  const legacy = opts?.permitZeroSuppressedGtin === true && entry.ai === '01';
  return legacy && (value.length === 13 || value.length === 12 || value.length === 8) ? value.padStart(14, '0') : value;
}

function readPath(uri: string, keyStart: number, pathEnd: number, opts?: DigitalLinkParseOptions): Result<DlAi[], Gs1Error> {
  const out: DlAi[] = [];
  let p = keyStart;
  while (p < pathEnd) {
    const slash = uri.indexOf('/', p + 1);
    const entry = resolvePathAi(uri, p + 1, slash, opts);
    if (!entry) return failAt('GS1_AI_UNRECOGNISED', p + 1, uri.slice(p + 1, slash));
    const ai = entry.unknown ? uri.slice(p + 1, slash) : entry.ai;
    let end = uri.indexOf('/', slash + 1);
    if (end < 0 || end > pathEnd) end = pathEnd;
    if (end === slash + 1) return failAt('GS1_AI_VALUE_PATH_ELEMENT_IS_EMPTY', slash + 1, ai);
    const raw = uri.slice(slash + 1, end);
    const decoded = uriUnescape(raw, false);
    if (decoded === null) return failAt('GS1_DECODED_AI_FROM_DL_PATH_INFO_CONTAINS_ILLEGAL_NULL', slash + 1, ai);
    const value = zeroPad(entry, decoded, opts);
    const lengthError = checkValueLength(ai, entry, value, p + 1);
    if (lengthError) return { ok: false, error: lengthError };
    out.push({ ai, value, entry, aiPos: p + 1, valuePos: slash + 1, raw, query: false, padded: value.length - decoded.length });
    p = end;
  }
  return { ok: true, value: out };
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function readQuery(uri: string, from: number, to: number, read: DlRead, opts?: DigitalLinkParseOptions): Gs1Error | null {
  let p = from;
  while (p < to) {
    while (p < to && uri.charCodeAt(p) === 38) p++;
    if (p >= to) break;
    let r = uri.indexOf('&', p);
    if (r < 0 || r > to) r = to;
    const eq = uri.indexOf('=', p);
    if (eq < 0 || eq >= r) {
      read.otherParams.push({ name: uriUnescape(uri.slice(p, r), true) ?? uri.slice(p, r) });
      p = r;
      continue;
    }
    // Numeric-only parameter names are AIs (Digital Link URI Syntax §6.2); a numeric name that is no AI is an error.
    if (!allDigits(uri, p, eq)) {
      const name = uri.slice(p, eq);
      const raw = uri.slice(eq + 1, r);
      read.otherParams.push({ name: uriUnescape(name, true) ?? name, value: uriUnescape(raw, true) ?? raw });
      p = r;
      continue;
    }
    const entry = lookupAiAt(uri, p, eq, opts?.permitUnknownAis === true);
    const name = entry && !entry.unknown ? entry.ai : uri.slice(p, eq);
    if (!entry) return { code: 'GS1_UNKNOWN_AI_IN_QUERY_PARAMS', position: p, ai: name };
    if (eq + 1 === r) return { code: 'GS1_AI_VALUE_QUERY_ELEMENT_IN_EMPTY', position: eq + 1, ai: name };
    const raw = uri.slice(eq + 1, r);
    const decoded = uriUnescape(raw, true);
    if (decoded === null) return { code: 'GS1_DECODED_AI_VALUE_FROM_QUERY_PARAMS_CONTAINS_ILLEGAL_NULL', position: eq + 1, ai: name };
    const value = zeroPad(entry, decoded, opts);
    const lengthError = checkValueLength(name, entry, value, p);
    if (lengthError) return lengthError;
    if (read.path.length + read.attributes.length >= MAX_AIS) return { code: 'GS1_TOO_MANY_AIS', position: p, ai: name };
    read.attributes.push({ ai: name, value, entry, aiPos: p, valuePos: eq + 1, raw, query: true, padded: value.length - decoded.length });
    p = r;
  }
  return null;
}

/** Lexical reading of a Digital Link URI into path elements, attributes and other parameters. */
export function readDigitalLink(uri: string, opts?: DigitalLinkParseOptions): Result<DlRead, Gs1Error> {
  const parts = splitUri(uri);
  if ('code' in parts) return { ok: false, error: parts };
  const keyStart = findKeyStart(uri, parts.pathStart, parts.pathEnd, opts);
  if (keyStart < 0) return failAt('GS1_NO_GS1_DL_KEYS_FOUND_IN_PATH_INFO', parts.pathStart);
  const path = readPath(uri, keyStart, parts.pathEnd, opts);
  if (!path.ok) return path;
  const read: { -readonly [K in keyof DlRead]: DlRead[K] } = { stemEnd: keyStart, path: path.value, attributes: [], otherParams: [] };
  if (parts.fragmentStart !== undefined) read.fragment = uri.slice(parts.fragmentStart);
  if (parts.queryStart !== undefined) {
    const error = readQuery(uri, parts.queryStart, parts.queryEnd ?? uri.length, read, opts);
    if (error) return { ok: false, error };
  }
  return { ok: true, value: read };
}
