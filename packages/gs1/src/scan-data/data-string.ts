import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { validateAssociations } from '../element-string/associations.ts';
import { parseUnbracketed } from '../element-string/parse-unbracketed.ts';
import type { ParsedAi } from '../element-string/parsed-ai.ts';
import { parseDigitalLinkDetail } from '../digital-link/digital-link.ts';
import { hasHttpScheme } from '../digital-link/dl-structure.ts';
import type { DigitalLinkParseOptions } from '../digital-link/digital-link-types.ts';

/** Longest message the GS1 Syntax Engine accepts (MAX_DATA). */
export const MAX_DATA = 8191;

/** What a data string carries. */
export interface DataStringContent {
  /** AI elements, linear component first; empty for plain (non-GS1) data. */
  readonly elements: readonly ParsedAi[];
  /** Elements of the linear component of a composite ("linear|^cc"), or all elements. */
  readonly linear: readonly ParsedAi[];
  readonly isDigitalLink: boolean;
}

/**
 * Read a message in the engine's data-string form: "^…" AI data (FNC1 as "^"), "linear|^…" for a composite
 * symbol, an HTTP(S) URI read as a Digital Link, or plain data (a leading "^" written "\^").
 */
export function readDataString(data: string, opts?: DigitalLinkParseOptions): Result<DataStringContent, Gs1Error> {
  if (data.length > MAX_DATA) return { ok: false, error: { code: 'GS1_DATA_TOO_LONG', position: MAX_DATA } };
  if (hasHttpScheme(data)) {
    const dl = parseDigitalLinkDetail(data, opts);
    if (!dl.ok) return dl;
    return { ok: true, value: { elements: dl.value.parsed, linear: dl.value.parsed, isDigitalLink: true } };
  }
  const bar = data.indexOf('|');
  let linear: ParsedAi[] = [];
  let cc: ParsedAi[] = [];
  if (bar >= 0) {
    if (data.charCodeAt(0) === 94) {
      const l = parseUnbracketed(data.slice(0, bar), opts);
      if (!l.ok) return l;
      linear = l.value;
    }
    const c = parseUnbracketed(data.slice(bar + 1), opts, bar + 1);
    if (!c.ok) return c;
    cc = c.value;
  } else if (data.charCodeAt(0) === 94) {
    const l = parseUnbracketed(data, opts);
    if (!l.ok) return l;
    linear = l.value;
  }
  const elements = [...linear, ...cc];
  const assoc = validateAssociations(elements, opts);
  if (assoc) return { ok: false, error: assoc };
  return { ok: true, value: { elements, linear, isDigitalLink: false } };
}
