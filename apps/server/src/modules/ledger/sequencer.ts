// The sequencer: consumes `ledger.entry` outbox rows in batches, appends them to the tree and signs a checkpoint.
// One batch is one transaction — lock the tree head, claim pending rows (FOR UPDATE SKIP LOCKED), append the new
// leaves, store entries, tiles and bundles, update the head, mark the rows processed — so a committed record is
// logged exactly once: a crash before the commit leaves its row pending, after it the row is processed.
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { MerkleHasher } from '@txng/tlog';
import { rows, type Database, type Orm } from '../../platform/db/database.ts';
import { LEDGER_TOPIC, ledgerLeaf, type LedgerKind } from '../../platform/ledger/ledger-entry.ts';
import type { CheckpointLog, StoredCheckpoint } from './checkpoints.ts';
import type { TileStore } from './tile-store.ts';
import { LedgerIntegrityError, readHead, TreeState, type PendingEntry, type TreeHead } from './tree-state.ts';

export interface SequencerDeps {
  readonly db: Database;
  readonly log: Logger;
  readonly hasher: MerkleHasher;
  readonly store: TileStore;
  readonly checkpoints: CheckpointLog;
  /** Most entries per batch (default 8192). */
  readonly maxBatch?: number;
}

interface OutboxRow {
  id: number | string;
  payload: unknown;
}

const KIND = /^[a-z][a-z0-9.-]{0,63}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const encoder = new TextEncoder();

/** The entry an outbox payload stands for, or why it cannot be logged (platform/ledger/ledger-entry.ts). */
function entryOf(payload: unknown): PendingEntry | string {
  const p = (payload ?? {}) as Record<string, unknown>;
  const { kind, id, sha256, leaf } = p;
  if (typeof kind !== 'string' || !KIND.test(kind)) return 'bad kind';
  if (typeof id !== 'string' || id === '' || id.length > 1024) return 'bad id';
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) return 'bad sha256';
  // The leaf is recomputed, never taken on trust: it is exactly the RFC 8785 JSON of {v, kind, id, sha256}.
  const canonical = ledgerLeaf(kind as LedgerKind, id, sha256);
  if (leaf !== canonical) return 'leaf does not match kind, id and sha256';
  return { leaf: encoder.encode(canonical), kind, recordId: id, sha256 };
}

export class Sequencer {
  /** Builders matching the stored head; undefined = restore from storage before the next batch. */
  private state: TreeState | undefined;

  constructor(private readonly deps: SequencerDeps) {}

  /**
   * Signs the stored head if no checkpoint covers it yet (after a crash between a batch's commit and its
   * signature, or on first start: the empty tree). CheckpointLog.sign verifies consistency first.
   */
  async recover(): Promise<StoredCheckpoint | undefined> {
    return this.deps.checkpoints.sign(await readHead(this.deps.db.orm, false));
  }

  /** Whether entries are waiting: one probe of the outbox's pending index, cheap enough to poll. */
  async hasPending(): Promise<boolean> {
    const found = await rows(
      this.deps.db.orm,
      sql`select 1 from platform.outbox where topic = ${LEDGER_TOPIC} and processed_at is null and available_at <= now() limit 1`,
    );
    return found.length > 0;
  }

  /**
   * Sequences one batch of pending entries and signs its checkpoint. Returns how many outbox rows it consumed
   * (appended, duplicates skipped, or set aside as malformed) — 0 when nothing was pending.
   */
  async sequenceOnce(): Promise<{ consumed: number; checkpoint?: StoredCheckpoint }> {
    let committed: { consumed: number; head?: TreeHead };
    try {
      committed = await this.deps.db.transaction((tx) => this.batch(tx));
    } catch (err) {
      // The builders may hold appends that were rolled back.
      this.state = undefined;
      throw err;
    }
    if (!committed.head) return { consumed: committed.consumed };
    const checkpoint = await this.deps.checkpoints.sign(committed.head);
    return { consumed: committed.consumed, ...(checkpoint ? { checkpoint } : {}) };
  }

  private async batch(tx: Orm): Promise<{ consumed: number; head?: TreeHead }> {
    const { hasher, store, log } = this.deps;
    // The row lock orders batches of every process: each starts from the head the previous one committed.
    const head = await readHead(tx, true);
    let state = this.state;
    const current = state?.head;
    if (!state || !current || current.size !== head.size || !Buffer.from(current.root).equals(Buffer.from(head.root))) {
      state = head.size === 0n ? TreeState.empty(hasher) : await TreeState.restore(hasher, store, head, tx);
      this.state = state;
    }
    // Claimed and marked processed in one statement: the mark commits with the leaves, or neither does.
    const claimed = (
      await rows<OutboxRow>(
        tx,
        sql`update platform.outbox o set processed_at = now(), attempts = o.attempts + 1, last_error = null
            from (select id from platform.outbox
                  where topic = ${LEDGER_TOPIC} and processed_at is null and available_at <= now()
                  order by id limit ${this.deps.maxBatch ?? 8192} for update skip locked) c
            where o.id = c.id
            returning o.id, o.payload`,
      )
    ).sort((a, b) => Number(a.id) - Number(b.id));
    if (claimed.length === 0) return { consumed: 0 };

    const fresh: PendingEntry[] = [];
    const rejected: { id: number | string; reason: string }[] = [];
    const seen = new Set<string>();
    for (const row of claimed) {
      const entry = entryOf(row.payload);
      if (typeof entry === 'string') rejected.push({ id: row.id, reason: entry });
      else if (!seen.has(`${entry.kind}\n${entry.recordId}\n${entry.sha256}`)) {
        seen.add(`${entry.kind}\n${entry.recordId}\n${entry.sha256}`);
        fresh.push(entry);
      }
    }
    const toAppend = await this.withoutLogged(tx, fresh);
    for (const r of rejected) {
      // Kept visible in the outbox backlog (never silently dropped), and never claimed again.
      log.error({ outboxId: r.id, reason: r.reason }, 'ledger: an outbox entry cannot be logged');
      await tx.execute(sql`update platform.outbox set processed_at = null, last_error = ${`ledger: ${r.reason}`},
                           available_at = 'infinity' where id = ${String(r.id)}::bigint`);
    }
    if (toAppend.length === 0) return { consumed: claimed.length };
    const next = await state.append(tx, store, toAppend);
    return { consumed: claimed.length, head: next };
  }

  /** Entries already in the log (same kind, id and hash) are not logged again. */
  private async withoutLogged(tx: Orm, entries: PendingEntry[]): Promise<PendingEntry[]> {
    if (entries.length === 0) return entries;
    const json = JSON.stringify(entries.map((e, n) => ({ n, k: e.kind, r: e.recordId, h: e.sha256 })));
    const logged = await rows<{ n: number }>(
      tx,
      sql`select x.n from jsonb_to_recordset(${json}::jsonb) as x(n int, k text, r text, h text)
          join ledger.entries e on e.kind = x.k and e.record_id = x.r and e.sha256 = decode(x.h, 'hex')`,
    );
    if (logged.length === 0) return entries;
    const skip = new Set(logged.map((r) => r.n));
    return entries.filter((_, n) => !skip.has(n));
  }
}

export { LedgerIntegrityError };
