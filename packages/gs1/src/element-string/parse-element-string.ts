import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { validateAssociations } from './associations.ts';
import { parseBracketed } from './parse-bracketed.ts';
import { parseUnbracketed } from './parse-unbracketed.ts';
import { toAiElements, type AiElement, type Gs1ParseOptions, type ParsedAi } from './parsed-ai.ts';

/** Longest message accepted, as the GS1 Syntax Engine (MAX_DATA). */
const MAX_INPUT = 8191;

function parsePart(input: string, opts: Gs1ParseOptions | undefined, base: number): Result<ParsedAi[], Gs1Error> {
  if (input.charCodeAt(0) === 40) return parseBracketed(input, opts, base);
  if (input.charCodeAt(0) === 94) return parseUnbracketed(input, opts, base);
  const code = /^\d/.test(input) ? 'GS1_MISSING_FNC1_IN_FIRST_POSITION' : 'GS1_AI_PARSE_FAILED';
  return { ok: false, error: { code, position: base } };
}

/**
 * Parse a bracketed "(01)…(10)…" or unbracketed "^01…^10…" element string, linting every value and, unless
 * switched off, checking the AI association rules. A "|" separates the linear and 2D parts of a composite.
 */
export function parseElementStringDetail(input: string, opts?: Gs1ParseOptions): Result<ParsedAi[], Gs1Error> {
  if (typeof input !== 'string') return { ok: false, error: { code: 'GS1_AI_PARSE_FAILED', position: 0 } };
  if (input.length > MAX_INPUT) return { ok: false, error: { code: 'GS1_DATA_TOO_LONG', position: MAX_INPUT } };
  const bar = input.indexOf('|');
  const parts = bar < 0 ? [input] : [input.slice(0, bar), input.slice(bar + 1)];
  const elements: ParsedAi[] = [];
  let base = 0;
  for (const part of parts) {
    const r = parsePart(part, opts, base);
    if (!r.ok) return r;
    elements.push(...r.value);
    base += part.length + 1;
  }
  const error = validateAssociations(elements, opts);
  return error ? { ok: false, error } : { ok: true, value: elements };
}

export function parseElementString(input: string, opts?: Gs1ParseOptions): Result<AiElement[], Gs1Error> {
  const r = parseElementStringDetail(input, opts);
  return r.ok ? { ok: true, value: toAiElements(r.value) } : r;
}
