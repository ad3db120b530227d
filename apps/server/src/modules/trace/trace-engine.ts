// A trace computed: the recursive walk in SQL (reach-sql.ts) and, in the same statement, the read of the events
// behind it (event-reads.ts), then the graph rules in memory (graph.ts) over those events for the edges and for an exact
// account of where a cap cut the walk. Nothing is dropped silently: every cap that was hit is in `truncations`.
import type { Orm } from '../../platform/db/database.ts';
import { leading, TraceGraph, type Direction, type Step, type TraceEvent } from './graph.ts';
import { reachWithEvents } from './reach-sql.ts';
import type { TraceScope } from './scope.ts';

export interface TraceLimits {
  readonly maxDepth: number;
  readonly maxNodes: number;
  readonly maxEvents: number;
}

export type TruncationReason = 'depth' | 'size' | 'events' | 'start';

export interface Truncation {
  readonly reason: TruncationReason;
  readonly direction: Direction | null;
  readonly limit: number;
  /** Identities whose further neighbours were not followed (for `events`: none can be named). */
  readonly at: readonly string[];
}

export interface DirectedWalk {
  /** Depth of every reached identity (the starts at 0). */
  readonly depth: ReadonlyMap<string, number>;
  readonly restricted: ReadonlySet<string>;
  /** Steps between reached identities, in the walk's direction. */
  readonly steps: readonly Step[];
}

export interface ComputedTrace {
  readonly starts: readonly string[];
  readonly walks: ReadonlyMap<Direction, DirectedWalk>;
  readonly events: readonly TraceEvent[];
  readonly graph: TraceGraph;
  readonly truncations: readonly Truncation[];
}

export async function computeTrace(db: Orm, scope: TraceScope, starts: readonly string[], directions: readonly Direction[], limits: TraceLimits): Promise<ComputedTrace> {
  // The walk and the events naming what it reached come back from one statement.
  const { reached, ...fetched } = await reachWithEvents(db, { starts, directions, scope, maxDepth: limits.maxDepth, maxNodes: limits.maxNodes }, limits.maxEvents);
  const graph = new TraceGraph(fetched.events);
  const truncations: Truncation[] = [];
  if (fetched.capped) truncations.push({ reason: 'events', direction: null, limit: limits.maxEvents, at: [] });
  const walks = new Map<Direction, DirectedWalk>();
  for (const [direction, r] of reached) {
    const depth = new Map<string, number>();
    r.levels.forEach((level, d) => level.forEach((id) => depth.set(id, d)));
    const seen = new Set(depth.keys());
    const steps: Step[] = [];
    for (const id of seen) for (const s of graph.steps(id, direction, r.restricted.has(id))) if (seen.has(s.to)) steps.push(s);
    walks.set(direction, { depth, restricted: r.restricted, steps });
    const last = r.levels[r.levels.length - 1] ?? [];
    if (r.beyondDepth) {
      // The SQL saw a level beyond the cap, so something was cut even if the events read cannot say where.
      const at = leadingOrAll(graph, last, direction, r.restricted, seen, fetched.capped);
      truncations.push({ reason: 'depth', direction, limit: limits.maxDepth, at: at.length ? at : [...last] });
    } else if (r.stoppedBySize) {
      // The size cap stopped the walk before this level was opened; it is a truncation only if it leads on.
      const at = leadingOrAll(graph, last, direction, r.restricted, seen, fetched.capped);
      if (at.length) truncations.push({ reason: 'size', direction, limit: limits.maxNodes, at });
    }
  }
  return { starts, walks, events: graph.events, graph, truncations };
}

/** Where a capped walk stopped: the frontier identities that lead on (all of them when the events were capped). */
function leadingOrAll(graph: TraceGraph, frontier: readonly string[], direction: Direction, restricted: ReadonlySet<string>, seen: ReadonlySet<string>, eventsCapped: boolean): string[] {
  if (eventsCapped) return [...frontier];
  return leading(graph, frontier, direction, restricted, seen);
}
