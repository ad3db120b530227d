// Convenience alphas of GS1 Digital Link 1.0 (e.g. /gtin/ for /01/), deprecated since GS1 Digital Link
// URI Syntax 1.1 §4.5 and accepted only when the caller asks (as the GS1 Syntax Engine does).
const ALPHA_TO_AI: Readonly<Record<string, string>> = {
  cpid: '8010', cpsn: '8011', cpv: '22', gcn: '255', gdti: '253', giai: '8004', ginc: '401', gln: '414',
  glnx: '254', gmn: '8013', grai: '8003', gsin: '402', gsrn: '8018', gsrnp: '8017', gtin: '01', itip: '8006',
  lot: '10', party: '417', refno: '8020', ser: '21', srin: '8019', sscc: '00',
};

export function aiForConvenienceAlpha(segment: string): string | undefined {
  return Object.hasOwn(ALPHA_TO_AI, segment) ? ALPHA_TO_AI[segment] : undefined;
}
