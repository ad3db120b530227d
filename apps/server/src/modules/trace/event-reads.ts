// The events behind a computed trace, read in one statement from the epcis tables within the reader's scope:
// every event naming a reached identity, and the other events of their transformations (a transformationID
// joins events, EPCIS 2.0 §7.4.6). Events declared erroneous (§7.4.1.2) and the declarations are left out, as
// the walk leaves them out. At most `limit` events; `capped` says when there were more.
import type { EpcisEvent } from '@txng/epcis';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import type { TraceEvent } from './graph.ts';
import { scopeSql, type TraceScope } from './scope.ts';

const BAD = sql`bad as materialized (
  select d.seq from epcis.events d where d.declaration_time is not null
  union all
  select i.seq from epcis.events d join epcis.event_ids i on i.event_id = d.event_id and not i.declaration where d.declaration_time is not null
)`;

export interface EventRow {
  seq: number;
  event_id: string;
  organization_id: string;
  event_time: Date | string;
  body: EpcisEvent;
}

export const toEvent = (r: EventRow): TraceEvent => ({ seq: Number(r.seq), eventId: r.event_id, organizationId: r.organization_id, eventTime: new Date(r.event_time), event: r.body });

/**
 * The events whose sequence numbers `named` selects, with the other events of their transformations, within the
 * scope, in time order, at most `limit + 1` (one more than may be used, to tell that there were more); `ord` is
 * their rank in that order.
 */
export function eventsStatement(named: SQL, scope: TraceScope, limit: number): SQL {
  // The named events' sequence numbers are gathered into an array first (an InitPlan): the planner then probes
  // the primary key for them. Joined as a set, it had to guess how many events thousands of identities name (a
  // recall's 10,000 items: tens of thousands guessed, a few hundred found) and read all of epcis.events twice.
  return sql`
    with ${BAD},
    base as (
      select e.seq, e.transformation_id from epcis.events e
      where e.seq = any(array(select distinct n.seq from (${named}) n)) and ${scopeSql(scope, 'e')} and e.seq not in (select seq from bad)
    ),
    grp as (
      select e.seq from epcis.events e
      where e.transformation_id in (select transformation_id from base where transformation_id is not null)
        and ${scopeSql(scope, 'e')} and e.seq not in (select seq from bad)
    )
    select e.seq, e.event_id, e.organization_id, e.event_time, e.body, row_number() over (order by e.event_time, e.seq) as ord from epcis.events e
    where e.seq in (select seq from base union select seq from grp)
    order by e.event_time, e.seq
    limit ${limit + 1}`;
}

/** The events of a read in time order, at most `limit`; `capped` when there were more. */
export function eventsOf(found: readonly EventRow[], limit: number): { events: TraceEvent[]; capped: boolean } {
  return { events: found.slice(0, limit).map(toEvent), capped: found.length > limit };
}

async function select(db: Orm, named: SQL, scope: TraceScope, limit: number): Promise<{ events: TraceEvent[]; capped: boolean }> {
  return eventsOf(await rows<EventRow>(db, eventsStatement(named, scope, limit)), limit);
}

/**
 * Sequence numbers of the events naming the identities of `ids` (an expression of type text[]).
 * One index probe per identity (`offset 0` keeps the lateral subquery a per-identity loop): given thousands of
 * identities in one `= any(...)`, the planner prices as many probes above reading both tables whole.
 */
export function namingStatement(ids: SQL): SQL {
  return sql`
    select o.seq from unnest(${ids}) as x(id)
    cross join lateral (
      select seq from epcis.event_epcs where epc = x.id
      union all
      select seq from epcis.event_quantities where epc_class = x.id
      offset 0
    ) o`;
}

/** Events naming any of `ids` (canonical), in time order. */
export function eventsNaming(db: Orm, ids: readonly string[], scope: TraceScope, limit: number): Promise<{ events: TraceEvent[]; capped: boolean }> {
  if (!ids.length) return Promise.resolve({ events: [], capped: false });
  return select(db, namingStatement(sql`${sql.param([...ids])}::text[]`), scope, limit);
}

/**
 * Events that happened at a location: its read point or business location is the place, or (for a GLN without
 * extension) any sub-location of it (AI 254). Used to start the trace of a place.
 */
export function eventsAtPlace(db: Orm, place: string, withSubLocations: boolean, scope: TraceScope, limit: number): Promise<{ events: TraceEvent[]; capped: boolean }> {
  const below = `${place}/254/`;
  const at = withSubLocations
    ? sql`select seq from epcis.events where biz_location = ${place} or read_point = ${place}
          or (biz_location >= ${below} and biz_location < ${`${below}\uffff`}) or (read_point >= ${below} and read_point < ${`${below}\uffff`})`
    : sql`select seq from epcis.events where biz_location = ${place} or read_point = ${place}`;
  return select(db, at, scope, limit);
}

/** The organisation that recorded the earliest event naming an identity (who made it, absent a catalog record). */
export async function firstRecorder(db: Orm, id: string): Promise<string | null> {
  const [r] = await rows<{ organization_id: string }>(db, sql`
    select e.organization_id from epcis.events e
    where e.seq in (select seq from epcis.event_epcs where epc = ${id} union select seq from epcis.event_quantities where epc_class = ${id})
      and e.declaration_time is null
    order by e.event_time, e.seq limit 1`);
  return r?.organization_id ?? null;
}
