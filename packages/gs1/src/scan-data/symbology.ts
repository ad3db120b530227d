/** Barcode symbologies the GS1 Syntax Engine distinguishes for scan data. */
export type Symbology =
  | 'NONE' | 'DataBarOmni' | 'DataBarTruncated' | 'DataBarStacked' | 'DataBarStackedOmni' | 'DataBarLimited'
  | 'DataBarExpanded' | 'UPCA' | 'UPCE' | 'EAN13' | 'EAN8' | 'GS1_128_CCA' | 'GS1_128_CCC' | 'QR' | 'DM' | 'DotCode';

export const SYMBOLOGIES: readonly Symbology[] = [
  'NONE', 'DataBarOmni', 'DataBarTruncated', 'DataBarStacked', 'DataBarStackedOmni', 'DataBarLimited',
  'DataBarExpanded', 'UPCA', 'UPCE', 'EAN13', 'EAN8', 'GS1_128_CCA', 'GS1_128_CCC', 'QR', 'DM', 'DotCode',
];

interface SymbologyIdEntry {
  readonly id: string;
  readonly gs1: boolean;
  readonly symbology: Symbology;
}

// Symbology identifiers (ISO/IEC 15424; GS1 General Specifications §5.1.2 Figure 5.1.2-2): "]" then a code
// character and a modifier. The first entry for an identifier is the one reported when reading scan data.
const TABLE: readonly SymbologyIdEntry[] = [
  { id: 'C1', gs1: true, symbology: 'GS1_128_CCA' },
  { id: 'C1', gs1: true, symbology: 'GS1_128_CCC' },
  { id: 'E0', gs1: false, symbology: 'EAN13' },
  { id: 'E0', gs1: true, symbology: 'EAN13' },
  { id: 'E0', gs1: false, symbology: 'UPCA' },
  { id: 'E0', gs1: true, symbology: 'UPCA' },
  { id: 'E0', gs1: false, symbology: 'UPCE' },
  { id: 'E0', gs1: true, symbology: 'UPCE' },
  { id: 'E4', gs1: false, symbology: 'EAN8' },
  { id: 'E4', gs1: true, symbology: 'EAN8' },
  { id: 'e0', gs1: true, symbology: 'DataBarExpanded' },
  { id: 'e0', gs1: true, symbology: 'DataBarOmni' },
  { id: 'e0', gs1: false, symbology: 'DataBarOmni' },
  { id: 'e0', gs1: true, symbology: 'DataBarTruncated' },
  { id: 'e0', gs1: false, symbology: 'DataBarTruncated' },
  { id: 'e0', gs1: true, symbology: 'DataBarStacked' },
  { id: 'e0', gs1: false, symbology: 'DataBarStacked' },
  { id: 'e0', gs1: true, symbology: 'DataBarStackedOmni' },
  { id: 'e0', gs1: false, symbology: 'DataBarStackedOmni' },
  { id: 'e0', gs1: true, symbology: 'DataBarLimited' },
  { id: 'e0', gs1: false, symbology: 'DataBarLimited' },
  { id: 'd1', gs1: false, symbology: 'DM' },
  { id: 'd2', gs1: true, symbology: 'DM' },
  { id: 'Q1', gs1: false, symbology: 'QR' },
  { id: 'Q3', gs1: true, symbology: 'QR' },
  { id: 'J0', gs1: false, symbology: 'DotCode' },
  { id: 'J1', gs1: true, symbology: 'DotCode' },
];

/** The symbology and mode that a scanner's identifier stands for. */
export function symbologyFromId(id: string): { symbology: Symbology; gs1: boolean } | undefined {
  const e = TABLE.find((x) => x.id === id);
  return e ? { symbology: e.symbology, gs1: e.gs1 } : undefined;
}

/** The identifier a scanner transmits for `symbology` carrying GS1 data (`gs1`) or plain data. */
export function symbologyId(symbology: Symbology, gs1: boolean): string | undefined {
  return TABLE.find((x) => x.symbology === symbology && x.gs1 === gs1)?.id;
}

/** The identifier that prefixes GS1 composite and DataBar data. */
export const COMPOSITE_ID = ']e0';
