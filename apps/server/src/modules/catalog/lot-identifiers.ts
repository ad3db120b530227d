// GS1 identifiers of a lot: the LGTIN (EPC class URI, TDS 2.1 §6.3.1) and the GS1 Digital Link with AI (01) and
// (10), when the product has a GTIN. A lot without a GTIN is named by a URI of this installation, which EPCIS 2.0
// accepts for any identifier (EPCIS 2.0 §8.2: any URI).
import { buildDigitalLink, elementsToEpcUri } from '@txng/gs1';
import type { LotIdentifiers } from './presenter.ts';

export function lotIdentifiers(gtin: string | null, lotCode: string, companyPrefix: string | null, publicBaseUrl: string, lotId: string): LotIdentifiers {
  const epcClass = lotEpcClass(gtin, lotCode, lotId, publicBaseUrl);
  if (!gtin) return { gtin: null, lgtin: null, digitalLink: null, epcClass };
  const elements = [
    { ai: '01', value: gtin },
    { ai: '10', value: lotCode },
  ];
  const dl = buildDigitalLink(elements, { base: publicBaseUrl });
  // The company prefix length is the organisation's when the GTIN is under its prefix; otherwise deduced where the
  // GTIN's structure allows (an individually assigned GTIN may leave it unknown: then no LGTIN, the Digital Link stays).
  const length = companyPrefix && gtin.slice(1).startsWith(companyPrefix) ? companyPrefix.length : undefined;
  const epc = elementsToEpcUri(elements, length ? { companyPrefixLength: length } : {});
  return { gtin, lgtin: epc.ok ? epc.value : null, digitalLink: dl.ok ? dl.value : null, epcClass };
}

/** The identifier EPCIS events use for a lot: its Digital Link on the canonical stem, else this installation's URI. */
export function lotEpcClass(gtin: string | null, lotCode: string, lotId: string, publicBaseUrl: string): string {
  if (gtin) {
    const dl = buildDigitalLink([{ ai: '01', value: gtin }, { ai: '10', value: lotCode }], { base: 'https://id.gs1.org' });
    if (dl.ok) return dl.value;
  }
  return `${publicBaseUrl}/id/lot/${lotId}`;
}

/** The identifier EPCIS events use for a place (readPoint, bizLocation): its GLN Digital Link (AI 414, 254 for a
 * sub-location), else this installation's URI. */
export function placeEpcisUri(p: { id: string; gln: string | null; glnExtension: string | null }, publicBaseUrl: string): string {
  return p.gln ? `https://id.gs1.org/414/${p.gln}${p.glnExtension ? `/254/${encodeURIComponent(p.glnExtension)}` : ''}` : `${publicBaseUrl}/id/place/${p.id}`;
}
