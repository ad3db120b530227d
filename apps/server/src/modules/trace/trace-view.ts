// A computed trace made readable: the reached identities with what they are (product, lot, place), the edges in
// flow order (input → output, child → parent), the movements between parties, one step back and forward for a
// party, mass balance per lot, and the cycles the data contains. Pure over what the service looked up.
import type { TraceEvent, Direction } from './graph.ts';
import { describeCanonical, type TraceKind } from './identifiers.ts';
import { massBalance, type MassBalance, type Yield } from './mass-balance.ts';
import { movementsOf, oneStep, type Movement, type PartnerLink } from './movements.ts';
import type { PartyRef } from './parties.ts';
import type { ComputedTrace, Truncation } from './trace-engine.ts';
import type { LotInfo, ProductInfo } from './directory.ts';
import { stronglyConnected } from './cycles.ts';
import { type EpcisEvent } from '@txng/epcis';
import { canonical } from './canonical.ts';

export interface TraceNode {
  readonly id: string;
  readonly kind: TraceKind;
  readonly gtin: string | null;
  readonly lot: string | null;
  readonly serial: string | null;
  readonly sscc: string | null;
  readonly gln: string | null;
  readonly product: ProductInfo | null;
  readonly catalogLotId: string | null;
  readonly backwardDepth: number | null;
  readonly forwardDepth: number | null;
  /** Reached only as the container of something traced: its other contents were not followed. */
  readonly containerOnly: boolean;
  /** Party keys of the organisations that recorded events about it. */
  readonly recordedBy: readonly string[];
  readonly eventCount: number;
  readonly massBalance: MassBalance | null;
}

export interface TraceEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'transformation' | 'packed_in';
  readonly eventId: string;
  readonly time: Date;
  readonly quantity: number | null;
  readonly uom: string | null;
}

export interface TraceView {
  readonly origin: readonly string[];
  readonly nodes: readonly TraceNode[];
  readonly edges: readonly TraceEdge[];
  readonly events: readonly TraceEvent[];
  readonly movements: readonly Movement[];
  readonly parties: ReadonlyMap<string, PartyRef>;
  readonly oneStep: { readonly perspective: string | null; readonly back: readonly PartnerLink[]; readonly forward: readonly PartnerLink[] };
  readonly truncations: readonly Truncation[];
  readonly cycles: readonly (readonly string[])[];
}

export interface ViewContext {
  readonly orgKey: (organizationId: string) => string;
  /** The party key of a canonical party identifier (`org:<id>` when it is a registered organisation). */
  readonly partyKey: (uri: string) => string;
  readonly parties: ReadonlyMap<string, PartyRef>;
  readonly productOf: (id: string) => ProductInfo | null;
  readonly catalogLotOf: (id: string) => LotInfo | null;
  readonly yieldOf: (outputId: string) => Yield | undefined;
  /** The party whose one step back and forward is shown (a business: itself; officials: the origin's owner). */
  readonly perspective: string | null;
}

type Loose = EpcisEvent & Record<string, unknown>;

/** The quantity an event gives an identity in any of its lists (null for instances or when absent). */
function quantityIn(event: EpcisEvent, id: string): { quantity: number | null; uom: string | null } {
  const e = event as Loose;
  for (const list of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) {
    for (const q of (e[list] as { epcClass: string; quantity?: number; uom?: string }[] | undefined) ?? []) {
      if (canonical(q.epcClass) === id) return { quantity: q.quantity ?? null, uom: q.uom ?? null };
    }
  }
  return { quantity: null, uom: null };
}

export function buildView(computed: ComputedTrace, ctx: ViewContext): TraceView {
  const bySeq = new Map(computed.events.map((e) => [e.seq, e]));
  const depthOf = (d: Direction, id: string) => computed.walks.get(d)?.depth.get(id) ?? null;
  const ids = new Set<string>(computed.starts);
  for (const w of computed.walks.values()) for (const id of w.depth.keys()) ids.add(id);

  const edges = new Map<string, TraceEdge>();
  for (const [direction, w] of computed.walks) {
    for (const s of w.steps) {
      const ev = bySeq.get(s.seq);
      if (!ev) continue;
      let from = s.from;
      let to = s.to;
      let kind: TraceEdge['kind'] = 'packed_in';
      if (s.kind === 'transformation') {
        kind = 'transformation';
        if (direction === 'backward') [from, to] = [s.to, s.from];
      } else if (s.kind === 'contains') [from, to] = [s.to, s.from];
      const key = `${kind}\u0000${from}\u0000${to}\u0000${s.seq}`;
      if (edges.has(key)) continue;
      const q = quantityIn(ev.event, kind === 'transformation' ? to : from);
      edges.set(key, { from, to, kind, eventId: ev.eventId, time: ev.eventTime, ...q });
    }
  }

  const movements = movementsOf(computed.events, ctx.orgKey, ctx.partyKey);
  const nodes: TraceNode[] = [...ids].map((id) => {
    const d = describeCanonical(id);
    const evs = computed.graph.eventsOf(id);
    const product = ctx.productOf(id);
    const lot = ctx.catalogLotOf(id);
    const isLot = d.kind === 'lot' || lot !== null;
    const back = depthOf('backward', id);
    const fwd = depthOf('forward', id);
    const containerOnly = [...computed.walks.values()].some((w) => w.restricted.has(id)) && !computed.starts.includes(id);
    return {
      id, kind: lot && d.kind === 'other' ? 'lot' : d.kind,
      gtin: d.gtin ?? null, lot: d.lot ?? lot?.lotCode ?? null, serial: d.serial ?? null, sscc: d.sscc ?? null, gln: d.gln ?? null,
      product, catalogLotId: lot?.id ?? null, backwardDepth: back, forwardDepth: fwd, containerOnly,
      recordedBy: [...new Set(evs.map((e) => ctx.orgKey(e.organizationId)))],
      eventCount: evs.length,
      massBalance: isLot ? massBalance(id, computed.graph.eventsWithTransformations(id), movements.filter((m) => m.what.some((q) => q.id === id)), ctx.yieldOf, ctx.orgKey) : null,
    };
  });

  const backSet = new Set([...computed.starts, ...(computed.walks.get('backward')?.depth.keys() ?? [])]);
  const fwdSet = new Set([...computed.starts, ...(computed.walks.get('forward')?.depth.keys() ?? [])]);
  const step = ctx.perspective ? oneStep(movements, ctx.perspective, backSet, fwdSet) : { back: [], forward: [] };
  const edgeList = [...edges.values()];
  const cycles = [
    ...stronglyConnected(edgeList.filter((e) => e.kind === 'transformation').map((e) => [e.from, e.to] as const)),
    ...stronglyConnected(edgeList.filter((e) => e.kind === 'packed_in').map((e) => [e.from, e.to] as const)),
  ];
  return {
    origin: computed.starts,
    nodes,
    edges: edgeList,
    events: computed.events,
    movements,
    parties: ctx.parties,
    oneStep: { perspective: ctx.perspective, ...step },
    truncations: computed.truncations,
    cycles,
  };
}
