// A whole query over events held in memory: filter, order (EPCIS 2.0 §8.2.7.1 orderBy/orderDirection, events
// lacking the field last), eventCountLimit, and maxEventCount (QueryTooLargeException when exceeded).
import type { EpcisEvent } from '../model/types.ts';
import { compareCodePoints } from '../hash/python-text.ts';
import { matchesQuery, orderKey } from './match-event.ts';
import type { MatchContext } from './match-fields.ts';
import type { EventQuery } from './query-types.ts';

export type QueryOutcome<E extends EpcisEvent> = { readonly tooLarge: false; readonly events: readonly E[] } | { readonly tooLarge: true; readonly count: number };

function compareKeys(a: number | string | undefined, b: number | string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(String(a), String(b));
}

export function applyQuery<E extends EpcisEvent>(events: Iterable<E>, query: EventQuery, ctx: MatchContext = {}): QueryOutcome<E> {
  let out = [...events].filter((e) => matchesQuery(e, query, ctx));
  if (query.orderBy !== undefined) {
    const sign = query.orderDirection === 'ASC' ? 1 : -1;
    const keyed = out.map((e) => ({ e, k: orderKey(e, query) }));
    keyed.sort((x, y) => (x.k === undefined || y.k === undefined ? compareKeys(x.k, y.k) : sign * compareKeys(x.k, y.k)));
    out = keyed.map((x) => x.e);
  }
  if (query.maxEventCount !== undefined && out.length > query.maxEventCount) return { tooLarge: true, count: out.length };
  if (query.eventCountLimit !== undefined) out = out.slice(0, query.eventCountLimit);
  return { tooLarge: false, events: out };
}
