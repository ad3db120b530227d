// The ledger records behind the shared part of a scan page (product version, lot version, origin place version,
// the journey's events and places: ledger/page-records.ts), kept per product, lot and place version and journey,
// so a scan does not name them again (each label is translated into both languages). A stamp's own records are
// not in here: they come per serial from stamp-records.ts.
import type { JourneyStep } from '../facts/journey.ts';
import type { LedgerRecords, LedgerRef, LedgerTally } from '../ledger/ledger-records.ts';
import { ledgerRefsOf, type ShownRecords } from '../ledger/page-records.ts';

const MAX = 20_000;
/** The journey of a page without a lot (one array, so the caches keyed by identity hit). */
export const NO_STEPS: readonly JourneyStep[] = Object.freeze([]);

export function createSharedRefs() {
  const cache = new Map<string, { readonly journey: readonly JourneyStep[] | undefined; readonly refs: readonly LedgerRef[] }>();
  /** ledgerRefsOf(shown) without a stamp; the journey is compared by identity (the journey cache hands out a new
   * array whenever it reloads one). */
  return function sharedRefs(shown: Omit<ShownRecords, 'stamp'>): readonly LedgerRef[] {
    let key = `${shown.product.id}@${shown.product.version}|${shown.lot ? `${shown.lot.id}@${shown.lot.version}` : ''}`;
    for (const p of shown.places) key += `|${p.id}@${p.version}`;
    const hit = cache.get(key);
    if (hit && hit.journey === shown.journey) return hit.refs;
    const refs = ledgerRefsOf({ ...shown, stamp: null });
    if (!hit && cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, { journey: shown.journey, refs });
    return refs;
  };
}

export type SharedRefs = ReturnType<typeof createSharedRefs>;

/** Two tallies as one (a tally counts each listed record, so this is the tally of both lists joined). */
export function addTallies(a: LedgerTally, b: LedgerTally): LedgerTally {
  return { total: a.total + b.total, included: a.included + b.included, waiting: a.waiting + b.waiting };
}

/**
 * ledger.peek for lists that are kept (shared and per-stamp records): a list whose records are all included is
 * remembered as such (an inclusion proof against a published checkpoint never stops holding), so later pages
 * count it without looking up each record.
 */
export function createTally(ledger: Pick<LedgerRecords, 'peek'>) {
  const included = new WeakSet<readonly LedgerRef[]>();
  return function tally(refs: readonly LedgerRef[], unresolved = 0): LedgerTally {
    if (included.has(refs)) return { total: refs.length + unresolved, included: refs.length, waiting: unresolved };
    const counted = ledger.peek(refs, unresolved);
    if (counted.included === refs.length) included.add(refs);
    return counted;
  };
}

export type Tally = ReturnType<typeof createTally>;
