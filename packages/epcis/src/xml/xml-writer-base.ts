// Small XML text builder for the EPCIS XML binding: escaping (XML 1.0 §2.4, §3.3.3) and namespace prefixes.

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export type Attributes = readonly (readonly [string, string | undefined])[];

export function attributes(list: Attributes): string {
  return list.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeAttribute(v!)}"`).join('');
}

/** Prefixes for extension namespaces in XML output; the EPCIS, XSI and XSD prefixes are reserved. */
export class XmlPrefixes {
  private readonly byIri = new Map<string, string>();
  private readonly used = new Set(['epcis', 'epcisq', 'epcismd', 'xsi', 'xsd', 'xml', 'xmlns']);
  private counter = 0;
  readonly declared: [string, string][] = [];

  prefixFor(iri: string, hint?: string): string {
    const known = this.byIri.get(iri);
    if (known !== undefined) return known;
    let prefix = hint !== undefined && /^[A-Za-z_][\w.-]*$/.test(hint) && !this.used.has(hint) && !/^xml/i.test(hint) ? hint : undefined;
    while (prefix === undefined || this.used.has(prefix)) prefix = `ext${++this.counter}`;
    this.byIri.set(iri, prefix);
    this.used.add(prefix);
    this.declared.push([prefix, iri]);
    return prefix;
  }
}
