// Mass balance of a lot (issue 6 §2): is more of it coming out than went in?
// - yield: each transformation (EPCIS 2.0 §7.4.6; events sharing a transformationID are one) that produced the
//   lot may not yield more than its inputs allow: Σ outputs × (input per output, per product; 1 when none is
//   configured: a transformation does not create mass) ≤ Σ inputs × (1 + tolerance);
// - holdings: no party passes on (ships, or consumes in a transformation) more of the lot than it made or received.
// Quantities are compared in base units (units.ts); a figure whose unit is unknown makes the check "unknown", never
// a false alarm.
import { type EpcisEvent } from '@txng/epcis';
import { canonical } from './canonical.ts';
import type { TraceEvent } from './graph.ts';
import type { Movement } from './movements.ts';
import { measure, type Dimension, type Measure } from './units.ts';

export interface Yield {
  /** Input units per output unit (fresh → dried longan ≈ 3.5). */
  readonly inputPerOutput: number;
  readonly inputUom: string;
  readonly outputUom: string;
  readonly tolerancePercent: number;
}

export type BalanceStatus = 'ok' | 'exceeds' | 'unknown';

export interface TransformationCheck {
  readonly eventIds: readonly string[];
  readonly time: Date;
  readonly organizationId: string;
  readonly inputs: readonly { id: string; quantity: number | null; uom: string | null }[];
  readonly outputs: readonly { id: string; quantity: number | null; uom: string | null }[];
  /** Input the outputs account for, in the inputs' base unit (Σ output × input per output). */
  readonly inputNeeded: number | null;
  readonly inputGiven: number | null;
  readonly dimension: Dimension | null;
  readonly tolerancePercent: number;
  readonly status: BalanceStatus;
  /** Why the check could not be made, when status is unknown. */
  readonly reason: 'no_quantity' | 'unknown_unit' | 'mixed_units' | null;
}

export interface HoldingCheck {
  readonly party: string;
  readonly dimension: Dimension | null;
  readonly cameIn: number | null;
  readonly wentOut: number | null;
  readonly status: BalanceStatus;
}

export interface MassBalance {
  readonly id: string;
  readonly status: BalanceStatus;
  readonly transformations: readonly TransformationCheck[];
  readonly holdings: readonly HoldingCheck[];
}

export const DEFAULT_TOLERANCE_PERCENT = 5;

type Loose = EpcisEvent & Record<string, unknown>;
interface Q { id: string; quantity: number | null; uom: string | null }

const list = (epcs: unknown, qs: unknown): Q[] => [
  ...((epcs as string[] | undefined) ?? []).map((x) => ({ id: canonical(x), quantity: null, uom: null })),
  ...((qs as { epcClass: string; quantity?: number; uom?: string }[] | undefined) ?? []).map((q) => ({ id: canonical(q.epcClass), quantity: q.quantity ?? null, uom: q.uom ?? null })),
];

function total(items: readonly Q[], convert: (q: Q) => Measure | undefined): { value: number | null; dimension: Dimension | null; reason: TransformationCheck['reason'] } {
  let value = 0;
  let dimension: Dimension | null = null;
  for (const q of items) {
    if (q.quantity === null) return { value: null, dimension, reason: 'no_quantity' };
    const m = convert(q);
    if (!m) return { value: null, dimension, reason: 'unknown_unit' };
    if (dimension !== null && m.dimension !== dimension) return { value: null, dimension, reason: 'mixed_units' };
    dimension = m.dimension;
    value += m.value;
  }
  return { value, dimension, reason: null };
}

