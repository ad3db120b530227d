// "Matches" for MATCH_ parameters (EPCIS 2.0 §8.2.7.1.1): an EPC pattern URI (urn:epc:idpat:…, "*" for
// any field) matches identities and classes whose fields agree; any other value matches the same identity
// whether it was written as an EPC URI or a GS1 Digital Link (compared in canonical form).
import { digitalLinkToEpcUri } from '@txng/gs1';
import { canonicalEpc, identifierForm, readEpcUri } from '../gs1/identifiers.ts';

/** Class schemes and the instance scheme whose pattern selects them (TDS 2.1 §6.4: lgtin ↔ sgtin). */
const CLASS_OF: Readonly<Record<string, string>> = { lgtin: 'sgtin' };

export interface CompiledPattern {
  test(id: string): boolean;
}

interface Fields {
  readonly scheme: string;
  readonly fields: readonly string[];
}

function fieldsOf(id: string, companyPrefixLength: number): Fields | undefined {
  let uri = id;
  if (identifierForm(id) === 'digital-link') {
    const r = digitalLinkToEpcUri(id, { companyPrefixLength, permitZeroSuppressedGtin: true, permitConvenienceAlphas: true });
    if (!r.ok) return undefined;
    uri = r.value;
  }
  const epc = readEpcUri(uri);
  if (!epc) return undefined;
  return { scheme: CLASS_OF[epc.scheme] ?? epc.scheme, fields: epc.fields };
}

export function compilePattern(pattern: string): CompiledPattern {
  const parsed = /^urn:epc:idpat:/i.test(pattern) ? readEpcUri(pattern) : undefined;
  if (!parsed) {
    const canonical = canonicalEpc(pattern);
    return { test: (id) => id === pattern || canonicalEpc(id) === canonical };
  }
  const gcp = parsed.fields[0] ?? '';
  const gcpLength = /^\d+$/.test(gcp) ? gcp.length : 0;
  return {
    test(id: string): boolean {
      const f = fieldsOf(id, gcpLength);
      if (!f || f.scheme !== parsed.scheme) return false;
      // A class (lgtin) has a lot where an instance has a serial: an sgtin pattern selects it by GTIN alone.
      const count = Math.min(parsed.fields.length, f.fields.length);
      for (let i = 0; i < count; i++) {
        const want = parsed.fields[i]!;
        if (want !== '*' && want !== f.fields[i]) return false;
      }
      return parsed.fields.slice(count).every((x) => x === '*');
    },
  };
}

export function matchesAnyPattern(ids: Iterable<string>, patterns: readonly CompiledPattern[]): boolean {
  for (const id of ids) for (const p of patterns) if (p.test(id)) return true;
  return false;
}
