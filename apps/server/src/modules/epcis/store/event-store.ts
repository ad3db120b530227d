// Writing events. Contract: `storeEvents` runs inside the caller's transaction and either writes every event it
// reports `stored` (event row, index rows, event-id registry, ledger entry, stream-subscription deliveries) or,
// when the transaction rolls back, nothing. Events are immutable: an event ID already stored is never
// rewritten; the same event again (equal CBV 2.0 hash) is a no-op, another event under that ID a conflict.
// An error declaration of an event (EPCIS 2.0 §7.4.1.2) is kept beside it under the same event ID.
// Safe under concurrent captures of the same event: the registry's primary key serialises them.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { EpcisEvent } from '@txng/epcis';
import { rows, type Orm } from '../../../platform/db/database.ts';
import { canonicalJson } from '../../../platform/ledger/canonical-json.ts';
import { insertColumns, type ColumnSpec } from './bulk-insert.ts';
import { transactionClient } from '../../../platform/db/transaction-client.ts';
import { columnsCopy, copyInto, eventsCopy } from './copy-rows.ts';
import { ChunkRows } from './event-rows.ts';
import { recordEventsInLedger } from './ledger-batch.ts';
import { repeatedOccurrences } from './occurrence.ts';

export interface EventToStore {
  readonly event: EpcisEvent;
  /** The CBV 2.0 event hash ID, `ni:///sha-256;<hex>?ver=CBV2.0`. */
  readonly hashId: string;
}

export type StoreOutcome =
  | { readonly status: 'stored'; readonly seq: number; readonly eventId: string; readonly event: EpcisEvent }
  | { readonly status: 'duplicate'; readonly eventId: string }
  | { readonly status: 'conflict'; readonly eventId: string };

export interface StoreContext {
  readonly organizationId: string;
  readonly captureId: string | null;
  /** The repository's record time for every event of this call (EPCIS 2.0 §7.4.1 recordTime). */
  readonly recordTime: Date;
}

/** Called with the events a call newly stored, inside the same transaction (stream subscriptions). */
export type StoredListener = (tx: Orm, stored: readonly Extract<StoreOutcome, { status: 'stored' }>[], ctx: StoreContext) => Promise<void>;

/** The index tables and their columns, as ChunkRows collects them (also used by bench/epcis to COPY the same rows). */
export const INDEX_TABLES: readonly { table: string; key: keyof Omit<ChunkRows, 'events' | 'count' | 'add'>; columns: readonly ColumnSpec[] }[] = [
  { table: 'epcis.event_epcs', key: 'epcs', columns: [{ name: 'seq', type: 'bigint' }, { name: 'role', type: 'smallint' }, { name: 'epc', type: 'text' }] },
  {
    table: 'epcis.event_quantities', key: 'quantities',
    columns: [{ name: 'seq', type: 'bigint' }, { name: 'role', type: 'smallint' }, { name: 'epc_class', type: 'text' }, { name: 'quantity', type: 'float8' }, { name: 'uom', type: 'text' }],
  },
  {
    table: 'epcis.event_parties', key: 'parties',
    columns: [{ name: 'seq', type: 'bigint' }, { name: 'role', type: 'smallint' }, { name: 'type', type: 'text' }, { name: 'party', type: 'text' }, { name: 'gln', type: 'text' }],
  },
  { table: 'epcis.event_biz_transactions', key: 'bizTransactions', columns: [{ name: 'seq', type: 'bigint' }, { name: 'type', type: 'text' }, { name: 'biz_transaction', type: 'text' }] },
  { table: 'epcis.event_corrections', key: 'corrections', columns: [{ name: 'seq', type: 'bigint' }, { name: 'corrective_event_id', type: 'text' }] },
  {
    table: 'epcis.event_fields', key: 'fields',
    columns: [
      { name: 'seq', type: 'bigint' }, { name: 'scope', type: 'smallint' }, { name: 'top', type: 'boolean' }, { name: 'pos', type: 'integer' },
      { name: 'ns', type: 'text' }, { name: 'name', type: 'text' }, { name: 'text_value', type: 'text' }, { name: 'num_value', type: 'float8' },
      { name: 'time_value', type: 'timestamptz' }, { name: 'sort_num', type: 'float8' }, { name: 'sort_text', type: 'text' },
    ],
  },
  {
    table: 'epcis.event_sensor_values', key: 'sensors',
    columns: [
      { name: 'seq', type: 'bigint' }, { name: 'field', type: 'text' }, { name: 'text_value', type: 'text' }, { name: 'num_value', type: 'float8' },
      { name: 'uom', type: 'text' }, { name: 'time_value', type: 'timestamptz' },
    ],
  },
];

const HASH_ID = /^ni:\/\/\/sha-256;([0-9a-f]{64})\?ver=CBV2\.0$/;

