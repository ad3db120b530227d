// Maps a JSON pointer inside an event's JSON rendering back to the XML element or attribute it came from,
// so that problems found on XML input name an XML path (and line) instead of a JSON pointer.
import { LIST_ITEMS, coreChildren, flatChildren, isCore } from './xml-names.ts';
import { xmlPath, type XmlElement } from './xml-tree.ts';

/** Fields written as XML attributes (sensor data; type of business transactions, sources, destinations). */
const ATTRIBUTE_PARENTS = new Set(['sensorMetadata', 'sensorReport', 'bizTransaction', 'source', 'destination']);
/** JSON arrays written as repeated elements. */
const REPEATED = new Set(['sensorReport', 'certificationInfo', 'set', 'unset']);

function byLocalName(el: XmlElement, key: string): XmlElement | undefined {
  const local = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
  return flatChildren(el).find((c) => c.local === local && (key.includes(':') ? !isCore(c) : true));
}

export interface XmlLocation {
  readonly xmlPath: string;
  readonly position?: { readonly line: number; readonly column: number };
}

/** Locates `tokens` (JSON pointer tokens relative to the event) under the event element. */
export function locateInEvent(event: XmlElement, tokens: readonly string[]): XmlLocation {
  let el = event;
  let i = 0;
  while (i < tokens.length) {
    const key = tokens[i]!;
    const next = tokens[i + 1];
    if (key === el.local && ATTRIBUTE_PARENTS.has(key)) {
      i += 1;
      continue;
    }
    if (ATTRIBUTE_PARENTS.has(el.local) && isCore(el) && key !== 'sensorMetadata' && key !== 'sensorReport') {
      const suffix = tokens.slice(i + 1).map((t) => `/${t}`).join('');
      return { xmlPath: `${xmlPath(el)}/@${key}${suffix}`, position: { line: el.line, column: el.column } };
    }
    const item = LIST_ITEMS[key];
    if (item !== undefined && next !== undefined && /^\d+$/.test(next)) {
      const list = byLocalName(el, key);
      const target = list ? coreChildren(list, item)[Number(next)] : undefined;
      if (!target) break;
      el = target;
      i += 2;
      continue;
    }
    if (REPEATED.has(key) && next !== undefined && /^\d+$/.test(next)) {
      const target = flatChildren(el).filter((c) => c.local === key)[Number(next)];
      if (!target) break;
      el = target;
      i += 2;
      continue;
    }
    const child = byLocalName(el, key);
    if (!child) break;
    el = child;
    i += 1;
  }
  const rest = tokens.slice(i).map((t) => `/${t}`).join('');
  return { xmlPath: xmlPath(el) + rest, position: { line: el.line, column: el.column } };
}

/** Pointer tokens (RFC 6901) after a base pointer, or undefined when the pointer is outside it. */
export function tokensUnder(pointer: string, base: string): string[] | undefined {
  if (pointer !== base && !pointer.startsWith(base + '/')) return undefined;
  return pointer.slice(base.length).split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
