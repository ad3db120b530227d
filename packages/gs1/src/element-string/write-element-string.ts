import { lookupAi } from '../dictionary/ai-lookup.ts';
import type { AiElement } from './parsed-ai.ts';

/** "(01)09520123456788(10)ABC"; a "(" in a value is escaped as "\(" so the string reads back unchanged. */
export function toBracketed(elements: readonly AiElement[]): string {
  let out = '';
  for (const e of elements) out += `(${e.ai})${e.value.replaceAll('(', '\\(')}`;
  return out;
}

/** Human readable interpretation lines, "(01) 09520123456788" (GS1 General Specifications §4.15). */
export function toHri(elements: readonly AiElement[]): string[] {
  return elements.map((e) => `(${e.ai}) ${e.value}`);
}

/**
 * "^0109520123456788^10ABC": FNC1 first, then an FNC1 only after values of AIs that are not of predefined
 * length and are followed by another element (GS1 General Specifications §7.8.5). Unknown AIs are treated
 * as needing a separator.
 */
export function toUnbracketed(elements: readonly AiElement[]): string {
  let out = '^';
  elements.forEach((e, i) => {
    out += e.ai + e.value;
    const needsFnc1 = lookupAi(e.ai, true)?.fnc1 ?? true;
    if (needsFnc1 && i < elements.length - 1) out += '^';
  });
  return out;
}
