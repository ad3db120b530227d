import type { Gs1Error } from '../errors.ts';
import { canQualify, isValidPathSequence } from './key-qualifiers.ts';
import type { DlRead } from './parse-digital-link.ts';

// Structural rules of GS1 Digital Link URI Syntax 1.4 §4.4-§4.6 and §6: the path is a valid key-qualifier
// sequence; no AI appears twice; a query attribute must be a permitted data attribute ("?" flag in the Syntax
// Dictionary) and must not be one that belongs in the path as a qualifier of the key.

export function validateDigitalLinkStructure(read: DlRead, permitUnknownAttributes: boolean): Gs1Error | null {
  const pathAis = read.path.map((e) => e.entry.ai || e.ai);
  if (!isValidPathSequence(pathAis)) {
    return { code: 'GS1_INVALID_KEY_QUALIFIER_SEQUENCE', position: read.path[0]?.aiPos ?? read.stemEnd };
  }
  const all = read.attributes.length === 0 ? read.path : [...read.path, ...read.attributes];
  const sorted = all.length < 2 ? all : [...all].sort((a, b) => (a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : a.aiPos - b.aiPos));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a && b && a.ai === b.ai) return { code: 'GS1_DUPLICATE_AI', ai: b.ai, position: b.aiPos };
  }
  const key = pathAis[0] ?? '';
  for (const attr of sorted) {
    if (!attr.query) continue;
    const permitted = attr.entry.unknown ? permitUnknownAttributes : attr.entry.dlDataAttribute;
    if (!permitted) return { code: 'GS1_AI_IS_NOT_VALID_DATA_ATTRIBUTE', ai: attr.ai, position: attr.aiPos };
    if (!canQualify(key, attr.ai)) continue; // Only a qualifier of the key could belong in the path.
    for (let j = 1; j <= pathAis.length; j++) {
      const trial = [...pathAis.slice(0, j), attr.ai, ...pathAis.slice(j)];
      if (isValidPathSequence(trial)) return { code: 'GS1_AI_SHOULD_BE_IN_PATH_INFO', ai: attr.ai, position: attr.aiPos };
    }
  }
  return null;
}
