// The identities a trace reaches, computed by one recursive SQL statement over the epcis index tables, following
// the rules of graph.ts (its in-memory walk is this query's test oracle). The statement is the function
// trace.reach (migrations/0002_reach_function.sql, where the walk is explained), so that PostgreSQL plans it once
// per connection: sent as text, its parsing and planning cost five times its execution.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import { eventsOf, eventsStatement, namingStatement, type EventRow } from './event-reads.ts';
import type { Direction, Limits, TraceEvent } from './graph.ts';
import type { TraceScope } from './scope.ts';

/** Roles of epcis.event_epcs / event_quantities (epcis migrations/0001_epcis.sql), as trace.reach writes them (the oracle tests would fail on a mismatch). */
export const ROLE = { object: 1, child: 2, input: 3, output: 4, parent: 5 } as const;

export interface ReachLevels {
  readonly levels: string[][];
  readonly restricted: Set<string>;
  /** The level after the depth cap was not empty: something lies beyond. */
  readonly beyondDepth: boolean;
  /** The last level was not opened because the size cap was reached. */
  readonly stoppedBySize: boolean;
}

export interface ReachQuery extends Limits {
  readonly starts: readonly string[];
  readonly directions: readonly Direction[];
  readonly scope: TraceScope;
}

/** The reader's scope as the arguments of trace.reach (scopeSql's condition, written in the function). */
function scopeArguments(scope: TraceScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`'all', null::uuid[], null::uuid, null::text[], null::text, null::text`;
    case 'organizations':
      return sql`'organizations', ${sql.param([...scope.organizationIds])}::uuid[], null::uuid, null::text[], null::text, null::text`;
    case 'organization':
      return sql`'organization', null::uuid[], ${scope.organizationId}::uuid, ${sql.param([...scope.partyUris])}::text[], ${scope.gln}::text, ${scope.companyPrefix}::text`;
  }
}

/** The walk's statement: a call of trace.reach (exported for the benchmark, which runs it raw beside the service). */
export function reachStatement(q: ReachQuery): SQL {
  const starts = [...new Set(q.starts)];
  const dirs = q.directions.map((d) => (d === 'forward' ? 'f' : 'b'));
  return sql`select walk_dir as dir, walk_depth as depth, walk_frontier as frontier, walk_restricted as restricted
    from trace.reach(${sql.param(starts)}::text[], ${sql.param(dirs)}::text[], ${q.maxDepth}::integer, ${q.maxNodes}::integer, ${scopeArguments(q.scope)})`;
}

interface LevelRow {
  dir: 'f' | 'b';
  depth: number;
  frontier: string[] | null;
  restricted: string[];
}

/** Runs the walk; one entry per direction asked. */
export async function reach(db: Orm, q: ReachQuery): Promise<Map<Direction, ReachLevels>> {
  if (!q.starts.length || !q.directions.length) return new Map();
  return levelsOf(await rows<LevelRow>(db, reachStatement(q)), q);
}

/**
 * The walk and the events behind it in one statement (one round trip): the events naming any identity reached
 * (the starts and every level within the depth cap, as computeTrace reads them), as eventsNaming reads them.
 */
export async function reachWithEvents(db: Orm, q: ReachQuery, maxEvents: number): Promise<{ reached: Map<Direction, ReachLevels>; events: TraceEvent[]; capped: boolean }> {
  if (!q.starts.length || !q.directions.length) return { reached: new Map(), events: [], capped: false };
  const reachedIds = sql`array(select distinct x from walk cross join unnest(walk.frontier) x where walk.depth <= ${q.maxDepth}::integer)`;
  const result = await rows<LevelRow & EventRow & { part: number; ord: number | null }>(db, sql`
    with walk as materialized (${reachStatement(q)})
    select 0 as part, dir, depth, frontier, restricted, null::bigint as seq, null::text as event_id, null::uuid as organization_id,
      null::timestamptz as event_time, null::jsonb as body, null::bigint as ord
    from walk
    union all
    select 1, null, null, null, null, ev.seq, ev.event_id, ev.organization_id, ev.event_time, ev.body, ev.ord
    from (${eventsStatement(namingStatement(reachedIds), q.scope, maxEvents)}) ev`);
  const levels = result.filter((r) => r.part === 0);
  const found = result.filter((r) => r.part === 1).sort((x, y) => Number(x.ord) - Number(y.ord));
  return { reached: levelsOf(levels, q), ...eventsOf(found, maxEvents) };
}

function levelsOf(result: readonly LevelRow[], q: ReachQuery): Map<Direction, ReachLevels> {
  const out = new Map<Direction, ReachLevels>();
  for (const d of q.directions) {
    const mine = result.filter((r) => r.dir === (d === 'forward' ? 'f' : 'b')).sort((a, b) => a.depth - b.depth);
    const levels: string[][] = [];
    const restricted = new Set<string>();
    let beyondDepth = false;
    for (const r of mine) {
      const frontier = r.frontier ?? [];
      if (r.depth > q.maxDepth) {
        beyondDepth = frontier.length > 0;
        continue;
      }
      if (!frontier.length) break;
      levels.push(frontier);
      for (const x of r.restricted) restricted.add(x);
    }
    const last = mine[mine.length - 1];
    const stoppedBySize = last !== undefined && last.depth < q.maxDepth && (last.frontier?.length ?? 0) > 0;
    out.set(d, { levels, restricted, beyondDepth, stoppedBySize });
  }
  return out;
}
