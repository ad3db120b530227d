import type { Gs1Error } from '../errors.ts';
import type { ResolvedEntry } from '../dictionary/ai-entry-resolved.ts';
import type { LintContext } from '../linters/lint-types.ts';
import type { Linter } from '../linters/lint-types.ts';
import { CSET_LINTERS, LINTERS } from '../linters/linter-registry.ts';

/** Per entry, each component's linters as functions: the character-set linter first (resolved once). */
const COMPONENT_LINTERS = new WeakMap<ResolvedEntry, Linter[][]>();

function componentLinters(entry: ResolvedEntry): Linter[][] {
  let linters = COMPONENT_LINTERS.get(entry);
  if (!linters) {
    linters = entry.components.map((c) => [CSET_LINTERS[c.cset], ...c.linters.flatMap((name) => LINTERS[name] ?? [])]);
    COMPONENT_LINTERS.set(entry, linters);
  }
  return linters;
}

/** Sum of the mandatory components' minimum lengths. */
export function minValueLength(entry: ResolvedEntry): number {
  return entry.minLength;
}

/** Sum of all components' maximum lengths: the predefined length of a fixed-length AI. */
export function maxValueLength(entry: ResolvedEntry): number {
  return entry.maxLength;
}

/**
 * Parse-time check of a value before its components are linted (GS1 Syntax Engine: length first, since a
 * check-digit report is unhelpful for a value of the wrong length; "^" is reserved for FNC1).
 */
export function checkValueLength(ai: string, entry: ResolvedEntry, value: string, aiPos: number): Gs1Error | null {
  if (value.length < entry.minLength) return { code: 'GS1_AI_VALUE_IS_TOO_SHORT', ai, position: aiPos };
  if (value.length > entry.maxLength) return { code: 'GS1_AI_VALUE_IS_TOO_LONG', ai, position: aiPos };
  if (value.indexOf('^') >= 0) return { code: 'GS1_AI_CONTAINS_ILLEGAL_CARAT_CHARACTER', ai, position: aiPos };
  return null;
}

/**
 * Apply the AI's components to `data` (the data available to this AI: up to the next FNC1 or its predefined
 * length), consuming each component's prefix and running its character-set linter then its linters
 * (Syntax Dictionary header: "Each component of the format specification is applied to the given data").
 * Returns the length consumed, or the error with `position` relative to `data`.
 */
export function validateValue(ai: string, entry: ResolvedEntry, data: string, ctx?: LintContext): number | Gs1Error {
  if (data.length === 0) return { code: 'GS1_AI_DATA_IS_EMPTY', ai, position: 0 };
  let p = 0;
  const linters = componentLinters(entry);
  for (let k = 0; k < entry.components.length; k++) {
    const part = entry.components[k];
    const checks = linters[k];
    if (!part || !checks) continue;
    const complen = Math.min(data.length - p, part.max);
    if (part.optional && complen === 0) continue;
    if (complen < part.min) return { code: 'GS1_AI_DATA_HAS_INCORRECT_LENGTH', ai, position: p };
    const component = complen === data.length ? data : data.slice(p, p + complen);
    let error = null;
    for (let i = 0; error === null && i < checks.length; i++) error = checks[i]?.(component, ctx) ?? null;
    if (error) {
      const at = p + error.position;
      const markup = `(${ai})${data.slice(0, at)}|${data.slice(at, at + error.length)}|${data.slice(at + error.length, p + complen)}`;
      return { code: error.code, ai, position: at, length: error.length, markup };
    }
    p += complen;
  }
  return p;
}
