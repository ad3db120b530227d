// Movements between parties (EPCIS 2.0 §7.3.5.4 source/destination, CBV 2.0 §7.4 owning_party, possessing_party,
// location): who handed what to whom, how much, when, under which documents (bizTransactionList). From them: one
// step back and one step forward for a party (Circular 02/2024/TT-BKHCN Art. 6.5), and the holders of a set of
// identities with the quantities they received, passed on and still hold.
import { bareWordFor, isStandardTerm, type EpcisEvent, type VocabularyKind } from '@txng/epcis';
import { canonical } from './canonical.ts';
import { childrenOf, identitiesOf, type TraceEvent } from './graph.ts';
import { partnerNameOf } from './parties.ts';
import { measure, type Dimension } from './units.ts';

export interface Quantity {
  readonly id: string;
  /** Null for an instance (an item, a pallet): it counts as one. */
  readonly quantity: number | null;
  readonly uom: string | null;
}

export interface Document {
  readonly type: string | null;
  readonly id: string;
}

export interface Movement {
  readonly eventId: string;
  readonly seq: number;
  readonly time: Date;
  readonly bizStep: string | null;
  /** Party keys (see PartyRef.key); null when the event names none on that side. */
  readonly from: string | null;
  readonly to: string | null;
  /** What moved: instances and classes the event names, with quantities. */
  readonly what: readonly Quantity[];
  readonly documents: readonly Document[];
  /** The capturing organisation's party key. */
  readonly recordedBy: string;
}

/** A CBV term as its bare word (`shipping`) whichever way the event spelled it; other URIs unchanged. */
export function termOf(kind: VocabularyKind, value: string): string {
  return isStandardTerm(kind, value) ? value : (bareWordFor(kind, value) ?? value);
}

const PARTY_PREFERENCE = ['owning_party', 'possessing_party', 'location'];

function pick<T extends { type: string }>(list: readonly T[] | undefined, get: (x: T) => string): string | null {
  if (!list?.length) return null;
  const ranked = [...list].sort((a, b) => rank(a.type) - rank(b.type));
  return canonical(get(ranked[0]!));
}

function rank(type: string): number {
  const word = termOf('sourceDestType', type);
  const i = PARTY_PREFERENCE.indexOf(word);
  return i < 0 ? PARTY_PREFERENCE.length : i;
}

export function documentsOf(event: EpcisEvent): Document[] {
  return (event.bizTransactionList ?? []).map((b) => ({ type: b.type ? termOf('bizTransactionType', b.type) : null, id: b.bizTransaction }));
}

/** What an event names as moving: its objects, children and parent; classes with their quantities. */
export function whatOf(event: EpcisEvent): Quantity[] {
  const e = event as EpcisEvent & Record<string, unknown>;
  const out: Quantity[] = [];
  for (const list of ['epcList', 'childEPCs'] as const) for (const x of (e[list] as string[] | undefined) ?? []) out.push({ id: canonical(x), quantity: null, uom: null });
  for (const list of ['quantityList', 'childQuantityList'] as const) {
    for (const q of (e[list] as { epcClass: string; quantity?: number; uom?: string }[] | undefined) ?? []) out.push({ id: canonical(q.epcClass), quantity: q.quantity ?? null, uom: q.uom ?? null });
  }
  if (typeof e.parentID === 'string') out.push({ id: canonical(e.parentID), quantity: null, uom: null });
  return out;
}

/**
 * Movements of the given events (those naming a source or a destination). `orgKey` turns a capturing
 * organisation's id, `partyKey` a canonical party identifier, into a party key (resolveParties decides).
 */
export function movementsOf(events: readonly TraceEvent[], orgKey: (organizationId: string) => string, partyKey: (uri: string) => string = (u) => u): Movement[] {
  const out: Movement[] = [];
  for (const r of events) {
    const e = r.event;
    const fromUri = pick(e.sourceList, (s) => s.source);
    const toUri = pick(e.destinationList, (d) => d.destination);
    const from = fromUri === null ? null : partyKey(fromUri);
    const to = toUri === null ? null : partyKey(toUri);
    if (from === null && to === null) continue;
    out.push({
      eventId: r.eventId, seq: r.seq, time: r.eventTime, bizStep: e.bizStep ? termOf('bizStep', e.bizStep) : null,
      from, to, what: whatOf(e), documents: documentsOf(e), recordedBy: orgKey(r.organizationId),
    });
  }
  return out;
}

