// Background jobs with progress: long work (imports, exports, stamp issuance, reports) runs in a worker, reports
// progress to the database and survives a page reload; a job whose worker died is picked up again after its
// lease expires, so job handlers must be resumable (they can read their own progress and result so far).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Database, type Orm } from '../db/database.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly organizationId: string | null;
  readonly createdBy: string | null;
  readonly input: unknown;
  readonly progressDone: number;
  readonly progressTotal: number | null;
  readonly result: unknown;
  readonly error: unknown;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface NewJob {
  readonly kind: string;
  readonly input: unknown;
  readonly organizationId?: string | null;
  readonly createdBy?: string | null;
}

const JOB_COLUMNS = sql`id, kind, status, organization_id as "organizationId", created_by as "createdBy", input,
  progress_done::float8 as "progressDone", progress_total::float8 as "progressTotal", result, error, attempts,
  created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"`;

export async function createJob(tx: Orm, job: NewJob): Promise<Job> {
  const [row] = await rows<Job>(
    tx,
    sql`insert into platform.jobs (kind, input, organization_id, created_by)
        values (${job.kind}, ${JSON.stringify(job.input ?? {})}::jsonb, ${job.organizationId ?? null}, ${job.createdBy ?? null})
        returning ${JOB_COLUMNS}`,
  );
  return row!;
}

export async function getJob(db: Orm, id: string): Promise<Job | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await rows<Job>(db, sql`select ${JOB_COLUMNS} from platform.jobs where id = ${id}`);
  return row;
}

export interface JobContext {
  readonly job: Job;
  readonly db: Database;
  readonly log: Logger;
  /** Records progress (and keeps the lease alive); cheap enough to call every few hundred items. */
  progress(done: number, total?: number): Promise<void>;
  /** True when someone cancelled the job; handlers should stop at the next safe point. */
  cancelled(): Promise<boolean>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface JobRunnerOptions {
  readonly db: Database;
  readonly log: Logger;
  readonly handlers: ReadonlyMap<string, JobHandler>;
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly maxAttempts?: number;
}

export class JobRunner {
  private readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private active: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: JobRunnerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.active;
  }

  wake(): void {
    if (!this.stopped && !this.active) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.active = this.runOnce()
        .catch((err) => this.options.log.error({ err }, 'job runner pass failed'))
        .then((ran) => {
          this.active = undefined;
          if (!this.stopped) this.schedule(ran ? 0 : (this.options.pollMs ?? 500));
        });
    }, ms);
    this.timer.unref();
  }

  /** Claims and runs one due job; returns whether it ran one. */
  async runOnce(): Promise<boolean> {
    const { db, log, handlers } = this.options;
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return false;
    const leaseMs = this.options.leaseMs ?? 60_000;
    const [claimed] = await rows<Job>(
      db.orm,
      sql`update platform.jobs set status = 'running', locked_by = ${this.workerId},
            locked_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1,
            started_at = coalesce(started_at, now()), updated_at = now()
          where id = (
            select id from platform.jobs
            where kind in ${sql`(${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`}
              and (status = 'queued' or (status = 'running' and locked_until < now()))
            order by created_at limit 1 for update skip locked)
          returning ${JOB_COLUMNS}`,
    );
    if (!claimed) return false;
    const maxAttempts = this.options.maxAttempts ?? 3;
    const ctx: JobContext = {
      job: claimed,
      db,
      log: log.child({ job: claimed.id, kind: claimed.kind }),
      progress: async (done, total) => {
        await db.orm.execute(sql`
          update platform.jobs set progress_done = ${done}, progress_total = coalesce(${total ?? null}::bigint, progress_total),
            locked_until = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
          where id = ${claimed.id}`);
      },
      cancelled: async () => {
        const [r] = await rows<{ status: string }>(db.orm, sql`select status from platform.jobs where id = ${claimed.id}`);
        return r?.status === 'cancelled';
      },
    };
    try {
      const result = await handlers.get(claimed.kind)!(ctx);
      await db.orm.execute(sql`
        update platform.jobs set status = case when status = 'cancelled' then 'cancelled' else 'succeeded' end,
          result = ${JSON.stringify(result ?? null)}::jsonb, finished_at = now(), locked_by = null, locked_until = null, updated_at = now()
        where id = ${claimed.id}`);
    } catch (err) {
      const final = claimed.attempts >= maxAttempts || (err as { permanent?: boolean }).permanent === true;
      ctx.log.error({ err }, final ? 'job failed' : 'job attempt failed; will retry');
      const error = { message: String((err as Error)?.message ?? err), code: (err as { code?: string }).code ?? null };
      await db.orm.execute(sql`
        update platform.jobs set status = ${final ? 'failed' : 'queued'}, error = ${JSON.stringify(error)}::jsonb,
          finished_at = ${final ? sql`now()` : sql`null`}, locked_by = null, locked_until = null, updated_at = now()
        where id = ${claimed.id}`);
    }
    return true;
  }
}
