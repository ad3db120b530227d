import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { lookupAi } from '../dictionary/ai-lookup.ts';
import { validateAssociations, findInAiData } from '../element-string/associations.ts';
import { lintElement } from '../element-string/parse-bracketed.ts';
import type { AiElement, ParsedAi } from '../element-string/parsed-ai.ts';
import { checkValueLength } from '../element-string/validate-value.ts';
import { hasHttpScheme } from './dl-structure.ts';
import { isPrimaryKey, qualifierSequencesFor } from './key-qualifiers.ts';
import { uriEscape } from './uri-escape.ts';
import { CANONICAL_DL_STEM, type DigitalLinkBuildOptions } from './digital-link-types.ts';

// Writing a GS1 Digital Link URI from AI data (GS1 Digital Link URI Syntax 1.4 §4-§6, as the GS1 Syntax
// Engine does it): the first AI that is a primary key goes first in the path, followed by the longest
// qualifier sequence the data satisfies; the other AIs become query attributes, those of predefined length
// first, each in the order given, repeated AIs once.

/** Resolve and lint caller-supplied elements; positions in errors are element indexes. */
export function resolveElements(elements: readonly AiElement[], opts?: DigitalLinkBuildOptions): Result<ParsedAi[], Gs1Error> {
  const out: ParsedAi[] = [];
  for (const [i, e] of elements.entries()) {
    const ai = typeof e?.ai === 'string' ? e.ai : '';
    const value = typeof e?.value === 'string' ? e.value : '';
    const entry = lookupAi(ai, opts?.permitUnknownAis === true);
    if (!entry) return { ok: false, error: { code: 'GS1_AI_UNRECOGNISED', ai, position: i } };
    const parsed: ParsedAi = { ai, value, entry, aiPos: i, valuePos: i };
    const error = checkValueLength(ai, entry, value, i) ?? lintElement(parsed, opts);
    if (error) return { ok: false, error: { ...error, position: i } };
    out.push(parsed);
  }
  return { ok: true, value: out };
}

function checkStem(base: string): Gs1Error | null {
  if (!hasHttpScheme(base) || /[?#\s]/.test(base)) return { code: 'GS1_INVALID_DL_STEM', position: 0 };
  return null;
}

function chooseQualifiers(elements: readonly ParsedAi[], key: string): string[] {
  let best: string[] = [];
  for (const seq of qualifierSequencesFor(key)) {
    if (seq.length > best.length && seq.every((q) => findInAiData(elements, q) !== undefined)) best = seq;
  }
  return best;
}

/** Write the URI from elements already placed: `path` in path order, the rest as attributes. */
export function writeDigitalLink(
  path: readonly ParsedAi[],
  rest: readonly ParsedAi[],
  opts?: DigitalLinkBuildOptions,
): Result<string, Gs1Error> {
  const base = opts?.base ?? CANONICAL_DL_STEM;
  const stemError = checkStem(base);
  if (stemError) return { ok: false, error: stemError };
  let uri = base.endsWith('/') ? base.slice(0, -1) : base;
  const emitted = new Set<string>();
  for (const e of path) {
    uri += `/${e.ai}/${uriEscape(e.value, false)}`;
    emitted.add(e.ai);
  }
  const query: string[] = [];
  for (const fixedFirst of [true, false]) {
    for (const e of rest) {
      if (e.entry.fnc1 === fixedFirst || emitted.has(e.ai)) continue;
      const permitted = e.entry.unknown ? opts?.permitUnknownAiAttributes === true : e.entry.dlDataAttribute;
      if (!permitted) return { ok: false, error: { code: 'GS1_AI_IS_NOT_VALID_DATA_ATTRIBUTE', ai: e.ai, position: e.aiPos } };
      query.push(`${e.ai}=${uriEscape(e.value, true)}`);
      emitted.add(e.ai);
    }
  }
  return { ok: true, value: query.length ? `${uri}?${query.join('&')}` : uri };
}

/** Choose the path for AI data in the engine's way, then write the URI. */
export function buildFromParsed(elements: readonly ParsedAi[], opts?: DigitalLinkBuildOptions): Result<string, Gs1Error> {
  const key = elements.find((e) => !e.entry.unknown && isPrimaryKey(e.ai));
  if (!key) return { ok: false, error: { code: 'GS1_CANNOT_CREATE_DL_URI_WITHOUT_PRIMARY_KEY_AI', position: 0 } };
  const path = [key];
  for (const q of chooseQualifiers(elements, key.ai)) {
    const match = elements.find((e) => e.ai === q);
    if (match) path.push(match);
  }
  return writeDigitalLink(path, elements, opts);
}

/** Build a GS1 Digital Link URI from AI data, validating every value (and, by default, AI associations). */
export function buildDigitalLink(elements: readonly AiElement[], opts?: DigitalLinkBuildOptions): Result<string, Gs1Error> {
  if (!Array.isArray(elements)) return { ok: false, error: { code: 'GS1_AI_DATA_EMPTY', position: 0 } };
  const resolved = resolveElements(elements, opts);
  if (!resolved.ok) return resolved;
  const assoc = validateAssociations(resolved.value, opts);
  if (assoc) return { ok: false, error: assoc };
  return buildFromParsed(resolved.value, opts);
}
