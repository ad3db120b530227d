// The trace graph's rules, on events in memory. This is the definition the recursive SQL (reach-sql.ts) follows,
// the oracle its tests compare against, and what turns the events of a computed trace into edges.
//
// One hop from an identity, in EPCIS 2.0 terms (§7.3 event types, canonical identities as canonicalEpc writes):
// - transformation (§7.4.6): forward from an input to every output; backward from an output to every input.
//   Events sharing a transformationID are one transformation.
// - contained in: from a child (childEPCs/childQuantityList, or the objects of a TransactionEvent with a parentID)
//   to its parent (packing, association, transaction). Forward only while packed (not DELETE: unpacking ends it);
//   backward for any action (it was inside at some point: chain of custody).
// - contains: from a parent to its children, any action, except from a parent reached as a container of
//   something: following a pallet found through one case back down to every other case would trace unrelated
//   siblings, so a node reached only by "contained in" keeps its own events but does not open its contents.
// Events declared erroneous (§7.4.1.2), and the declarations themselves, are not part of any trace.
import { type EpcisEvent, type QuantityElement } from '@txng/epcis';
import { canonical } from './canonical.ts';

export type Direction = 'forward' | 'backward';
export type EdgeKind = 'transformation' | 'contained_in' | 'contains';

export interface TraceEvent {
  readonly seq: number;
  readonly eventId: string;
  readonly organizationId: string;
  readonly eventTime: Date;
  readonly event: EpcisEvent;
}

export interface EventIdentities {
  readonly objects: readonly string[];
  readonly children: readonly string[];
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly parent: string | null;
}

export interface Step {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly seq: number;
}

type Loose = EpcisEvent & Record<string, unknown>;

const ids = (list: unknown): string[] => (Array.isArray(list) ? (list as string[]).map((x) => canonical(x)) : []);
const classes = (list: unknown): string[] => (Array.isArray(list) ? (list as QuantityElement[]).map((q) => canonical(q.epcClass)) : []);

/**
 * Identities already read from an event: a trace reads each event's identities in the graph, the holders and the
 * container contents, and a recall's transformation events name a thousand items each. Events are not changed once
 * read (TraceEvent is read-only), so the answer for an event object stays valid for as long as it lives.
 */
const readIdentities = new WeakMap<EpcisEvent, EventIdentities>();

/** The canonical identities an event names, by role (the roles of epcis.event_epcs / event_quantities). */
export function identitiesOf(event: EpcisEvent): EventIdentities {
  let known = readIdentities.get(event);
  if (!known) readIdentities.set(event, (known = readIdentitiesOf(event)));
  return known;
}

function readIdentitiesOf(event: EpcisEvent): EventIdentities {
  const e = event as Loose;
  return {
    objects: [...ids(e.epcList), ...classes(e.quantityList)],
    children: [...ids(e.childEPCs), ...classes(e.childQuantityList)],
    inputs: [...ids(e.inputEPCList), ...classes(e.inputQuantityList)],
    outputs: [...ids(e.outputEPCList), ...classes(e.outputQuantityList)],
    parent: typeof e.parentID === 'string' ? canonical(e.parentID) : null,
  };
}

/** Children as the contained-in rule reads them: childEPCs/childQuantityList, or a TransactionEvent's objects. */
export function childrenOf(id: EventIdentities): readonly string[] {
  return id.parent === null ? [] : [...id.children, ...id.objects];
}

const transformationIdOf = (e: EpcisEvent): string | null => {
  const t = (e as Loose).transformationID;
  return typeof t === 'string' ? canonical(t) : null;
};

/** Events whose eventID carries an error declaration, and the declarations: left out of every trace. */
export function declaredErroneous(events: readonly TraceEvent[]): Set<number> {
  const declared = new Set(events.filter((e) => e.event.errorDeclaration).map((e) => e.eventId));
  return new Set(events.filter((e) => declared.has(e.eventId)).map((e) => e.seq));
}

interface Indexed {
  readonly record: TraceEvent;
  readonly ids: EventIdentities;
  readonly action: string | null;
  readonly transformationId: string | null;
}

/** The events of a trace, indexed by the identities they name. */
export class TraceGraph {
  private readonly byId = new Map<string, Indexed[]>();
  private readonly byTransformation = new Map<string, Indexed[]>();
  readonly events: readonly TraceEvent[];

  constructor(events: readonly TraceEvent[]) {
    const bad = declaredErroneous(events);
    this.events = events.filter((e) => !bad.has(e.seq));
    for (const record of this.events) {
      const ids = identitiesOf(record.event);
      const action = typeof (record.event as Loose).action === 'string' ? ((record.event as Loose).action as string) : null;
      const item: Indexed = { record, ids, action, transformationId: transformationIdOf(record.event) };
      const named = new Set([...ids.objects, ...ids.children, ...ids.inputs, ...ids.outputs, ...(ids.parent ? [ids.parent] : [])]);
      for (const id of named) push(this.byId, id, item);
      if (item.transformationId) push(this.byTransformation, item.transformationId, item);
    }
  }