/** Names events give to parties they know only by identifier (TXNG's partnerName extension). */
export function partyNames(events: readonly TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of events) {
    const name = partnerNameOf(r.event);
    if (!name) continue;
    for (const p of [...(r.event.sourceList ?? []).map((s) => s.source), ...(r.event.destinationList ?? []).map((d) => d.destination)]) {
      const c = canonical(p);
      if (!/\/id\/organization\//.test(c) && !names.has(c)) names.set(c, name);
    }
  }
  return names;
}

export interface PartnerLink {
  readonly party: string;
  readonly what: readonly Quantity[];
  readonly time: Date;
  readonly documents: readonly Document[];
  readonly eventIds: readonly string[];
  readonly bizStep: string | null;
}

/**
 * One step back (who handed these identities to `perspective`) and one step forward (to whom it handed them).
 * A transfer recorded twice (the sender's shipping and the receiver's receiving event) counts once.
 */
export function oneStep(movements: readonly Movement[], perspective: string, back: ReadonlySet<string>, forward: ReadonlySet<string>): { back: PartnerLink[]; forward: PartnerLink[] } {
  const collect = (side: 'back' | 'forward'): PartnerLink[] => {
    const links = new Map<string, PartnerLink>();
    for (const m of movements) {
      const other = side === 'back' ? m.from : m.to;
      const mine = side === 'back' ? m.to : m.from;
      if (mine !== perspective || other === null || other === perspective) continue;
      const ids = side === 'back' ? back : forward;
      const what = m.what.filter((q) => ids.has(q.id));
      if (!what.length) continue;
      const key = `${other}\u0000${what.map((q) => `${q.id}=${q.quantity ?? ''}${q.uom ?? ''}`).sort().join('|')}`;
      const seen = links.get(key);
      if (seen) {
        links.set(key, { ...seen, eventIds: [...seen.eventIds, m.eventId], documents: mergeDocuments(seen.documents, m.documents), time: seen.time < m.time ? seen.time : m.time });
      } else links.set(key, { party: other, what, time: m.time, documents: m.documents, eventIds: [m.eventId], bizStep: m.bizStep });
    }
    return [...links.values()].sort((a, b) => a.time.getTime() - b.time.getTime());
  };
  return { back: collect('back'), forward: collect('forward') };
}

function mergeDocuments(a: readonly Document[], b: readonly Document[]): Document[] {
  const out = [...a];
  for (const d of b) if (!out.some((x) => x.id === d.id && x.type === d.type)) out.push(d);
  return out;
}

export interface HeldAmount {
  readonly id: string;
  /** A pallet or case whose contents are counted on their own: not summed with them. */
  readonly container: boolean;
  readonly dimension: Dimension | null;
  /** In base units (kg, L, pieces); null when the quantity or its unit is unknown. */
  readonly received: number | null;
  readonly passedOn: number | null;
  readonly held: number | null;
}

export interface Holder {
  readonly party: string;
  readonly amounts: readonly HeldAmount[];
  readonly firstReceivedAt: Date | null;
  readonly lastMovedAt: Date | null;
  readonly eventIds: readonly string[];
}

interface Tally {
  readonly dimension: Dimension | null;
  in: number | null;
  out: number | null;
}

/** An instance counts as one piece. */
const ONE = { dimension: 'count' as const, value: 1 };

/**
 * Everyone who has had any of `affected`: parties that received them (directly or inside a container that moved)
 * or recorded events about them, with what they received, passed on (shipped, or consumed in a transformation)
 * and so still hold. Quantities of one identity are summed in its base unit; unknown units leave the figure null.
 */
