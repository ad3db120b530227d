// A safe XML reader for EPCIS documents: saxes (namespace-aware, no DTD processing) into a small element
// tree. Hostile input is refused: a DOCTYPE that declares a DTD (internal subset or external identifier)
// is rejected, so no entity can be defined or expanded; nesting is bounded.
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { issue, type EpcisIssue } from '../errors/issue.ts';

export interface XmlAttribute {
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
  readonly value: string;
}

export interface XmlElement {
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  /** Direct character data (text and CDATA), concatenated. */
  text: string;
  readonly parent?: XmlElement;
  readonly line: number;
  readonly column: number;
  /** Namespace declarations made on this element (prefix → IRI; '' for the default namespace). */
  readonly declarations: Readonly<Record<string, string>>;
  /** Events only: 1-based position among the parent's events of the same name, fixed when read. */
  readonly ordinal?: number;
}

const EVENT_NAMES = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);

/** The `ordinal` of an element about to be appended: counted for events (O(1), also for 10,000 of them). */
const COUNTS = new WeakMap<XmlElement, Map<string, number>>();
export function nextOrdinal(parent: XmlElement | undefined, ns: string, local: string): number | undefined {
  if (!parent || !EVENT_NAMES.has(local)) return undefined;
  let counts = COUNTS.get(parent);
  if (!counts) COUNTS.set(parent, (counts = new Map()));
  const key = `${ns} ${local}`;
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const DEFAULT_MAX_XML_DEPTH = 64;

export interface XmlParseOptions {
  readonly maxDepth?: number;
}

class Abort extends Error {}

const NONE: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_ATTRIBUTES: XmlAttribute[] = Object.freeze([]) as unknown as XmlAttribute[];

/** Parses XML text into its root element, or one issue saying why not. */
export function parseXmlTree(text: string, options: XmlParseOptions = {}): { root?: XmlElement; error?: EpcisIssue } {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_XML_DEPTH;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: EpcisIssue | undefined;
  const position = (): { line: number; column: number } => ({ line: parser.line, column: parser.column + 1 });
  const fail = (e: EpcisIssue): never => {
    error ??= e;
    throw new Abort();
  };
  parser.on('error', (e) => fail(issue('EPCIS_XML_SYNTAX', { position: position(), params: { reason: e.message.replace(/^[^:]*:\d+:\d+: /, '') } })));
  parser.on('doctype', (doctype) => {
    // `<!DOCTYPE name>` alone declares nothing; a subset or an external DTD could declare entities.
    if (/\[|\bSYSTEM\b|\bPUBLIC\b/.test(doctype)) fail(issue('EPCIS_XML_DOCTYPE_FORBIDDEN', { position: position() }));
  });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagNS;
    if (stack.length >= maxDepth) fail(issue('EPCIS_XML_TOO_DEEP', { position: position(), params: { max: maxDepth } }));
    let declarations: Record<string, string> = NONE;
    let attributes: XmlAttribute[] = NO_ATTRIBUTES;
    for (const name in t.attributes) {
      const a = t.attributes[name] as SaxesAttributeNS;
      if (a.prefix === 'xmlns' || a.name === 'xmlns') {
        if (declarations === NONE) declarations = {};
        declarations[a.prefix === 'xmlns' ? a.local : ''] = a.value;
      } else {
        if (attributes === NO_ATTRIBUTES) attributes = [];
        attributes.push({ ns: a.uri, local: a.local, prefix: a.prefix, value: a.value });
      }
    }
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      ns: t.uri, local: t.local, prefix: t.prefix, attributes, children: [], text: '', parent,
      line: parser.line, column: parser.column + 1, declarations, ordinal: nextOrdinal(parent, t.uri, t.local),
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (t: string): void => {
    const top = stack[stack.length - 1];
    // Whitespace between child elements is formatting, not content (EPCIS elements have no mixed content).
    if (top && (top.children.length === 0 || /\S/.test(t))) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (e) {
    if (!(e instanceof Abort)) {
      return { error: issue('EPCIS_XML_SYNTAX', { position: position(), params: { reason: (e as Error).message } }) };
    }
  }
  if (error) return { error };
  if (!root) return { error: issue('EPCIS_XML_SYNTAX', { params: { reason: 'no root element' } }) };
  return { root };
}

/**
 * XPath-like location: names with `[n]` (1-based) where an element has same-named siblings; an event in an
 * event list always carries its position, so paths agree between whole-document and streaming reading.
 */
export function xmlPath(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const name = e.prefix ? `${e.prefix}:${e.local}` : e.local;
    if (e.ordinal !== undefined) {
      parts.push(`${name}[${e.ordinal}]`);
      continue;
    }
    const siblings = e.parent ? e.parent.children.filter((c) => c.local === e!.local && c.ns === e!.ns) : [e];
    parts.push(siblings.length > 1 ? `${name}[${siblings.indexOf(e) + 1}]` : name);
  }
  return '/' + parts.reverse().join('/');
}

/** Every namespace declared anywhere in the document (first declaration of a prefix wins). */
export function collectDeclarations(root: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  const stack = [root];
  while (stack.length) {
    const el = stack.pop()!;
    for (const [prefix, iri] of Object.entries(el.declarations)) if (prefix && !(prefix in out)) out[prefix] = iri;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return out;
}
