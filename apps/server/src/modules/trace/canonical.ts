// The canonical form of an identifier (canonicalEpc: the constrained GS1 Digital Link, CBV 2.0 §8.9.3),
// remembered. canonicalEpc parses a Digital Link on every call, and a trace reads the same identities over and
// over (each event by the graph, the movements, the holders, the mass balance and the presenter; a recall's
// 10,000 items are each named by several events), so most of a large trace's time went to parsing the same
// strings again. canonicalEpc is a pure function of its argument, so the cache cannot change a result; it is
// bounded (cleared when full) so a long-running server does not grow with every identity it has ever traced.
import { canonicalEpc } from '@txng/epcis';

const MAX_ENTRIES = 200_000;
const cache = new Map<string, string>();

export function canonical(id: string): string {
  let c = cache.get(id);
  if (c === undefined) {
    c = canonicalEpc(id);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(id, c);
  }
  return c;
}
