// Transactional outbox (architecture: cross-module effects). `enqueue` runs inside the caller's transaction, so an
// effect exists exactly when its cause was committed. The worker delivers each message at least once, in id
// order per batch, retrying with exponential backoff; handlers must be idempotent (they get the message id).
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Database, type Orm } from '../db/database.ts';

export interface OutboxMessage {
  readonly topic: string;
  readonly payload: unknown;
  /** A second message with the same key is dropped: makes "enqueue once" safe under retries. */
  readonly dedupeKey?: string;
  readonly organizationId?: string | null;
  readonly delayMs?: number;
}

export async function enqueue(tx: Orm, message: OutboxMessage): Promise<void> {
  await tx.execute(sql`
    insert into platform.outbox (topic, payload, dedupe_key, organization_id, available_at)
    values (${message.topic}, ${JSON.stringify(message.payload)}::jsonb, ${message.dedupeKey ?? null},
            ${message.organizationId ?? null}, now() + make_interval(secs => ${(message.delayMs ?? 0) / 1000}))
    on conflict (dedupe_key) do nothing`);
}

export interface DeliveredMessage {
  readonly id: number;
  readonly topic: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly organizationId: string | null;
}

/**
 * Handles one message. It runs inside a savepoint of the worker's transaction: database writes it makes commit
 * together with the "processed" mark, or roll back together when it throws (and the message is retried).
 */
export type OutboxHandler = (message: DeliveredMessage, tx: Orm) => Promise<void>;

export interface OutboxWorkerOptions {
  readonly db: Database;
  readonly log: Logger;
  readonly handlers: ReadonlyMap<string, OutboxHandler>;
  readonly batchSize?: number;
  readonly pollMs?: number;
  readonly maxBackoffMs?: number;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wakeRequested = false;

  constructor(private readonly options: OutboxWorkerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Asks for a pass soon (after a commit that enqueued something), instead of waiting for the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
      });
    }, ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    let delivered = 0;
    try {
      delivered = await this.drainOnce();
    } catch (err) {
      this.options.log.error({ err }, 'outbox pass failed');
    }
    if (this.stopped) return;
    const again = delivered > 0 || this.wakeRequested;
    this.wakeRequested = false;
    this.schedule(again ? 0 : (this.options.pollMs ?? 500));
  }

  /** One pass: claims up to batchSize due messages of known topics, handles them, returns how many it handled. */
  async drainOnce(): Promise<number> {
    const topics = [...this.options.handlers.keys()];
    if (topics.length === 0) return 0;
    const { db, log } = this.options;
    const maxBackoff = this.options.maxBackoffMs ?? 3_600_000;
    return db.transaction(async (tx) => {
      const batch = await rows<{ id: number; topic: string; payload: unknown; attempts: number; organization_id: string | null }>(
        tx,
        sql`select id, topic, payload, attempts, organization_id from platform.outbox
            where processed_at is null and available_at <= now() and topic in ${sql`(${sql.join(topics.map((t) => sql`${t}`), sql`, `)})`}
            order by id limit ${this.options.batchSize ?? 100}
            for update skip locked`,
      );
      for (const row of batch) {
        const handler = this.options.handlers.get(row.topic)!;
        const message: DeliveredMessage = {
          id: Number(row.id),
          topic: row.topic,
          payload: row.payload,
          attempts: row.attempts,
          organizationId: row.organization_id,
        };
        try {
          await tx.transaction(async (sp) => handler(message, sp as unknown as Orm));
          await tx.execute(sql`update platform.outbox set processed_at = now(), attempts = attempts + 1, last_error = null where id = ${row.id}`);
        } catch (err) {
          const backoff = Math.min(maxBackoff, 1000 * 2 ** Math.min(row.attempts, 20));
          log.warn({ err, topic: row.topic, id: row.id, attempts: row.attempts + 1 }, 'outbox message failed; will retry');
          await tx.execute(sql`
            update platform.outbox set attempts = attempts + 1, last_error = ${String((err as Error)?.message ?? err).slice(0, 2000)},
              available_at = now() + make_interval(secs => ${backoff / 1000})
            where id = ${row.id}`);
        }
      }
      return batch.length;
    });
  }
}

export async function outboxBacklog(db: Database): Promise<{ topic: string; pending: number; oldestSeconds: number }[]> {
  return rows(
    db.orm,
    sql`select topic, count(*)::int as pending, coalesce(extract(epoch from now() - min(created_at)), 0)::float as "oldestSeconds"
        from platform.outbox where processed_at is null group by topic order by topic`,
  );
}
