// Runs an EPCIS query (EPCIS 2.0 §8.2.7.1 SimpleEventQuery) over the stored events within a reader's scope, one
// page at a time (REST binding perPage / nextPageToken). Pages are keyset pages over the order the query asks for
// (capture order when it asks none), every page of one query reading the same snapshot of the repository: the
// first page keeps the database snapshot in its token and later pages see exactly the events committed before
// it (pg_visible_in_snapshot on the capturing transaction), however concurrent captures commit.
import { sql, type SQL } from 'drizzle-orm';
import { decodePageToken, encodePageToken, matchesQuery, queryFingerprint, type EpcisEvent, type EventQuery, type FieldName } from '@txng/epcis';
import { rows, type Orm } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { scopeCondition, type ReadScope } from '../access/policy.ts';
import { EpcisErrors } from '../messages.ts';
import { loadMasterData, type MasterData, type MasterDataScope } from '../store/master-data.ts';
import { needsMasterData, translateFilters } from './sql-filters.ts';

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1000;
/** Candidate rows examined per request when residual filters reject many (the page may then be short). */
const MAX_EXAMINED = 20_000;

export interface StoredEvent {
  readonly seq: number;
  readonly organizationId: string;
  readonly event: EpcisEvent;
}

export interface QueryPage {
  readonly events: readonly StoredEvent[];
  readonly nextPageToken?: string;
}

interface Position {
  readonly seq: number;
  /** Order key of the last row: ms of eventTime/recordTime, an extension field's number or text, or null. */
  readonly key: number | string | null;
}

interface TokenState {
  readonly position: Position;
  readonly snapshot: string;
  readonly emitted: number;
}

interface Row {
  seq: number;
  organization_id: string;
  body: EpcisEvent;
  k_num: number | null;
  k_text: string | null;
  snap: string;
}

type Order = { kind: 'seq' } | { kind: 'time'; column: 'event_time' | 'record_time'; desc: boolean } | { kind: 'field'; field: FieldName; desc: boolean };

function orderOf(query: EventQuery): Order {
  const desc = query.orderDirection !== 'ASC';
  if (query.orderBy === undefined) return { kind: 'seq' };
  if (query.orderBy === 'eventTime') return { kind: 'time', column: 'event_time', desc };
  if (query.orderBy === 'recordTime') return { kind: 'time', column: 'record_time', desc };
  return { kind: 'field', field: query.orderBy, desc };
}

function keyColumns(order: Order): SQL {
  switch (order.kind) {
    case 'seq': return sql`null::float8 as k_num, null::text as k_text`;
    case 'time': return sql`(extract(epoch from e.${sql.raw(order.column)}) * 1000)::float8 as k_num, null::text as k_text`;
    case 'field': return sql`o.sort_num as k_num, o.sort_text as k_text`;
  }
}

function orderBy(order: Order): SQL {
  const dir = sql.raw(order.kind !== 'seq' && order.desc ? 'desc' : 'asc');
  switch (order.kind) {
    case 'seq': return sql`e.seq asc`;
    case 'time': return sql`e.${sql.raw(order.column)} ${dir}, e.seq ${dir}`;
    case 'field': return sql`(o.sort_num is null and o.sort_text is null) asc, o.sort_num ${dir} nulls last, o.sort_text ${dir} nulls last, e.seq ${dir}`;
  }
}

/** Rows strictly after `p` in the query's order. */
function after(order: Order, p: Position): SQL {
  const gt = sql.raw(order.kind !== 'seq' && order.desc ? '<' : '>');
  switch (order.kind) {
    case 'seq': return sql`e.seq > ${p.seq}`;
    case 'time': return sql`(e.${sql.raw(order.column)}, e.seq) ${gt} (${new Date(p.key as number).toISOString()}::timestamptz, ${p.seq}::bigint)`;
    case 'field': {
      const missing = sql`(o.sort_num is null and o.sort_text is null)`;
      if (p.key === null) return sql`(${missing} and e.seq ${gt} ${p.seq})`;
      if (typeof p.key === 'number') {
        return sql`(${missing} or o.sort_num is null or o.sort_num ${gt} ${p.key} or (o.sort_num = ${p.key} and e.seq ${gt} ${p.seq}))`;
      }
      return sql`(${missing} or (o.sort_num is null and (o.sort_text ${gt} ${p.key} or (o.sort_text = ${p.key} and e.seq ${gt} ${p.seq}))))`;
    }
  }
}

function encode(query: EventQuery, state: TokenState): string {
  return encodePageToken({ key: state.position.key, id: JSON.stringify([state.position.seq, state.snapshot, state.emitted]), fingerprint: queryFingerprint(query) });
}

