// One sequencer at a time across server processes: the leader holds a session-level advisory lock on a
// connection of its own. Safety never depends on the lease (each batch locks the tree-state row); it only keeps processes from taking
// turns on every batch. When the leader dies, its connection closes, the lock is released and another takes over.
import type pg from 'pg';
import type { Database } from '../../platform/db/database.ts';

/** pg_advisory_lock key of the ledger sequencer (the migration lock is 7_301_001). */
export const SEQUENCER_LOCK = 7_301_009;

export interface SequencerLease {
  readonly held: boolean;
  /** Tries to become the leader; true when this process holds the lease. */
  tryAcquire(): Promise<boolean>;
  /** Gives the lease up (on shutdown). */
  release(): Promise<void>;
}

/** PGlite: one process owns the embedded database (a pid lock file guards it), so it always leads. */
export const soleProcessLease: SequencerLease = {
  held: true,
  tryAcquire: async () => true,
  release: async () => {},
};

export class AdvisoryLease implements SequencerLease {
  private client: pg.PoolClient | undefined;

  constructor(private readonly pool: pg.Pool) {}

  get held(): boolean {
    return this.client !== undefined;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    let acquired = false;
    try {
      const result = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [SEQUENCER_LOCK]);
      acquired = result.rows[0]?.ok === true;
    } catch {
      acquired = false;
    }
    if (!acquired) {
      client.release();
      return false;
    }
    // A lost connection loses the lock with it: stop leading until the lock is taken again.
    client.on('error', () => this.drop(client));
    this.client = client;
    return true;
  }

  private drop(client: pg.PoolClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.release(true);
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    try {
      await client.query('select pg_advisory_unlock($1)', [SEQUENCER_LOCK]);
    } catch {
      // The connection is gone, and the lock with it.
    }
    client.release(true);
  }
}

export function leaseFor(db: Database): SequencerLease {
  return db.pool ? new AdvisoryLease(db.pool) : soleProcessLease;
}
