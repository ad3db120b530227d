import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { validateAssociations } from '../element-string/associations.ts';
import { lintElement } from '../element-string/parse-bracketed.ts';
import { toAiElements, type ParsedAi } from '../element-string/parsed-ai.ts';
import { readDigitalLink, type DlAi } from './parse-digital-link.ts';
import { validateDigitalLinkStructure } from './validate-digital-link.ts';
import { encodedOffset } from './uri-escape.ts';
import type { DigitalLink, DigitalLinkParseOptions } from './digital-link-types.ts';

/** Lint every element; an error inside an escaped value points at the escaped character in the URI. */
function lintAll(elements: readonly DlAi[], opts?: DigitalLinkParseOptions): Gs1Error | null {
  for (const e of elements) {
    const error = lintElement(e, opts);
    if (!error) continue;
    const k = Math.max(0, (error.position ?? 0) - e.padded);
    return { ...error, position: e.valuePos + encodedOffset(e.raw, k) };
  }
  return null;
}

export interface DigitalLinkDetail {
  readonly link: DigitalLink;
  /** Elements with their dictionary entries and positions in the URI, path first. */
  readonly parsed: readonly ParsedAi[];
}

/**
 * Parse and validate a GS1 Digital Link URI: structure, key-qualifier path, data attributes, every AI value
 * against the Syntax Dictionary, and (unless switched off) the AI association rules.
 */
export function parseDigitalLinkDetail(uri: string, opts?: DigitalLinkParseOptions): Result<DigitalLinkDetail, Gs1Error> {
  if (typeof uri !== 'string') return { ok: false, error: { code: 'GS1_URI_CONTAINS_ILLEGAL_CHARACTERS', position: 0 } };
  const read = readDigitalLink(uri, opts);
  if (!read.ok) return read;
  const { path, attributes } = read.value;
  const structural = validateDigitalLinkStructure(read.value, opts?.permitUnknownAiAttributes === true);
  if (structural) return { ok: false, error: structural };
  const parsed = attributes.length === 0 ? path : path.concat(attributes);
  const error = lintAll(parsed, opts) ?? validateAssociations(parsed, opts);
  if (error) return { ok: false, error };
  const elements = toAiElements(parsed);
  const key = elements[0];
  if (!key) return { ok: false, error: { code: 'GS1_NO_GS1_DL_KEYS_FOUND_IN_PATH_INFO', position: 0 } };
  const link: { -readonly [K in keyof DigitalLink]: DigitalLink[K] } = {
    uri,
    stem: uri.slice(0, read.value.stemEnd),
    primaryKey: key,
    qualifiers: elements.slice(1, path.length),
    attributes: elements.slice(path.length),
    otherParams: read.value.otherParams,
    elements,
  };
  for (const p of read.value.otherParams) if (p.name === 'linkType' && link.linkType === undefined && p.value !== undefined) link.linkType = p.value;
  if (read.value.fragment !== undefined) link.fragment = read.value.fragment;
  return { ok: true, value: { link, parsed } };
}

export function parseDigitalLink(uri: string, opts?: DigitalLinkParseOptions): Result<DigitalLink, Gs1Error> {
  const r = parseDigitalLinkDetail(uri, opts);
  return r.ok ? { ok: true, value: r.value.link } : r;
}
