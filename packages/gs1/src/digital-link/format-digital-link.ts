import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { resolveElements, writeDigitalLink } from './build-digital-link.ts';
import { parseDigitalLink } from './digital-link.ts';
import { CANONICAL_DL_STEM, type DigitalLink, type DigitalLinkBuildOptions, type DigitalLinkParseOptions } from './digital-link-types.ts';

export { buildDigitalLink } from './build-digital-link.ts';

/**
 * Write a parsed Digital Link again, keeping its path (key and qualifiers in their order), on another stem.
 * Non-AI query parameters other than linkType are dropped; linkType is kept.
 */
export function formatDigitalLink(link: DigitalLink, opts?: DigitalLinkBuildOptions): Result<string, Gs1Error> {
  const path = resolveElements([link.primaryKey, ...link.qualifiers], opts);
  if (!path.ok) return path;
  const attributes = resolveElements(link.attributes, opts);
  if (!attributes.ok) return attributes;
  const written = writeDigitalLink(path.value, attributes.value, opts);
  if (!written.ok || link.linkType === undefined) return written;
  const sep = written.value.includes('?') ? '&' : '?';
  return { ok: true, value: `${written.value}${sep}linkType=${encodeURIComponent(link.linkType)}` };
}

/**
 * The canonical form of a Digital Link (GS1 Digital Link URI Syntax 1.4, "canonical GS1 Digital Link URI"):
 * https://id.gs1.org, a
 * GTIN as GTIN-14, the key's qualifiers in path order and AI attributes in the query; other parameters
 * dropped. Zero-suppressed GTINs are accepted on input.
 */
export function canonicalDigitalLink(uri: string, opts?: DigitalLinkParseOptions): Result<string, Gs1Error> {
  const parsed = parseDigitalLink(uri, { permitZeroSuppressedGtin: true, ...opts });
  if (!parsed.ok) return parsed;
  const { linkType: _drop, ...link } = parsed.value;
  return formatDigitalLink({ ...link, otherParams: [] }, { ...opts, base: CANONICAL_DL_STEM });
}
