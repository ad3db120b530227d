import pino from 'pino';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.ts';
import { rows, type Database } from '../db/database.ts';
import { JobRunner, createJob, getJob } from '../jobs/jobs.ts';
import { enqueue, OutboxWorker, type DeliveredMessage } from './outbox.ts';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());
const log = pino({ level: 'silent' });

describe('transactional outbox', () => {
  it('delivers what was committed, never what was rolled back, and drops duplicates by key', async () => {
    await db.transaction((tx) => enqueue(tx, { topic: 'test.a', payload: { n: 1 }, dedupeKey: 'a-1' }));
    await db.transaction((tx) => enqueue(tx, { topic: 'test.a', payload: { n: 1 }, dedupeKey: 'a-1' }));
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, { topic: 'test.a', payload: { n: 2 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    const seen: unknown[] = [];
    const worker = new OutboxWorker({ db, log, handlers: new Map([['test.a', async (m: DeliveredMessage) => void seen.push(m.payload)]]) });
    expect(await worker.drainOnce()).toBe(1);
    expect(await worker.drainOnce()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('retries a failing handler with backoff and rolls back its partial writes', async () => {
    await db.orm.execute(sql`create table if not exists public.outbox_probe (v int)`);
    await db.transaction((tx) => enqueue(tx, { topic: 'test.b', payload: {} }));
    let calls = 0;
    const worker = new OutboxWorker({
      db,
      log,
      handlers: new Map([
        ['test.b', async (_m: DeliveredMessage, tx) => {
          calls += 1;
          await tx.execute(sql`insert into public.outbox_probe values (${calls})`);
          if (calls === 1) throw new Error('receiver down');
        }],
      ]),
    });
    expect(await worker.drainOnce()).toBe(1);
    const [row] = await rows<{ attempts: number; last_error: string; due_in: number }>(
      db.orm,
      sql`select attempts, last_error, extract(epoch from available_at - now())::float as due_in from platform.outbox where topic = 'test.b'`,
    );
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toBe('receiver down');
    expect(row!.due_in).toBeGreaterThan(0);
    expect(await rows(db.orm, sql`select v from public.outbox_probe`)).toEqual([]);
    await db.orm.execute(sql`update platform.outbox set available_at = now() where topic = 'test.b'`);
    expect(await worker.drainOnce()).toBe(1);
    expect(await rows(db.orm, sql`select v from public.outbox_probe`)).toEqual([{ v: 2 }]);
  });
});

describe('background jobs', () => {
  it('runs a job, reports progress and keeps its result', async () => {
    const job = await db.transaction((tx) => createJob(tx, { kind: 'test.count', input: { to: 3 } }));
    const runner = new JobRunner({
      db,
      log,
      handlers: new Map([
        ['test.count', async (ctx) => {
          const { to } = ctx.job.input as { to: number };
          for (let i = 1; i <= to; i++) await ctx.progress(i, to);
          return { counted: to };
        }],
      ]),
    });
    expect(await runner.runOnce()).toBe(true);
    const done = await getJob(db.orm, job.id);
    expect(done).toMatchObject({ status: 'succeeded', progressDone: 3, progressTotal: 3, result: { counted: 3 } });
  });

  it('retries a failed attempt and gives up after the last one', async () => {
    const job = await db.transaction((tx) => createJob(tx, { kind: 'test.fail', input: {} }));
    const runner = new JobRunner({ db, log, maxAttempts: 2, handlers: new Map([['test.fail', async () => { throw new Error('broken input'); }]]) });
    await runner.runOnce();
    expect((await getJob(db.orm, job.id))!.status).toBe('queued');
    await runner.runOnce();
    expect(await getJob(db.orm, job.id)).toMatchObject({ status: 'failed', error: { message: 'broken input' } });
  });

  it('picks up a job whose worker died once its lease expires', async () => {
    const job = await db.transaction((tx) => createJob(tx, { kind: 'test.resume', input: {} }));
    await db.orm.execute(sql`update platform.jobs set status = 'running', locked_by = 'dead', locked_until = now() - interval '1 second' where id = ${job.id}`);
    const runner = new JobRunner({ db, log, handlers: new Map([['test.resume', async () => 'resumed']]) });
    expect(await runner.runOnce()).toBe(true);
    expect((await getJob(db.orm, job.id))!.result).toBe('resumed');
  });
});
