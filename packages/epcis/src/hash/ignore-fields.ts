// Fields a document asks to leave out of event hashes. Not part of CBV 2.0: the reference implementation
// honours a document-level `ignoreFields` list (JSON: compact field names; XML: empty elements naming
// them) so that repository bookkeeping added to events (e.g. a stored hash) does not change the hash.
import { EPCIS_CONTEXT_PREFIXES } from '../context/epcis-context.generated.ts';
import { resolveKey } from '../json/namespaces.ts';
import type { ExtensionElement, Namespaces } from '../model/types.ts';

export interface FieldName {
  readonly ns: string;
  readonly name: string;
}

export function hashIgnoreFields(
  doc: { readonly namespaces: Namespaces; readonly extensions?: readonly ExtensionElement[]; readonly resultsExtensions?: readonly ExtensionElement[] },
): FieldName[] {
  const out: FieldName[] = [];
  const namespaces = { ...EPCIS_CONTEXT_PREFIXES, ...doc.namespaces };
  for (const el of [...(doc.extensions ?? []), ...(doc.resultsExtensions ?? [])]) {
    if (el.name !== 'ignoreFields') continue;
    if (typeof el.value === 'string') {
      const key = resolveKey(el.value, namespaces);
      if (key.ok) out.push({ ns: key.ns, name: key.name });
    }
    for (const child of el.children ?? []) out.push({ ns: child.ns, name: child.name });
  }
  return out;
}
