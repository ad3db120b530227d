import type { Gs1Error } from '../errors.ts';
import { canQualify, isValidPathSequence } from './key-qualifiers.ts';
import type { DlRead } from './parse-digital-link.ts';

// Structural rules of GS1 Digital Link URI Syntax 1.4 §4.4-§4.6 and §6: the path is a valid key-qualifier
// sequence; no AI appears twice; a query attribute must be a permitted data attribute ("?" flag in the Syntax
// Dictionary) and must not be one that belongs in the path as a qualifier of the key.

/** Whether inserting `ai` after the key, at any position, makes a valid key-qualifier sequence. */
function fitsInPath(pathAis: readonly string[], ai: string): boolean {
  for (let j = 1; j <= pathAis.length; j++) {
    if (isValidPathSequence([...pathAis.slice(0, j), ai, ...pathAis.slice(j)])) return true;
  }
  return false;
}

export function validateDigitalLinkStructure(read: DlRead, permitUnknownAttributes: boolean): Gs1Error | null {
  const { path, attributes } = read;
  const pathAis = path.map((e) => e.entry.ai || e.ai);
  if (!isValidPathSequence(pathAis)) {
    return { code: 'GS1_INVALID_KEY_QUALIFIER_SEQUENCE', position: path[0]?.aiPos ?? read.stemEnd };
  }
  // Like the GS1 Syntax Engine, report the fault of the lowest AI first: duplicates, then attribute faults.
  const all = attributes.length === 0 ? path : path.concat(attributes);
  let first: Gs1Error | null = null;
  for (let i = 1; i < all.length; i++) {
    const b = all[i];
    for (let j = 0; b && j < i; j++) {
      if (all[j]?.ai === b.ai && (!first || b.ai < (first.ai ?? ''))) first = { code: 'GS1_DUPLICATE_AI', ai: b.ai, position: b.aiPos };
    }
  }
  if (first) return first;
  const key = pathAis[0] ?? '';
  for (const attr of attributes) {
    if (first && attr.ai >= (first.ai ?? '')) continue;
    const permitted = attr.entry.unknown ? permitUnknownAttributes : attr.entry.dlDataAttribute;
    if (!permitted) first = { code: 'GS1_AI_IS_NOT_VALID_DATA_ATTRIBUTE', ai: attr.ai, position: attr.aiPos };
    else if (canQualify(key, attr.ai) && fitsInPath(pathAis, attr.ai)) first = { code: 'GS1_AI_SHOULD_BE_IN_PATH_INFO', ai: attr.ai, position: attr.aiPos };
  }
  return first;
}
