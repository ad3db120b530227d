import type { AiElement } from '../element-string/parsed-ai.ts';

/**
 * The GCP length of a key when the key's own structure tells it, else undefined. Only GTIN-8 qualifies:
 * GTIN-8s carry a three-digit GS1-8 Prefix (100-139, 300-969; GS1 General Specifications §3.3.2.4), which
 * normalises to the eight-digit company prefix "00000" + prefix in a GTIN-13 frame (GS1 Syntax Tests,
 * gcppos1; GS1 EPC Tag Data Standard 2.1 §7.1.2). Other keys need the caller's knowledge of the
 * allocation (e.g. from the GS1 Company Prefix format list).
 */
export function deduceCompanyPrefixLength(key: AiElement): number | undefined {
  if (key.ai !== '01' && key.ai !== '8006' && key.ai !== '02') return undefined;
  const gtin = key.value.slice(0, 14);
  if (!/^000000\d{8}$/.test(gtin)) return undefined;
  const prefix = Number(gtin.slice(6, 9));
  return (prefix >= 100 && prefix <= 139) || (prefix >= 300 && prefix <= 969) ? 8 : undefined;
}