export function holdersOf(events: readonly TraceEvent[], movements: readonly Movement[], affected: ReadonlySet<string>, orgKey: (organizationId: string) => string): Holder[] {
  const contents = containerContents(events);
  // Tallies are updated in place: a recall's holders sum tens of thousands of item movements.
  const acc = new Map<string, { amounts: Map<string, Tally>; first: Date | null; last: Date | null; events: Set<string> }>();
  const holder = (party: string) => {
    let h = acc.get(party);
    if (!h) acc.set(party, (h = { amounts: new Map(), first: null, last: null, events: new Set() }));
    return h;
  };
  const add = (party: string, q: Quantity, side: 'in' | 'out', time: Date, eventId: string) => {
    const h = holder(party);
    h.events.add(eventId);
    if (side === 'in' && (!h.first || time < h.first)) h.first = time;
    if (!h.last || time > h.last) h.last = time;
    const m = q.quantity === null ? ONE : measure(q.quantity, q.uom);
    let a = h.amounts.get(q.id);
    if (!a) h.amounts.set(q.id, (a = { dimension: m?.dimension ?? null, in: 0, out: 0 }));
    const x = a[side];
    a[side] = x === null || !m || (a.dimension !== null && a.dimension !== m.dimension) ? null : x + m.value;
  };
  const counted = new Set<string>();
  for (const m of movements) {
    const day = m.time.toISOString().slice(0, 10);
    for (const q of expand(m.what, contents)) {
      if (!affected.has(q.id)) continue;
      // A transfer recorded by both sides is counted once per direction.
      const key = `${m.from}\u0000${m.to}\u0000${q.id}\u0000${q.quantity}\u0000${day}`;
      if (counted.has(key)) continue;
      counted.add(key);
      if (m.to) add(m.to, q, 'in', m.time, m.eventId);
      if (m.from) add(m.from, q, 'out', m.time, m.eventId);
    }
  }
  for (const r of events) {
    const ids = identitiesOf(r.event);
    const named = [...ids.objects, ...ids.children, ...ids.inputs, ...ids.outputs, ...(ids.parent ? [ids.parent] : [])];
    if (!named.some((id) => affected.has(id))) continue;
    const party = orgKey(r.organizationId);
    const h = holder(party);
    h.events.add(r.eventId);
    if (!h.last || r.eventTime > h.last) h.last = r.eventTime;
    // Consumed in a transformation is passed on; produced by one is received.
    const e = r.event as EpcisEvent & Record<string, unknown>;
    for (const q of quantities(e.inputEPCList, e.inputQuantityList)) if (affected.has(q.id)) add(party, q, 'out', r.eventTime, r.eventId);
    for (const q of quantities(e.outputEPCList, e.outputQuantityList)) if (affected.has(q.id)) add(party, q, 'in', r.eventTime, r.eventId);
  }
  return [...acc.entries()].map(([party, h]) => ({
    party,
    amounts: [...h.amounts.entries()].map(([id, a]) => ({ id, container: contents.has(id), dimension: a.dimension, received: a.in, passedOn: a.out, held: a.in === null || a.out === null ? null : Math.max(0, a.in - a.out) })),
    firstReceivedAt: h.first,
    lastMovedAt: h.last,
    eventIds: [...h.events],
  }));
}

function quantities(epcs: unknown, qs: unknown): Quantity[] {
  return [
    ...((epcs as string[] | undefined) ?? []).map((x) => ({ id: canonical(x), quantity: null, uom: null })),
    ...((qs as { epcClass: string; quantity?: number; uom?: string }[] | undefined) ?? []).map((q) => ({ id: canonical(q.epcClass), quantity: q.quantity ?? null, uom: q.uom ?? null })),
  ];
}

/** What each container was packed with (aggregation ADD events), to credit whoever receives the container. */
function containerContents(events: readonly TraceEvent[]): Map<string, Quantity[]> {
  const out = new Map<string, Quantity[]>();
  for (const r of events) {
    const e = r.event as EpcisEvent & Record<string, unknown>;
    const ids = identitiesOf(r.event);
    if (ids.parent === null || e.action !== 'ADD' || !childrenOf(ids).length) continue;
    const list = out.get(ids.parent) ?? [];
    const kids = [...quantities(e.childEPCs, e.childQuantityList), ...(e.type === 'TransactionEvent' ? quantities(e.epcList, e.quantityList) : [])];
    for (const k of kids) if (!list.some((x) => x.id === k.id && x.quantity === k.quantity)) list.push(k);
    out.set(ids.parent, list);
  }
  return out;
}

/** A movement's identities with the contents of containers among them (nested, each container once). */
function expand(what: readonly Quantity[], contents: ReadonlyMap<string, Quantity[]>): Quantity[] {
  const out: Quantity[] = [];
  const seen = new Set<string>();
  const visit = (q: Quantity) => {
    out.push(q);
    if (seen.has(q.id)) return;
    seen.add(q.id);
    for (const c of contents.get(q.id) ?? []) visit(c);
  };
  what.forEach(visit);
  return out;
}
