import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { lookupAiPrefix } from '../dictionary/ai-lookup.ts';
import { MAX_AIS, type Gs1ParseOptions, type ParsedAi } from './parsed-ai.ts';
import { maxValueLength, validateValue } from './validate-value.ts';

// Unbracketed element strings with "^" standing for FNC1: "^0109520123456788^10ABC" (GS1 General
// Specifications §7.8: FNC1 in first position, then element strings; an FNC1 separator follows every
// element string that is not of predefined length, §7.8.5).

/**
 * Read "^…" AI data into elements. AIs are found by their prefix; a value ends at the next FNC1 or, for
 * predefined-length AIs, after its length. Error positions are offsets in `data` plus `base`.
 */
export function parseUnbracketed(data: string, opts?: Gs1ParseOptions, base = 0): Result<ParsedAi[], Gs1Error> {
  if (data.charCodeAt(0) !== 94) return { ok: false, error: { code: 'GS1_MISSING_FNC1_IN_FIRST_POSITION', position: base } };
  const n = data.length;
  if (n === 1) return { ok: false, error: { code: 'GS1_AI_DATA_EMPTY', position: base + 1 } };
  const out: ParsedAi[] = [];
  const permitUnknown = opts?.permitUnknownAis === true;
  let p = 1;
  while (p < n) {
    const entry = lookupAiPrefix(data, p, permitUnknown);
    // An unknown AI whose length its prefix cannot tell cannot be separated from its value.
    if (!entry || entry.aiLength === 0) return { ok: false, error: { code: 'GS1_NO_AI_FOR_PREFIX', position: base + p } };
    const aiPos = p;
    const ai = data.slice(p, p + entry.aiLength);
    p += entry.aiLength;
    let r = data.indexOf('^', p);
    if (r < 0) r = n;
    if (!entry.fnc1) r = Math.min(r, p + maxValueLength(entry));
    const consumed = validateValue(ai, entry, data.slice(p, r), opts);
    if (typeof consumed !== 'number') {
      return { ok: false, error: { ...consumed, position: base + p + (consumed.position ?? 0) } };
    }
    if (out.length >= MAX_AIS) return { ok: false, error: { code: 'GS1_TOO_MANY_AIS', ai, position: base + aiPos } };
    out.push({ ai, value: data.slice(p, p + consumed), entry, aiPos: base + aiPos, valuePos: base + p });
    p += consumed;
    if (entry.fnc1 && p < n && data.charCodeAt(p) !== 94) {
      return { ok: false, error: { code: 'GS1_AI_DATA_IS_TOO_LONG', ai, position: base + p } };
    }
    if (data.charCodeAt(p) === 94) p++;
  }
  return { ok: true, value: out };
}