/** The transformations producing `lot`, each checked against its yield. */
export function checkTransformations(lot: string, events: readonly TraceEvent[], yieldOf: (outputId: string) => Yield | undefined): TransformationCheck[] {
  const groups = new Map<string, TraceEvent[]>();
  for (const r of events) {
    if (r.event.type !== 'TransformationEvent') continue;
    const t = (r.event as Loose).transformationID;
    const key = typeof t === 'string' ? `t:${canonical(t)}` : `e:${r.seq}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: TransformationCheck[] = [];
  for (const group of groups.values()) {
    const inputs = group.flatMap((r) => list((r.event as Loose).inputEPCList, (r.event as Loose).inputQuantityList));
    const outputs = group.flatMap((r) => list((r.event as Loose).outputEPCList, (r.event as Loose).outputQuantityList));
    if (!outputs.some((o) => o.id === lot)) continue;
    const first = group.reduce((a, b) => (a.eventTime <= b.eventTime ? a : b));
    if (!inputs.length) {
      // Outputs without inputs (a commissioning written as a transformation): nothing to balance against.
      out.push({ eventIds: group.map((r) => r.eventId), time: first.eventTime, organizationId: first.organizationId, inputs, outputs, inputNeeded: null, inputGiven: null, dimension: null, tolerancePercent: 0, status: 'unknown', reason: 'no_quantity' });
      continue;
    }
    const given = total(inputs, (q) => measure(q.quantity!, q.uom));
    // Each output stands for (output × input per output) of input, in the yield's input unit.
    let tolerance = 0;
    const needed = total(outputs, (q) => {
      const y = yieldOf(q.id);
      tolerance = Math.max(tolerance, y?.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT);
      if (!y) return measure(q.quantity!, q.uom);
      const asOutput = measure(q.quantity!, q.uom);
      const unitOut = measure(1, y.outputUom);
      const unitIn = measure(y.inputPerOutput, y.inputUom);
      if (!asOutput || !unitOut || !unitIn || asOutput.dimension !== unitOut.dimension) return undefined;
      return { dimension: unitIn.dimension, value: (asOutput.value / unitOut.value) * unitIn.value };
    });
    const base = { eventIds: group.map((r) => r.eventId), time: first.eventTime, organizationId: first.organizationId, inputs, outputs, tolerancePercent: tolerance };
    const reason = given.reason ?? needed.reason ?? (given.dimension !== null && needed.dimension !== null && given.dimension !== needed.dimension ? 'mixed_units' : null);
    if (reason || given.value === null || needed.value === null) {
      out.push({ ...base, inputNeeded: needed.value, inputGiven: given.value, dimension: null, status: 'unknown', reason: reason ?? 'no_quantity' });
      continue;
    }
    const status: BalanceStatus = needed.value > given.value * (1 + tolerance / 100) + 1e-9 ? 'exceeds' : 'ok';
    out.push({ ...base, inputNeeded: needed.value, inputGiven: given.value, dimension: given.dimension, status, reason: null });
  }
  return out.sort((a, b) => a.time.getTime() - b.time.getTime());
}

/**
 * Per party: what came in (made in a transformation, received) against what went out (shipped, consumed).
 * Only parties with something recorded as coming in are judged: a shipment from a party with no record of the
 * lot arriving is a gap in the data, reported as unknown.
 */
export function checkHoldings(lot: string, events: readonly TraceEvent[], movements: readonly Movement[], orgKey: (organizationId: string) => string, tolerancePercent = DEFAULT_TOLERANCE_PERCENT): HoldingCheck[] {
  const acc = new Map<string, { dimension: Dimension | null; in: number | null; out: number | null; bad: boolean }>();
  const add = (party: string, q: Q, side: 'in' | 'out') => {
    const a = acc.get(party) ?? { dimension: null, in: 0, out: 0, bad: false };
    const m = q.quantity === null ? undefined : measure(q.quantity, q.uom);
    if (!m || (a.dimension !== null && a.dimension !== m.dimension)) a.bad = true;
    else {
      a.dimension = m.dimension;
      if (side === 'in') a.in = (a.in ?? 0) + m.value;
      else a.out = (a.out ?? 0) + m.value;
    }
    acc.set(party, a);
  };
  for (const r of events) {
    const e = r.event as Loose;
    // Made here: commissioned (ADD) or harvested with a quantity, as the farm diary records it.
    if (r.event.type === 'ObjectEvent' && (e.action === 'ADD' || /harvesting$/.test(r.event.bizStep ?? ''))) {
      for (const q of list(undefined, e.quantityList)) if (q.id === lot && q.quantity !== null) add(orgKey(r.organizationId), q, 'in');
    }
    if (r.event.type !== 'TransformationEvent') continue;
    for (const q of list(e.outputEPCList, e.outputQuantityList)) if (q.id === lot) add(orgKey(r.organizationId), q, 'in');
    for (const q of list(e.inputEPCList, e.inputQuantityList)) if (q.id === lot) add(orgKey(r.organizationId), q, 'out');
  }
  const counted = new Set<string>();
  for (const m of movements) {
    for (const q of m.what) {
      if (q.id !== lot || q.quantity === null) continue;
      const key = `${m.from}\u0000${m.to}\u0000${q.quantity}\u0000${q.uom}\u0000${m.time.toISOString().slice(0, 10)}`;
      if (counted.has(key)) continue;
      counted.add(key);
      if (m.to) add(m.to, q, 'in');
      if (m.from) add(m.from, q, 'out');
    }
  }
  return [...acc.entries()].map(([party, a]) => {
    const known = !a.bad && a.in !== null && a.out !== null && a.in > 0;
    const status: BalanceStatus = !known ? 'unknown' : a.out! > a.in! * (1 + tolerancePercent / 100) + 1e-9 ? 'exceeds' : 'ok';
    return { party, dimension: a.dimension, cameIn: a.bad ? null : a.in, wentOut: a.bad ? null : a.out, status };
  });
}

export function massBalance(lot: string, events: readonly TraceEvent[], movements: readonly Movement[], yieldOf: (outputId: string) => Yield | undefined, orgKey: (organizationId: string) => string): MassBalance {
  const transformations = checkTransformations(lot, events, yieldOf);
  const holdings = checkHoldings(lot, events, movements, orgKey);
  const all = [...transformations.map((t) => t.status), ...holdings.map((h) => h.status)];
  const status: BalanceStatus = all.includes('exceeds') ? 'exceeds' : all.length && all.every((s) => s === 'ok') ? 'ok' : all.includes('ok') ? 'ok' : 'unknown';
  return { id: lot, status, transformations, holdings };
}
