import type { Gs1Error } from '../errors.ts';
import type { ParsedAi, Gs1ParseOptions } from './parsed-ai.ts';
import { minValueLength } from './validate-value.ts';

// AI association rules over a whole message (Syntax Dictionary attributes "ex=" and "req=", GS1 General
// Specifications §4.13 "Invalid pairs of element strings" and "Mandatory associations of element strings"),
// plus the GS1 Syntax Engine's repeated-AI and (8030) digital-signature checks.

/**
 * Whether an AI matching `pattern` is present: a pattern is leading digits then "n" wildcards ("31nn"),
 * matching AIs of the same length. An AI equal to `ignoreAi` never matches, so a rule never fires on itself.
 */
export function findInAiData(elements: readonly { ai: string }[], pattern: string, ignoreAi?: string): string | undefined {
  const parsed = parsePattern(pattern);
  if (!parsed) return undefined;
  const { prefix, length } = parsed;
  let match: string | undefined;
  for (const e of elements) {
    if (e.ai.length !== length || !e.ai.startsWith(prefix) || e.ai === ignoreAi) continue;
    if (match === undefined || e.ai < match) match = e.ai;
  }
  return match;
}

interface AiPattern {
  readonly prefix: string;
  readonly length: number;
}

const PATTERNS = new Map<string, AiPattern | null>();

/** "31nn" → prefix "31", length 4; null when the wildcards are not all at the end or there is no digit. */
function parsePattern(pattern: string): AiPattern | null {
  let parsed = PATTERNS.get(pattern);
  if (parsed !== undefined) return parsed;
  let digits = 0;
  while (digits < pattern.length && pattern.charCodeAt(digits) >= 48 && pattern.charCodeAt(digits) <= 57) digits++;
  let valid = digits >= 1;
  for (let i = digits; i < pattern.length; i++) if (pattern[i] !== 'n') valid = false;
  parsed = valid ? { prefix: pattern.slice(0, digits), length: pattern.length } : null;
  if (PATTERNS.size < 10_000) PATTERNS.set(pattern, parsed); // Dictionary patterns are few; callers' may not be.
  return parsed;
}

/** Elements in AI order, the order in which the engine reports the first broken rule (insertion sort: few AIs). */
function sortedByAi(elements: readonly ParsedAi[]): ParsedAi[] {
  const out = elements.slice();
  for (let i = 1; i < out.length; i++) {
    const e = out[i];
    if (!e) continue;
    let j = i - 1;
    while (j >= 0 && (out[j]?.ai ?? '') > e.ai) {
      out[j + 1] = out[j] as ParsedAi;
      j--;
    }
    out[j + 1] = e;
  }
  return out;
}

export function validateMutex(elements: readonly ParsedAi[], sorted = sortedByAi(elements)): Gs1Error | null {
  for (const e of sorted) {
    if (e.entry.ex.length === 0) continue;
    for (const pattern of e.entry.ex) {
      const other = findInAiData(elements, pattern, e.ai);
      if (other !== undefined) return { code: 'GS1_INVALID_AI_PAIRS', ai: e.ai, position: e.aiPos, params: { other } };
    }
  }
  return null;
}

export function validateRequisites(elements: readonly ParsedAi[], sorted = sortedByAi(elements)): Gs1Error | null {
  for (const e of sorted) {
    if (e.entry.req.length === 0) continue;
    for (const rule of e.entry.req) {
      const satisfied = rule.some((group) => group.every((pattern) => findInAiData(elements, pattern, e.ai) !== undefined));
      if (!satisfied) {
        const required = rule.map((group) => group.join('+')).join(',');
        return { code: 'GS1_REQUIRED_AIS_NOT_SATISFIED', ai: e.ai, position: e.aiPos, params: { required } };
      }
    }
  }
  return null;
}

/** Repeated AIs (e.g. from several carriers on one label) must carry the same value. */
export function validateRepeats(elements: readonly ParsedAi[]): Gs1Error | null {
  for (let i = 1; i < elements.length; i++) {
    const e = elements[i];
    if (!e) continue;
    for (let j = 0; j < i; j++) {
      const earlier = elements[j];
      if (earlier && earlier.ai === e.ai && earlier.value !== e.value) {
        return { code: 'GS1_INSTANCES_OF_AI_HAVE_DIFFERENT_VALUES', ai: e.ai, position: e.aiPos };
      }
    }
  }
  return null;
}

/** With a digital signature (8030), GDTI (253), GCN (255) and GRAI (8003) must carry their serial component. */
export function validateDigSigSerial(elements: readonly ParsedAi[]): Gs1Error | null {
  if (!elements.some((e) => e.ai === '8030')) return null; // Digital signature absent: nothing to check.
  for (const ai of ['253', '255', '8003']) {
    const e = elements.find((x) => x.ai === ai);
    if (e && e.value.length === minValueLength(e.entry)) return { code: 'GS1_SERIAL_NOT_PRESENT', ai, position: e.aiPos };
  }
  return null;
}

/** All association rules in the engine's order: mutex, requisites (optional), repeats, digital signature. */
export function validateAssociations(elements: readonly ParsedAi[], opts?: Gs1ParseOptions): Gs1Error | null {
  if (opts?.validateAssociations === false) return null;
  const sorted = sortedByAi(elements);
  return (
    validateMutex(elements, sorted) ??
    (opts?.validateRequisites === false ? null : validateRequisites(elements, sorted)) ??
    validateRepeats(elements) ??
    validateDigSigSerial(elements)
  );
}