/** The lowercase hex SHA-256 inside a CBV 2.0 event hash ID. */
export function hashHex(hashId: string): string {
  const m = HASH_ID.exec(hashId);
  if (!m) throw new TypeError(`not a CBV 2.0 event hash ID: ${hashId}`);
  return m[1]!;
}

/** The event as stored: its ID (the hash ID when it had none) and the repository's record time. */
export function storedForm(event: EpcisEvent, hashId: string, recordTime: Date): EpcisEvent {
  return { ...event, eventID: event.eventID ?? hashId, recordTime: recordTime.toISOString() };
}

/**
 * What identifies a stored record under its eventID: the CBV 2.0 hash for the event itself; for an error
 * declaration (which the hash leaves out) a digest of the hash and of the declaration's canonical JSON, so that
 * capturing the same declaration again is a no-op and a different one a conflict.
 */
export function recordDigest(event: EpcisEvent, hex: string): string {
  if (!event.errorDeclaration) return hex;
  const spelling = (v: unknown): unknown => (Array.isArray(v) ? v.map(spelling) : typeof v === 'object' && v !== null
    ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'prefix').map(([k, x]) => [k, spelling(x)])) : v);
  return createHash('sha256').update(`${hex}\n${canonicalJson(spelling(event.errorDeclaration))}`).digest('hex');
}

export async function storeEvents(tx: Orm, items: readonly EventToStore[], ctx: StoreContext, onStored?: StoredListener): Promise<StoreOutcome[]> {
  if (items.length === 0) return [];
  // Hash-identified events that repeat a stored one in another time zone are repeats (occurrence.ts).
  const repeats = await repeatedOccurrences(tx, items.map((it) => (it.event.eventID === undefined && !it.event.errorDeclaration ? it.event : undefined)));
  if (repeats.size) {
    const rest = items.filter((_, i) => !repeats.has(i));
    const stored = await storeEvents(tx, rest, ctx, onStored);
    let j = 0;
    return items.map((it, i): StoreOutcome => (repeats.has(i) ? { status: 'duplicate', eventId: it.hashId } : stored[j++]!));
  }
  const prepared = items.map((it) => {
    const event = storedForm(it.event, it.hashId, ctx.recordTime);
    const digest = recordDigest(event, hashHex(it.hashId));
    return { event, digest, declaration: event.errorDeclaration !== undefined, key: `${event.eventID!}\u0000${event.errorDeclaration ? 1 : 0}` };
  });
  const seqs = (await rows<{ s: number }>(tx, sql`select nextval('epcis.event_seq')::bigint as s from generate_series(1, ${items.length})`)).map((r) => Number(r.s));
  const registering = rows<{ event_id: string; declaration: boolean }>(tx, sql`
    insert into epcis.event_ids (event_id, declaration, seq, hash)
    select id, d, s, decode(h, 'hex') from unnest(${sql.param(prepared.map((p) => p.event.eventID))}::text[], ${sql.param(prepared.map((p) => p.declaration))}::boolean[],
      ${sql.param(seqs)}::bigint[], ${sql.param(prepared.map((p) => p.digest))}::text[]) as u(id, d, s, h)
    on conflict (event_id, declaration) do nothing
    returning event_id, declaration`);
  registering.catch(() => {}); // awaited below; a failure must not count as unhandled while the rows are built
  // While the database registers the IDs, the index rows are built for every event (almost always all of them are
  // new; when some are not, the rows are built again for the new ones only). setImmediate lets the statement go out
  // before this synchronous work starts.
  await new Promise((resolve) => setImmediate(resolve));
  const rowsFor = (keep: (i: number) => boolean) => {
    const chunk = new ChunkRows();
    prepared.forEach((p, i) => {
      if (keep(i)) chunk.add(seqs[i]!, p.event, JSON.stringify(p.event));
    });
    return chunk;
  };
  let chunk = rowsFor(() => true);
  const inserted = await registering;
  const fresh = new Set(inserted.map((r) => `${r.event_id}\u0000${r.declaration ? 1 : 0}`));
  const outcomes: StoreOutcome[] = new Array(items.length);
  const pending: number[] = [];
  const claimed = new Set<string>();
  const ledger: { id: string; sha256: string }[] = [];
  prepared.forEach((p, i) => {
    const id = p.event.eventID!;
    if (fresh.has(p.key) && !claimed.has(p.key)) {
      claimed.add(p.key);
      outcomes[i] = { status: 'stored', seq: seqs[i]!, eventId: id, event: p.event };
      ledger.push({ id, sha256: p.digest });
    } else pending.push(i);
  });
  if (pending.length) chunk = rowsFor((i) => outcomes[i] !== undefined);
  if (pending.length) {
    const known = await rows<{ event_id: string; declaration: boolean; hash: string }>(tx, sql`
      select event_id, declaration, encode(hash, 'hex') as hash from epcis.event_ids
      where event_id = any(${sql.param(pending.map((i) => prepared[i]!.event.eventID))}::text[])`);
    const digestOf = new Map(known.map((k) => [`${k.event_id}\u0000${k.declaration ? 1 : 0}`, k.hash]));
    for (const i of pending) {
      const p = prepared[i]!;
      outcomes[i] = { status: digestOf.get(p.key) === p.digest ? 'duplicate' : 'conflict', eventId: p.event.eventID! };
    }
  }
  if (chunk.count === 0) return outcomes;
  await insertEvents(tx, chunk, ctx);
  // Every stored record enters the transparency ledger in this transaction (ledger-entry.ts: leaf = kind, id,
  // sha256): the CBV 2.0 event hash, or for an error declaration the digest above (the hash leaves it out).
  await recordEventsInLedger(tx, ledger, ctx.organizationId);
  const stored = outcomes.filter((o): o is Extract<StoreOutcome, { status: 'stored' }> => o.status === 'stored');
  await onStored?.(tx, stored, ctx);
  return outcomes;
}

