// Several server processes on one PostgreSQL: sequencers that run batches at the same time never log a record
// twice or sign two inconsistent checkpoints (the tree-state row lock orders them); with the lease, one process
// sequences and another takes over when it stops. PGlite belongs to one process, so this runs on PostgreSQL.
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merkleHasher, openCheckpoint, parseVerifierKey, TreeBuilder } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { createTestSystem, dbKind, type TestSystem } from '../../../test/harness.ts';
import { systemClock } from '../../platform/clock.ts';
import { openDatabase, rows, type Database } from '../../platform/db/database.ts';
import { createLedger, type Ledger } from './runtime.ts';
import { downloadLog, recordMany } from './test-kit.ts';

const hasher = merkleHasher(nodeCrypto);

describe.skipIf(dbKind !== 'postgres')('sequencers in several processes', () => {
  let t: TestSystem;
  const others: Database[] = [];
  const ledgers: Ledger[] = [];

  /** A ledger on its own connection pool, as another server process would have. */
  const anotherProcess = async (): Promise<Ledger> => {
    const db = await openDatabase({ databaseUrl: t.db.pool!.options.connectionString, poolSize: 4 });
    others.push(db);
    const ledger = await createLedger({ db, config: t.config, log: pino({ level: 'silent' }), clock: systemClock });
    ledgers.push(ledger);
    return ledger;
  };

  beforeAll(async () => {
    t = await createTestSystem();
  });
  afterAll(async () => {
    for (const l of ledgers) await l.stop();
    for (const db of others) await db.close();
    await t?.close();
  });

  it('never logs a record twice nor signs inconsistent checkpoints when batches race', async () => {
    const [a, b] = [await anotherProcess(), await anotherProcess()];
    let writing = true;
    const writer = (async () => {
      let round = 0;
      while (writing) await recordMany(t.db, 30, `race${round++}`, 3);
      return round;
    })();
    // Both sequence as fast as they can, at the same time, while records keep arriving.
    const race = async (l: Ledger) => {
      for (let i = 0; i < 25; i++) await l.sequencer.sequenceOnce();
    };
    await a.sequencer.recover();
    await Promise.all([race(a), race(b), race(a), race(b)]);
    writing = false;
    const rounds = await writer;
    await a.flush();

    const [counts] = await rows<{ n: number; distinct: number }>(
      t.db.orm,
      sql`select count(*)::int as n, count(distinct (kind, record_id, sha256))::int as distinct from ledger.entries`,
    );
    const logged = counts!.n;
    expect(logged).toBe(rounds * 30);
    expect(counts!.distinct).toBe(logged);
    const [backlog] = await rows<{ pending: number }>(t.db.orm, sql`select count(*)::int as pending from platform.outbox where topic = 'ledger.entry' and processed_at is null`);
    expect(backlog!.pending).toBe(0);

    // Every signed checkpoint is a prefix of one tree: rebuild it and compare each root.
    const checkpoints = await rows<{ size: number; note: string }>(t.db.orm, sql`select size, note from ledger.checkpoints order by size`);
    expect(checkpoints.length).toBeGreaterThan(5);
    const { entries } = await downloadLog(t.system.app, BigInt(logged));
    const key = parseVerifierKey(nodeCrypto, a.key.vkey);
    if (!key.ok) throw new Error(key.error.code);
    const builder = TreeBuilder.empty(hasher);
    let at = 0;
    for (const c of checkpoints) {
      builder.appendEntries(entries.slice(at, c.size));
      at = c.size;
      const opened = openCheckpoint(c.note, { logKeys: [key.value] });
      expect(opened.ok && Buffer.from(opened.value.checkpoint.root).equals(Buffer.from(builder.root())), `size ${c.size}`).toBe(true);
    }
  });

  it('lets one process sequence, and another take over when it stops', async () => {
    const [a, b] = [await anotherProcess(), await anotherProcess()];
    a.start();
    b.start();
    const until = async (what: () => boolean | Promise<boolean>, ms = 15_000) => {
      const end = Date.now() + ms;
      while (!(await what())) {
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until(() => a.leading || b.leading);
    expect(a.leading && b.leading).toBe(false);
    const [leader, follower] = a.leading ? [a, b] : [b, a];
    const published = async () => (await leader.checkpoints.latestPublished())?.size ?? 0n;
    const before = await published();
    await recordMany(t.db, 10, 'lease1', 10);
    await until(async () => (await published()) === before + 10n);
    await leader.stop();
    await until(() => follower.leading);
    await recordMany(t.db, 10, 'lease2', 10);
    await until(async () => (await published()) === before + 20n);
  });
});
