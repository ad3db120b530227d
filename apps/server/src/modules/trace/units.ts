// Quantities compared across events: UN/CEFACT Rec. 20 unit codes (EPCIS 2.0 §7.3.3.3 `uom`) reduced to a base
// unit per dimension. A quantity without uom counts instances (EPCIS 2.0 §7.3.3.3).
export type Dimension = 'mass' | 'volume' | 'count';

const UNITS: Readonly<Record<string, { dimension: Dimension; factor: number }>> = {
  KGM: { dimension: 'mass', factor: 1 },
  GRM: { dimension: 'mass', factor: 0.001 },
  MGM: { dimension: 'mass', factor: 0.000001 },
  TNE: { dimension: 'mass', factor: 1000 },
  LBR: { dimension: 'mass', factor: 0.45359237 },
  LTR: { dimension: 'volume', factor: 1 },
  MLT: { dimension: 'volume', factor: 0.001 },
  MTQ: { dimension: 'volume', factor: 1000 },
  H87: { dimension: 'count', factor: 1 },
  C62: { dimension: 'count', factor: 1 },
  EA: { dimension: 'count', factor: 1 },
};

/** The base unit each dimension is reported in. */
export const BASE_UOM: Readonly<Record<Dimension, string>> = { mass: 'KGM', volume: 'LTR', count: 'H87' };

export interface Measure {
  readonly dimension: Dimension;
  /** In the dimension's base unit (kg, L, pieces). */
  readonly value: number;
}

/** A quantity in its base unit, or undefined when the unit is not one this platform converts. */
export function measure(quantity: number, uom: string | null | undefined): Measure | undefined {
  const u = UNITS[(uom ?? 'H87').toUpperCase()];
  return u ? { dimension: u.dimension, value: quantity * u.factor } : undefined;
}

export function isKnownUom(uom: string): boolean {
  return UNITS[uom.toUpperCase()] !== undefined;
}