async function insertEvents(tx: Orm, chunk: ChunkRows, ctx: StoreContext): Promise<void> {
  // On PostgreSQL the rows go by COPY on the transaction's connection (copy-rows.ts); elsewhere by INSERT.
  const client = transactionClient(tx);
  if (client) {
    await copyInto(client, 'epcis.events', eventsCopy(chunk, ctx.organizationId, ctx.captureId, ctx.recordTime));
    for (const t of INDEX_TABLES) {
      const cols = chunk[t.key] as unknown as Record<string, unknown[]>;
      await copyInto(client, t.table, columnsCopy(t.columns, t.columns.map((c) => cols[camel(c.name)]!)));
    }
  } else await insertRows(tx, chunk, ctx);
  await tx.execute(sql`insert into epcis.capturing_organizations (organization_id) values (${ctx.organizationId}::uuid) on conflict do nothing`);
}

/** The same rows as multi-row INSERTs (PGlite). */
async function insertRows(tx: Orm, chunk: ChunkRows, ctx: StoreContext): Promise<void> {
  // Event rows travel as one JSON array (jsonb_to_recordset): the bodies are JSON already, and one parse of
  // the whole chunk costs less on both sides than a text[] of escaped JSON documents.
  const e = chunk.events;
  const out: string[] = [];
  for (let i = 0; i < chunk.count; i++) {
    out.push(`{"seq":${e.seq[i] as number},"event_id":${JSON.stringify(e.eventId[i])},"event_type":${JSON.stringify(e.eventType[i])},` +
      `"action":${JSON.stringify(e.action[i])},"event_time":${JSON.stringify(e.eventTime[i])},"biz_step":${JSON.stringify(e.bizStep[i])},` +
      `"disposition":${JSON.stringify(e.disposition[i])},"read_point":${JSON.stringify(e.readPoint[i])},"biz_location":${JSON.stringify(e.bizLocation[i])},` +
      `"transformation_id":${JSON.stringify(e.transformationId[i])},"pd_set":${JSON.stringify(e.pdSet[i])},"pd_unset":${JSON.stringify(e.pdUnset[i])},` +
      `"declaration_time":${JSON.stringify(e.declarationTime[i])},"error_reason":${JSON.stringify(e.errorReason[i])},"has_sensor":${String(e.hasSensor[i])},` +
      `"body":${e.body[i] as string}}`);
  }
  await tx.execute(sql`
    insert into epcis.events (seq, event_id, organization_id, capture_id, record_time, event_type, action, event_time, biz_step, disposition,
      read_point, biz_location, transformation_id, pd_set, pd_unset, declaration_time, error_reason, has_sensor, body)
    select seq, event_id, ${ctx.organizationId}::uuid, ${ctx.captureId}::uuid, ${ctx.recordTime.toISOString()}::timestamptz, event_type, action,
      event_time, biz_step, disposition, read_point, biz_location, transformation_id, pd_set, pd_unset, declaration_time,
      error_reason, has_sensor, body
    from jsonb_to_recordset(${`[${out.join(',')}]`}::jsonb) as x(seq bigint, event_id text, event_type text, action text, event_time timestamptz,
      biz_step text, disposition text, read_point text, biz_location text, transformation_id text, pd_set text[], pd_unset text[],
      declaration_time timestamptz, error_reason text, has_sensor boolean, body jsonb)`);
  for (const t of INDEX_TABLES) {
    const cols = chunk[t.key] as unknown as Record<string, unknown[]>;
    await insertColumns(tx, t.table, t.columns, t.columns.map((c) => cols[camel(c.name)]!));
  }
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
