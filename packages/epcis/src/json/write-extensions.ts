// Model extension elements back to JSON-LD compact keys (EPCIS 2.0 §10.1.3): same-named siblings become an
// array, nested elements an object, XML attributes plain keys of that object.
import type { ExtensionElement } from '../model/types.ts';
import type { PrefixAllocator } from './namespaces.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function extensionKey(el: Pick<ExtensionElement, 'ns' | 'name' | 'prefix'>, prefixes: PrefixAllocator): string {
  if (el.ns === '') return el.name;
  return `${prefixes.prefixFor(el.ns, el.prefix)}:${el.name}`;
}

function elementValue(el: ExtensionElement, prefixes: PrefixAllocator): JsonValue {
  const nested = [...(el.attributes ?? []), ...(el.children ?? [])];
  if (nested.length === 0) return el.value ?? (el.children ? {} : null);
  const obj: { [key: string]: JsonValue } = {};
  writeExtensions(nested, obj, prefixes);
  if (el.value !== undefined && el.value !== null && el.value !== '') obj['@value'] = el.value;
  return obj;
}

/** Adds the extension elements to `target`, grouping repeated names into arrays at the first occurrence. */
export function writeExtensions(elements: readonly ExtensionElement[] | undefined, target: { [key: string]: JsonValue }, prefixes: PrefixAllocator): void {
  if (!elements) return;
  const groups = new Map<string, JsonValue[]>();
  for (const el of elements) {
    const key = extensionKey(el, prefixes);
    const group = groups.get(key);
    const value = elementValue(el, prefixes);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  for (const [key, values] of groups) target[key] = values.length === 1 ? values[0]! : values;
}
