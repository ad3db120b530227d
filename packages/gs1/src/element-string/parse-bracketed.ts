import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { lookupAi } from '../dictionary/ai-lookup.ts';
import { MAX_AIS, type Gs1ParseOptions, type ParsedAi } from './parsed-ai.ts';
import { checkValueLength, validateValue } from './validate-value.ts';

// Bracketed AI element strings, "(01)09520123456788(10)ABC" (GS1 General Specifications §4.15, human readable
// interpretation). A "(" inside a value is written "\(" (GS1 Syntax Engine convention).

function err(code: string, position: number, ai?: string): { ok: false; error: Gs1Error } {
  return { ok: false, error: ai === undefined ? { code, position } : { code, position, ai } };
}

/** Split and length-check; no linting yet. Positions are offsets in `input` plus `base`. */
function split(input: string, opts: Gs1ParseOptions | undefined, base: number): Result<ParsedAi[], Gs1Error> {
  const out: ParsedAi[] = [];
  let p = 0;
  const n = input.length;
  if (n === 0) return err('GS1_AI_PARSE_FAILED', base);
  while (p < n) {
    if (input.charCodeAt(p) !== 40) return err('GS1_AI_PARSE_FAILED', base + p);
    const close = input.indexOf(')', p + 1);
    if (close < 0) return err('GS1_AI_PARSE_FAILED', base + p);
    const ai = input.slice(p + 1, close);
    const entry = lookupAi(ai, opts?.permitUnknownAis === true);
    if (!entry) return err('GS1_AI_UNRECOGNISED', base + p + 1, ai);
    const valueStart = close + 1;
    if (valueStart >= n) return err('GS1_AI_PARSE_FAILED', base + valueStart, ai);
    let value = '';
    let from = valueStart;
    let next = input.indexOf('(', from);
    while (next > 0 && input.charCodeAt(next - 1) === 92) {
      value += input.slice(from, next - 1) + '(';
      from = next + 1;
      next = input.indexOf('(', from);
    }
    const end = next < 0 ? n : next;
    value += input.slice(from, end);
    const lengthError = checkValueLength(ai, entry, value, base + p);
    if (lengthError) return { ok: false, error: lengthError };
    if (out.length >= MAX_AIS) return err('GS1_TOO_MANY_AIS', base + p, ai);
    out.push({ ai, value, entry, aiPos: base + p + 1, valuePos: base + valueStart });
    p = end;
  }
  return { ok: true, value: out };
}

/** Offset in the bracketed input of character `k` of a value, allowing for "\(" escapes before it. */
function inputOffset(input: string, valuePos: number, k: number, base: number): number {
  let at = valuePos - base;
  for (let i = 0; i < k && at < input.length; i++) at += input.charCodeAt(at) === 92 && input.charCodeAt(at + 1) === 40 ? 2 : 1;
  return base + at;
}

/** Lint one element's value against its components; the whole value must be consumed. */
export function lintElement(e: ParsedAi, opts: Gs1ParseOptions | undefined): Gs1Error | null {
  // An unknown AI of unknown length is re-read with its AI digits as data, as the engine does.
  const data = e.entry.aiLength === 0 && e.entry.unknown ? e.ai + e.value : e.value;
  const shift = data.length - e.value.length;
  const consumed = validateValue(e.ai, e.entry, data, opts);
  if (typeof consumed !== 'number') return { ...consumed, position: (consumed.position ?? 0) - shift };
  if (consumed < data.length) return { code: 'GS1_AI_DATA_IS_TOO_LONG', ai: e.ai, position: consumed - shift };
  return null;
}

/**
 * Read a bracketed element string into elements, each linted. Positions in errors are offsets in `input`
 * (plus `base` when the input is part of a larger one). Association rules are not checked here.
 */
export function parseBracketed(input: string, opts?: Gs1ParseOptions, base = 0): Result<ParsedAi[], Gs1Error> {
  const split_ = split(input, opts, base);
  if (!split_.ok) return split_;
  for (const e of split_.value) {
    const error = lintElement(e, opts);
    if (error) return { ok: false, error: { ...error, position: inputOffset(input, e.valuePos, error.position ?? 0, base) } };
  }
  return split_;
}
