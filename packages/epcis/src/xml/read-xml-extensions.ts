// User extension and ILMD elements in the XML binding (EPCIS 2.0 §9.4 extension mechanism): any element
// outside the EPCIS namespaces, with its attributes and content. xsi:type only types the value (an
// xsd:integer becomes a number, as in JSON) and is not kept: it is schema metadata, not event data.
import type { ExtensionElement, ExtensionValue } from '../model/types.ts';
import { XSI_NS, type XmlAttribute, type XmlElement } from './xml-tree.ts';

const NUMERIC = new Set(['decimal', 'double', 'float', 'integer', 'int', 'long', 'short', 'byte', 'nonNegativeInteger',
  'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte']);
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function typedValue(text: string, xsiType: string | undefined): ExtensionValue {
  const type = xsiType?.slice(xsiType.indexOf(':') + 1);
  if (type !== undefined && NUMERIC.has(type) && DECIMAL_TEXT.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))) return n;
  }
  if (type === 'boolean' && (text === 'true' || text === 'false' || text === '1' || text === '0')) return text === 'true' || text === '1';
  return text;
}

function attribute(a: XmlAttribute): ExtensionElement {
  return a.prefix ? { ns: a.ns, name: a.local, prefix: a.prefix, value: a.value } : { ns: a.ns, name: a.local, value: a.value };
}

/** Attributes of an element other than xsi:* (namespace declarations are not attributes here). */
export function extensionAttributes(attributes: readonly XmlAttribute[], skip: ReadonlySet<string> = new Set()): ExtensionElement[] {
  return attributes.filter((a) => a.ns !== XSI_NS && !(a.ns === '' && skip.has(a.local))).map(attribute);
}

export function readXmlExtension(el: XmlElement): ExtensionElement {
  const base: { ns: string; name: string; prefix?: string } = el.prefix ? { ns: el.ns, name: el.local, prefix: el.prefix } : { ns: el.ns, name: el.local };
  const attributes = extensionAttributes(el.attributes);
  const withAttributes = attributes.length ? { ...base, attributes } : base;
  if (el.children.length) return { ...withAttributes, children: el.children.map(readXmlExtension) };
  const xsiType = el.attributes.find((a) => a.ns === XSI_NS && a.local === 'type')?.value;
  const nil = el.attributes.some((a) => a.ns === XSI_NS && a.local === 'nil' && a.value === 'true');
  return { ...withAttributes, value: nil ? null : typedValue(el.text.trim(), xsiType) };
}