function decode(query: EventQuery, token: string): TokenState {
  const cursor = decodePageToken(token, query);
  const bad = () => new AppError('invalid', EpcisErrors.EPCIS_PAGE_TOKEN_INVALID, {}, [{ in: 'query', pointer: 'nextPageToken', code: EpcisErrors.EPCIS_PAGE_TOKEN_INVALID } as FieldProblem]);
  if (!cursor) throw bad();
  let parts: unknown;
  try {
    parts = JSON.parse(cursor.id);
  } catch {
    throw bad();
  }
  if (!Array.isArray(parts) || parts.length !== 3) throw bad();
  const [seq, snapshot, emitted] = parts as unknown[];
  if (!Number.isSafeInteger(seq) || typeof snapshot !== 'string' || !/^\d+:\d+:[\d,]*$/.test(snapshot) || !Number.isSafeInteger(emitted)) throw bad();
  return { position: { seq: seq as number, key: cursor.key }, snapshot, emitted: emitted as number };
}

export interface QueryOptions {
  readonly perPage?: number;
  /** Whose master data answers WD_/HASATTR_/EQ_ATTR_ (null: everyone's). */
  readonly masterData: MasterDataScope;
}

export async function runQuery(db: Orm, scope: ReadScope, query: EventQuery, options: QueryOptions): Promise<QueryPage> {
  const md: MasterData | undefined = needsMasterData(query) ? await loadMasterData(db, options.masterData) : undefined;
  const { conditions, residual } = translateFilters(query, md);
  const order = orderOf(query);
  const state = query.nextPageToken ? decode(query, query.nextPageToken) : undefined;
  const emitted = state?.emitted ?? 0;
  const remaining = query.eventCountLimit === undefined ? Infinity : query.eventCountLimit - emitted;
  const perPage = Math.min(query.perPage ?? options.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE, remaining);
  if (perPage <= 0) return { events: [] };
  const base: SQL[] = [scopeCondition(scope), ...conditions];
  const visible = (snapshot: string | undefined) => sql`pg_visible_in_snapshot(e.txid, ${snapshot === undefined ? sql`pg_current_snapshot()` : sql`${snapshot}::pg_snapshot`})`;
  const from = order.kind === 'field'
    ? sql`epcis.events e left join lateral (select f.sort_num, f.sort_text from epcis.event_fields f where f.seq = e.seq and f.scope = 1 and f.top
        and f.ns = ${order.field.ns} and f.name = ${order.field.name} order by f.pos limit 1) o on true`
    : sql`epcis.events e`;

  if (!state && query.maxEventCount !== undefined) {
    const count = await countMatches(db, from, [...base, visible(undefined)], residual, md, query.maxEventCount + 1);
    if (count > query.maxEventCount) throw new AppError('too_large', EpcisErrors.EPCIS_QUERY_TOO_LARGE, { count: `> ${query.maxEventCount}`, max: query.maxEventCount });
  }

  const out: StoredEvent[] = [];
  // `position` is the last row consumed (returned, or rejected by a residual filter): the next page starts after it.
  let position = state?.position;
  let snapshot = state?.snapshot;
  let examined = 0;
  let more = false;
  const batch = residual.length ? Math.max(perPage * 4, 200) : perPage + 1;
  while (!more) {
    const where = [...base, visible(snapshot), ...(position ? [after(order, position)] : [])];
    const found = await rows<Row>(db, sql`
      select e.seq, e.organization_id, e.body, ${keyColumns(order)}, pg_current_snapshot()::text as snap
      from ${from} where ${sql.join(where, sql` and `)} order by ${orderBy(order)} limit ${batch}`);
    snapshot ??= found[0]?.snap;
    for (const r of found) {
      if (out.length === perPage) {
        more = true;
        break;
      }
      examined++;
      position = { seq: Number(r.seq), key: order.kind === 'time' ? Number(r.k_num) : order.kind === 'field' ? (r.k_num ?? r.k_text) : null };
      if (!residual.length || matchesQuery(r.body, { filters: residual }, md)) out.push({ seq: Number(r.seq), organizationId: r.organization_id, event: r.body });
    }
    if (more || found.length < batch) break;
    if (examined >= MAX_EXAMINED) more = true;
  }
  if (!more || !position || emitted + out.length >= (query.eventCountLimit ?? Infinity)) return { events: out };
  return { events: out, nextPageToken: encode(query, { position, snapshot: snapshot ?? '', emitted: emitted + out.length }) };
}

async function countMatches(db: Orm, from: SQL, where: SQL[], residual: EventQuery['filters'], md: MasterData | undefined, limit: number): Promise<number> {
  if (!residual.length) {
    const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${from} where ${sql.join(where, sql` and `)} limit ${limit}) c`);
    return Number(r?.n ?? 0);
  }
  let n = 0;
  let last = 0;
  for (;;) {
    const found = await rows<{ seq: number; body: EpcisEvent }>(db, sql`
      select e.seq, e.body from ${from} where ${sql.join([...where, sql`e.seq > ${last}`], sql` and `)} order by e.seq limit 1000`);
    for (const r of found) if (matchesQuery(r.body, { filters: residual }, md) && ++n >= limit) return n;
    if (found.length < 1000) return n;
    last = Number(found[found.length - 1]!.seq);
  }
}