  /** Events naming an identity in any role. */
  eventsOf(id: string): readonly TraceEvent[] {
    return (this.byId.get(id) ?? []).map((i) => i.record);
  }

  /** Events naming an identity, with the other events of their transformations (a shared transformationID). */
  eventsWithTransformations(id: string): readonly TraceEvent[] {
    const own = this.byId.get(id) ?? [];
    const out = new Map(own.map((i) => [i.record.seq, i.record]));
    for (const i of own) if (i.transformationId) for (const g of this.byTransformation.get(i.transformationId) ?? []) out.set(g.record.seq, g.record);
    return [...out.values()].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || a.seq - b.seq);
  }

  /** One hop from `node`; `restricted`: reached only as a container, so its contents are not opened. */
  steps(node: string, direction: Direction, restricted: boolean): Step[] {
    const out: Step[] = [];
    for (const it of this.byId.get(node) ?? []) {
      const { ids, record } = it;
      const group = it.transformationId ? (this.byTransformation.get(it.transformationId) ?? [it]) : [it];
      if (direction === 'forward' && ids.inputs.includes(node)) {
        for (const g of group) for (const to of g.ids.outputs) out.push({ from: node, to, kind: 'transformation', seq: g.record.seq });
      }
      if (direction === 'backward' && ids.outputs.includes(node)) {
        for (const g of group) for (const to of g.ids.inputs) out.push({ from: node, to, kind: 'transformation', seq: g.record.seq });
      }
      if (ids.parent !== null) {
        const kids = childrenOf(ids);
        if (kids.includes(node) && (direction === 'backward' || it.action !== 'DELETE')) out.push({ from: node, to: ids.parent, kind: 'contained_in', seq: record.seq });
        if (ids.parent === node && !restricted) for (const to of kids) out.push({ from: node, to, kind: 'contains', seq: record.seq });
      }
    }
    return out.filter((s) => s.to !== node);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface Limits {
  /** Hops from the start (the start is depth 0). */
  readonly maxDepth: number;
  /** Identities after which no further level is opened. */
  readonly maxNodes: number;
}

export interface Walk {
  /** levels[d]: identities first reached at depth d (levels[0]: the starts). */
  readonly levels: readonly (readonly string[])[];
  /** Identities reached only as containers (their contents not opened). */
  readonly restricted: ReadonlySet<string>;
  /** Why the walk stopped early, and the identities whose neighbours were not followed. */
  readonly truncated: { readonly reason: 'depth' | 'size'; readonly at: readonly string[] } | null;
}

/**
 * Level by level breadth-first walk with one visited set: each identity once, at its least depth, so cycles end
 * and diamonds (a lot split into cases that meet again on one pallet) are not walked twice.
 */
export function walk(graph: TraceGraph, starts: readonly string[], direction: Direction, limits: Limits): Walk {
  const seen = new Set(starts);
  const restricted = new Set<string>();
  const levels: string[][] = [[...new Set(starts)]];
  for (;;) {
    const frontier = levels[levels.length - 1]!;
    const next = new Map<string, boolean>();
    for (const node of frontier) {
      for (const s of graph.steps(node, direction, restricted.has(node))) {
        if (seen.has(s.to)) continue;
        const onlyContainer = s.kind === 'contained_in';
        next.set(s.to, (next.get(s.to) ?? true) && onlyContainer);
      }
    }
    if (next.size === 0) return { levels, restricted, truncated: null };
    const depth = levels.length - 1;
    if (depth >= limits.maxDepth) return { levels, restricted, truncated: { reason: 'depth', at: leading(graph, frontier, direction, restricted, seen) } };
    if (seen.size >= limits.maxNodes) return { levels, restricted, truncated: { reason: 'size', at: leading(graph, frontier, direction, restricted, seen) } };
    const level = [...next.keys()];
    for (const [id, onlyContainer] of next) {
      seen.add(id);
      if (onlyContainer) restricted.add(id);
    }
    levels.push(level);
  }
}

/** The identities of a frontier that lead to identities not yet reached (where a capped walk stopped). */
export function leading(graph: TraceGraph, frontier: readonly string[], direction: Direction, restricted: ReadonlySet<string>, seen: ReadonlySet<string>): string[] {
  return frontier.filter((n) => graph.steps(n, direction, restricted.has(n)).some((s) => !seen.has(s.to)));
}
