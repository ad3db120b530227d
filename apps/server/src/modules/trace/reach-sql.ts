// The identities a trace reaches, computed in one recursive SQL statement over the epcis index tables, following
// the rules of graph.ts (its in-memory walk is this query's test oracle).
//
// The walk is level-synchronous: each row of the recursive CTE is one whole level (its frontier), carrying the
// visited set as a jsonb object used as a hash set (`?` is a binary search over its sorted keys). So every
// identity is visited once, at its least depth, cycles end, and the work is linear in what is reached; a plain
// recursive CTE with UNION would keep one row per path, exponential on the split-and-merge shapes of real chains.
// The walk stops at `maxDepth` (one more level is computed, only to tell whether the cap cut anything) or once
// `maxNodes` identities are reached; callers report either as truncation, never silently.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import type { Direction, Limits } from './graph.ts';
import { scopeSql, type TraceScope } from './scope.ts';

/** Roles of epcis.event_epcs / event_quantities (epcis migrations/0001_epcis.sql; the oracle tests would fail on a mismatch). */
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

/** The recursive statement (exported for the benchmark, which runs it raw beside the service). */
export function reachStatement(q: ReachQuery): SQL {
  const dirs = q.directions.map((d) => (d === 'forward' ? 'f' : 'b'));
  const ok = (alias: string) => sql`${scopeSql(q.scope, alias)} and ${sql.raw(alias)}.seq not in (select seq from bad)`;
  // Role codes are constants of the schema: written into the statement, so the planner sees them.
  const r = (n: number) => sql.raw(String(n));
  const fromRole = sql`case when w.dir = 'f' then ${r(ROLE.input)} else ${r(ROLE.output)} end`;
  const toRole = sql`case when w.dir = 'f' then ${r(ROLE.output)} else ${r(ROLE.input)} end`;
  return sql`
    with recursive
    occ as not materialized (
      select seq, role, epc as id from epcis.event_epcs
      union all
      select seq, role, epc_class as id from epcis.event_quantities
    ),
    bad as materialized (
      select d.seq from epcis.events d where d.declaration_time is not null
      union all
      select i.seq from epcis.events d join epcis.event_ids i on i.event_id = d.event_id and not i.declaration where d.declaration_time is not null
    ),
    walk(dir, depth, frontier, restricted, seen, n) as (
      select d, 0, ${sql.param([...new Set(q.starts)])}::text[] collate "C", '{}'::jsonb,
        (select jsonb_object_agg(s, 0) from unnest(${sql.param([...new Set(q.starts)])}::text[]) s), ${r(new Set(q.starts).size)}
      from unnest(${sql.param(dirs)}::text[]) d
      union all
      select w.dir, w.depth + 1, nx.ids, coalesce(nx.rids, '{}'::jsonb), w.seen || coalesce(nx.added, '{}'::jsonb), w.n + coalesce(cardinality(nx.ids), 0)
      from walk w
      cross join lateral (
        select array_agg(c.id) as ids, jsonb_object_agg(c.id, 0) filter (where c.r) as rids, jsonb_object_agg(c.id, w.depth + 1) as added
        from (
          select s.id, bool_and(s.r) as r
          from (
            select o.id, false as r
            from occ i
            join epcis.events e on e.seq = i.seq
            join occ o on o.seq = i.seq and o.role = ${toRole}
            where i.id = any(w.frontier) and i.role = ${fromRole} and ${ok('e')}
            union all
            select o.id, false
            from occ i
            join epcis.events e on e.seq = i.seq
            join epcis.events e2 on e2.transformation_id = e.transformation_id and e2.seq <> e.seq
            join occ o on o.seq = e2.seq and o.role = ${toRole}
            where i.id = any(w.frontier) and i.role = ${fromRole} and e.transformation_id is not null and ${ok('e')} and ${ok('e2')}
            union all
            select p.epc, true
            from occ c
            join epcis.events e on e.seq = c.seq
            join epcis.event_epcs p on p.seq = c.seq and p.role = ${r(ROLE.parent)}
            where c.id = any(w.frontier) and c.role in (${r(ROLE.object)}, ${r(ROLE.child)}) and (w.dir = 'b' or e.action is distinct from 'DELETE') and ${ok('e')}
            union all
            select c.id, false
            from epcis.event_epcs p
            join epcis.events e on e.seq = p.seq
            join occ c on c.seq = p.seq and c.role in (${r(ROLE.object)}, ${r(ROLE.child)})
            where p.epc = any(w.frontier) and p.role = ${r(ROLE.parent)} and not (w.restricted ? p.epc) and ${ok('e')}
          ) s
          where not (w.seen ? s.id)
          group by s.id
        ) c
      ) nx
      where cardinality(w.frontier) > 0 and w.depth <= ${r(q.maxDepth)} and (w.depth = ${r(q.maxDepth)} or w.n < ${r(q.maxNodes)})
    )
    select dir, depth, frontier, (select coalesce(array_agg(k), '{}') from jsonb_object_keys(restricted) k) as restricted from walk order by dir, depth`;
}

/** Runs the walk; one entry per direction asked. */
export async function reach(db: Orm, q: ReachQuery): Promise<Map<Direction, ReachLevels>> {
  const out = new Map<Direction, ReachLevels>();
  if (!q.starts.length || !q.directions.length) return out;
  const result = await rows<{ dir: 'f' | 'b'; depth: number; frontier: string[] | null; restricted: string[] }>(db, reachStatement(q));
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
