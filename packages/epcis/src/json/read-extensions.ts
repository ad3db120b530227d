// JSON-LD user extensions and ILMD (EPCIS 2.0 §10.1.3): a compact key `prefix:local` with a literal, an
// object of further extension keys, or an array of either (repeated elements in the XML binding).
import { issue, joinPointer, type EpcisIssue } from '../errors/issue.ts';
import type { ExtensionElement, ExtensionValue, Namespaces } from '../model/types.ts';
import { resolveKey } from './namespaces.ts';

export interface ReadContext {
  readonly namespaces: Namespaces;
  readonly issues: EpcisIssue[];
  readonly eventIndex?: number;
  /** When set, keys whose prefix is undeclared are reported (keys only; values are literals). */
  readonly checkPrefixes: boolean;
}

function isLiteral(value: unknown): value is ExtensionValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function element(key: string, value: unknown, ctx: ReadContext, pointer: string, depth: number): ExtensionElement[] {
  const resolved = resolveKey(key, ctx.namespaces);
  let base: { ns: string; name: string; prefix?: string };
  if (resolved.ok) {
    base = resolved.prefix === undefined ? { ns: resolved.ns, name: resolved.name } : { ns: resolved.ns, name: resolved.name, prefix: resolved.prefix };
  } else {
    if (ctx.checkPrefixes) {
      ctx.issues.push(
        issue('EPCIS_UNDECLARED_PREFIX', { eventIndex: ctx.eventIndex, pointer, params: { prefix: resolved.prefix, property: key } }),
      );
    }
    base = { ns: '', name: key };
  }
  const items = Array.isArray(value) ? value : [value];
  const out: ExtensionElement[] = [];
  items.forEach((item, i) => {
    const itemPointer = Array.isArray(value) ? joinPointer(pointer, i) : pointer;
    if (isLiteral(item)) {
      out.push({ ...base, value: item });
    } else if (Array.isArray(item)) {
      out.push(...element(key, item, ctx, itemPointer, depth + 1));
    } else if (typeof item === 'object') {
      const record = item as Record<string, unknown>;
      // A JSON-LD value object carries its literal in @value (or a node reference in @id).
      const literal = record['@value'] ?? record['@id'];
      if (isLiteral(literal) && literal !== null) {
        out.push({ ...base, value: literal });
      } else {
        out.push({ ...base, children: readExtensions(record, new Set(), ctx, itemPointer, depth + 1) });
      }
    }
  });
  return out;
}

/** Converts every key of `object` not in `standard` (and not a JSON-LD keyword) into extension elements. */
export function readExtensions(
  object: Readonly<Record<string, unknown>>,
  standard: ReadonlySet<string>,
  ctx: ReadContext,
  pointer: string,
  depth = 0,
): ExtensionElement[] {
  const out: ExtensionElement[] = [];
  if (depth > 64) return out;
  for (const [key, value] of Object.entries(object)) {
    if (standard.has(key) || key.startsWith('@')) continue;
    out.push(...element(key, value, ctx, joinPointer(pointer, key), depth));
  }
  return out;
}
