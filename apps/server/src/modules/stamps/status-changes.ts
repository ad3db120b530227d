// Every lifecycle change of a set of stamps goes through here, inside the caller's transaction: the stamps
// move, each gets a history row (its index in the change), the per-request stock follows, and the change is
// recorded in the transparency ledger as one record carrying the Merkle root of its members (merkle.ts), so
// every single stamp's change stays provable.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import { contentHash, recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import { merkleRootHex, statusEntry } from './merkle.ts';
import { TRANSITIONS, type StampStatus, type StatusChangeKind } from './model.ts';
import { pgArray } from './sql-arrays.ts';

export interface LockedStamp {
  readonly serial: string;
  readonly status: StampStatus;
  readonly requestId: string;
  readonly seq: number;
  readonly organizationId: string;
  readonly lotId: string | null;
}

/** Locks the stamps matching `where` (on alias `s`), in (request, seq) order: the order of the change's leaves. */
export async function lockStamps(tx: Orm, where: SQL, limit: number): Promise<LockedStamp[]> {
  return rows<LockedStamp>(
    tx,
    sql`select s.serial, s.status, s.request_id as "requestId", s.seq, s.organization_id as "organizationId", s.lot_id as "lotId"
        from stamps.stamps s where ${where} order by s.request_id, s.seq limit ${limit} for update`,
  );
}

export interface StatusChangeInput {
  readonly kind: StatusChangeKind;
  readonly organizationId: string;
  readonly stamps: readonly LockedStamp[];
  readonly lotId?: string | null;
  readonly reason?: string | null;
  readonly actor: string;
  readonly at: Date;
}

export interface StatusChangeResult {
  readonly changeId: string | null;
  readonly changed: number;
  /** Stamps left as they were, counted by the status that kept them out. */
  readonly skipped: Partial<Record<StampStatus, number>>;
  readonly ledgerId: string | null;
}

export async function applyStatusChange(tx: Orm, input: StatusChangeInput): Promise<StatusChangeResult> {
  const rule = TRANSITIONS[input.kind];
  const moving = input.stamps.filter((s) => rule.from.includes(s.status));
  const skipped: Partial<Record<StampStatus, number>> = {};
  for (const s of input.stamps) if (!rule.from.includes(s.status)) skipped[s.status] = (skipped[s.status] ?? 0) + 1;
  if (moving.length === 0) return { changeId: null, changed: 0, skipped, ledgerId: null };

  const to = rule.to;
  const serials = moving.map((s) => s.serial);
  const merkleRoot = merkleRootHex(serials.map((s) => statusEntry(s, to)));
  const content = {
    v: 1,
    type: 'stamp-status-change',
    change: input.kind,
    status: to,
    organizationId: input.organizationId,
    lotId: input.lotId ?? null,
    reason: input.reason ?? null,
    count: moving.length,
    merkleRoot,
    entryFormat: 'RFC 8785 canonical JSON {"serial","status"}, leaves in the listed order',
    at: input.at.toISOString(),
  };
  const sha256 = contentHash(content);
  const [change] = await rows<{ id: string }>(
    tx,
    sql`insert into stamps.status_changes (organization_id, kind, to_status, lot_id, reason, stamp_count, merkle_root, content, content_sha256, actor, created_at)
        values (${input.organizationId}, ${input.kind}, ${to}, ${input.lotId ?? null}, ${input.reason ?? null}, ${moving.length}, ${merkleRoot},
                ${JSON.stringify(content)}::jsonb, ${sha256}, ${input.actor}, ${input.at})
        returning id`,
  );
  const changeId = change!.id;
  await tx.execute(sql`
    insert into stamps.stamp_events (change_id, idx, serial, from_status)
    select ${changeId}, t.ord - 1, t.serial, t.from_status
    from unnest(${pgArray(serials)}::text[], ${pgArray(moving.map((s) => s.status))}::text[]) with ordinality as t(serial, from_status, ord)`);

  const lotAssignment = input.kind === 'activate' ? sql`, lot_id = ${input.lotId ?? null}, activated_at = ${input.at}` : sql``;
  const printed = input.kind === 'print' ? sql`, printed_at = coalesce(printed_at, ${input.at})` : sql``;
  await tx.execute(sql`
    update stamps.stamps set status = ${to}, status_changed_at = ${input.at} ${lotAssignment} ${printed}
    where serial = any(${pgArray(serials)}::text[])`);
  await moveStock(tx, moving, to);

  const ledgerId = `stamp-status:${changeId}`;
  await recordInLedger(tx, { kind: 'stamp.status', id: ledgerId, sha256, organizationId: input.organizationId });
  return { changeId, changed: moving.length, skipped, ledgerId };
}

/** Per-request stock follows the move: counts leave their old status and join the new one. */
async function moveStock(tx: Orm, moved: readonly LockedStamp[], to: StampStatus): Promise<void> {
  const deltas = new Map<string, { requestId: string; organizationId: string; status: StampStatus; n: number }>();
  const add = (s: LockedStamp, status: StampStatus, n: number) => {
    const key = `${s.requestId}|${status}`;
    const d = deltas.get(key) ?? { requestId: s.requestId, organizationId: s.organizationId, status, n: 0 };
    d.n += n;
    deltas.set(key, d);
  };
  for (const s of moved) {
    if (s.status === to) continue;
    add(s, s.status, -1);
    add(s, to, +1);
  }
  for (const d of deltas.values()) if (d.n !== 0) await addStock(tx, d.requestId, d.organizationId, d.status, d.n);
}

export async function addStock(tx: Orm, requestId: string, organizationId: string, status: StampStatus, n: number): Promise<void> {
  await tx.execute(sql`
    insert into stamps.stock (request_id, organization_id, status, n) values (${requestId}, ${organizationId}, ${status}, ${n})
    on conflict (request_id, status) do update set n = stamps.stock.n + excluded.n`);
}
