// Identifiers in EPCIS events, read for people (pure). Events are asked with GS1-EPC-Format:
// Always_GS1_Digital_Link, so GS1 keys arrive as Digital Links (GS1 Digital Link 1.2 §4: /01/{gtin}/10/{lot},
// /01/{gtin}/21/{serial}, /00/{sscc}, /414/{gln}/254/{ext}, /417/{gln}); EPC URNs are read too, for documents
// shown as captured. TXNG's own URIs (…/id/lot/{id}, …/id/place/{id}, …/id/organization/{id}, …/id/party/{name})
// name records without GS1 keys (apps/server/src/modules/catalog/lot-identifiers.ts, diary-service.ts).

export type Identifier =
  | { readonly kind: 'lot'; readonly gtin: string; readonly lot: string }
  | { readonly kind: 'item'; readonly gtin: string; readonly serial: string }
  | { readonly kind: 'product'; readonly gtin: string }
  | { readonly kind: 'sscc'; readonly sscc: string }
  | { readonly kind: 'location'; readonly gln: string; readonly extension: string | null }
  | { readonly kind: 'party'; readonly gln: string }
  | { readonly kind: 'txng-lot'; readonly id: string }
  | { readonly kind: 'txng-place'; readonly id: string }
  | { readonly kind: 'txng-organization'; readonly id: string }
  | { readonly kind: 'txng-party'; readonly name: string }
  | { readonly kind: 'other'; readonly value: string };

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** A GTIN as 14 digits (the form Digital Links and the catalog's keys are compared in). */
export const gtin14 = (gtin: string): string => gtin.padStart(14, '0');

function fromDigitalLink(url: URL): Identifier | undefined {
  const parts = url.pathname.split('/').filter(Boolean).map(decode);
  const [ai, key, q, qv] = parts;
  if (ai === '01' && key && /^\d{8,14}$/.test(key)) {
    if (q === '10' && qv !== undefined) return { kind: 'lot', gtin: gtin14(key), lot: qv };
    if (q === '21' && qv !== undefined) return { kind: 'item', gtin: gtin14(key), serial: qv };
    if (q === undefined) return { kind: 'product', gtin: gtin14(key) };
  }
  if (ai === '00' && key && /^\d{18}$/.test(key)) return { kind: 'sscc', sscc: key };
  if (ai === '414' && key && /^\d{13}$/.test(key)) return { kind: 'location', gln: key, extension: q === '254' && qv !== undefined ? qv : null };
  if (ai === '417' && key && /^\d{13}$/.test(key)) return { kind: 'party', gln: key };
  return undefined;
}

/** GS1 check digit (GS1 General Specifications §7.9.1). */
export function checkDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

function fromEpcUrn(urn: string): Identifier | undefined {
  // GS1 TDS 2.1 §6.3: urn:epc:id:sgtin:CP.IR.serial, urn:epc:class:lgtin:CP.IR.lot, sgln:CP.LR.ext, pgln:CP.PR.
  const m = /^urn:epc:(id|class):([a-z]+):(\d*)\.(\d*)(?:\.(.*))?$/i.exec(urn);
  if (!m) return undefined;
  const [, , scheme, cp = '', ref = '', rest] = m;
  const s = scheme!.toLowerCase();
  if (s === 'sgtin' || s === 'lgtin') {
    const body = `${ref.slice(0, 1)}${cp}${ref.slice(1)}`;
    const gtin = `${body}${checkDigit(body)}`;
    if (s === 'lgtin') return { kind: 'lot', gtin, lot: decode(rest ?? '') };
    return { kind: 'item', gtin, serial: decode(rest ?? '') };
  }
  if (s === 'sgln' || s === 'pgln') {
    const body = `${cp}${ref}`;
    const gln = `${body}${checkDigit(body)}`;
    if (s === 'pgln') return { kind: 'party', gln };
    return { kind: 'location', gln, extension: rest && rest !== '0' ? decode(rest) : null };
  }
  if (s === 'sscc') {
    const body = `${ref.slice(0, 1)}${cp}${ref.slice(1)}`;
    return { kind: 'sscc', sscc: `${body}${checkDigit(body)}` };
  }
  return undefined;
}

export function readIdentifier(value: string): Identifier {
  if (/^urn:epc:/i.test(value)) return fromEpcUrn(value) ?? { kind: 'other', value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'other', value };
  }
  const txng = /\/id\/(lot|place|organization|party)\/([^/]+)$/.exec(url.pathname);
  if (txng) {
    const id = decode(txng[2]!);
    if (txng[1] === 'lot') return { kind: 'txng-lot', id };
    if (txng[1] === 'place') return { kind: 'txng-place', id };
    if (txng[1] === 'organization') return { kind: 'txng-organization', id };
    return { kind: 'txng-party', name: id.replace(/-/g, ' ') };
  }
  return fromDigitalLink(url) ?? { kind: 'other', value };
}

/** The Digital Link of a lot (GS1 Digital Link 1.2 §4.1, canonical stem): what MATCH_anyEPCClass compares. */
export function lotClassUri(gtin: string, lotCode: string): string {
  return `https://id.gs1.org/01/${gtin14(gtin)}/10/${encodeURIComponent(lotCode)}`;
}

/** The Digital Link of a place (AI 414, with 254 for a sub-location), as the farm diary writes it. */
export function placeUri(gln: string, extension: string | null): string {
  return `https://id.gs1.org/414/${gln}${extension ? `/254/${encodeURIComponent(extension)}` : ''}`;
}

/**
 * An EPC pattern (EPCIS 2.0 §8.2.7.1.1, TDS 2.1 §8) selecting every item or lot of one GTIN. The split between
 * company prefix and item reference is unknown for a GTIN outside the organisation's prefix; the server reads
 * each stored identity with the pattern's own split, so any split from 6 to 12 digits selects the same GTIN.
 */
export function productPattern(gtin: string, companyPrefixLength = 7): string {
  const g = gtin14(gtin);
  const length = Math.min(12, Math.max(6, companyPrefixLength));
  return `urn:epc:idpat:sgtin:${g.slice(1, 1 + length)}.${g[0]}${g.slice(1 + length, 13)}.*`;
}
