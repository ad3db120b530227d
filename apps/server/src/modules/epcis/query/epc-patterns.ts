// SQL LIKE prefixes that every identity matched by an EPC pattern URI starts with (GS1 TDS 2.1 §8 EPC pattern
// URIs, EPCIS 2.0 §8.2.7.1.1 MATCH_): stored identities are canonical (GS1 Digital Link on id.gs1.org for GS1
// keys, the URI as captured otherwise), so a pattern selects a superset through the key's AI and, when it fixes
// it, the GS1 Company Prefix at its position in the key. `matchesQuery` then decides field by field.

/** The Digital Link AI of each EPC scheme, and what precedes the company prefix in the AI value. */
const SCHEMES: Readonly<Record<string, { ai: string; lead: 'none' | 'indicator' | 'extension' | 'zero' }>> = {
  sgtin: { ai: '01', lead: 'indicator' },
  lgtin: { ai: '01', lead: 'indicator' },
  upui: { ai: '01', lead: 'indicator' },
  itip: { ai: '8006', lead: 'indicator' },
  sscc: { ai: '00', lead: 'extension' },
  sgln: { ai: '414', lead: 'none' },
  pgln: { ai: '417', lead: 'none' },
  grai: { ai: '8003', lead: 'zero' },
  giai: { ai: '8004', lead: 'none' },
  gsrn: { ai: '8018', lead: 'none' },
  gsrnp: { ai: '8017', lead: 'none' },
  gdti: { ai: '253', lead: 'none' },
  sgcn: { ai: '255', lead: 'none' },
  ginc: { ai: '401', lead: 'none' },
  gsin: { ai: '402', lead: 'none' },
  cpi: { ai: '8010', lead: 'none' },
};

/** LIKE patterns (any of which an identity matching `pattern` satisfies). */
export function patternPrefixes(pattern: string): string[] {
  // Identities that stayed URIs (no Digital Link equivalent) keep their EPC URN form.
  const out = ['urn:epc:%'];
  const m = /^urn:epc:idpat:([a-z0-9]+):([^:]*)$/i.exec(pattern);
  const scheme = m ? SCHEMES[m[1]!.toLowerCase()] : undefined;
  if (!m || !scheme) {
    out.push('https://id.gs1.org/%');
    return out;
  }
  const fields = m[2]!.split('.');
  const cp = fields[0] ?? '*';
  const base = `https://id.gs1.org/${scheme.ai}/`;
  if (!/^\d+$/.test(cp)) {
    out.push(`${base}%`);
    return out;
  }
  const second = fields[1] ?? '*';
  const lead = scheme.lead === 'none' ? ''
    : scheme.lead === 'zero' ? '0'
      // The indicator digit (GTIN) or extension digit (SSCC) is the first character of the second field.
      : /^\d/.test(second) ? second[0]! : '_';
  out.push(`${base}${lead}${cp}%`);
  return out;
}
