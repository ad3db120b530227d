// Capture jobs (REST binding: /capture, /capture/{captureID}, the CaptureJob schema). Contract: a job row is
// written before any event of its document; `finish` records the outcome once; a job whose process died while
// running keeps `running` until its lease expires, and `sweepInterrupted` then fails it (its rollback-mode
// transaction died with the process, so nothing of it was stored; in proceed mode the committed chunks stay and
// `stored_count` says how many events they held).
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { EpcisIssue } from '@txng/epcis';
import type { Orm } from '../../../platform/db/database.ts';
import { captureJobs } from '../tables.ts';
import { storableCopy } from '../store/storable-text.ts';

export type CaptureBehaviour = 'rollback' | 'proceed';

/** One problem of a capture: an EPCIS issue or a server-side code, located in the input when possible. */
export interface CaptureProblem {
  readonly code: string;
  readonly eventIndex?: number;
  readonly pointer?: string;
  readonly xmlPath?: string;
  readonly line?: number;
  readonly column?: number;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type CaptureJob = typeof captureJobs.$inferSelect & { errors: CaptureProblem[]; warnings: CaptureProblem[] };

export const LEASE_MS = 60_000;

export function problemOf(i: EpcisIssue): CaptureProblem {
  return {
    code: i.code,
    ...(i.eventIndex === undefined ? {} : { eventIndex: i.eventIndex }),
    ...(i.pointer === undefined ? {} : { pointer: i.pointer }),
    ...(i.xmlPath === undefined ? {} : { xmlPath: i.xmlPath }),
    ...(i.position ? { line: i.position.line, column: i.position.column } : {}),
    ...(i.params ? { params: i.params } : {}),
  };
}

export async function createCaptureJob(db: Orm, job: { organizationId: string; actorId: string | null; behaviour: CaptureBehaviour; format: 'json' | 'xml'; eventCount: number }): Promise<CaptureJob> {
  const [row] = await db.insert(captureJobs).values({
    organizationId: job.organizationId, actorId: job.actorId, behaviour: job.behaviour, format: job.format, running: true, success: true,
    eventCount: job.eventCount, storedCount: 0, duplicateCount: 0, errors: [], warnings: [], leaseUntil: sql`now() + interval '60 seconds'` as unknown as Date,
  }).returning();
  return row as CaptureJob;
}

/** Extends the lease of a running job (called periodically by the process working on it). */
export async function renewLease(db: Orm, id: string): Promise<void> {
  await db.update(captureJobs).set({ leaseUntil: sql`now() + interval '60 seconds'` as unknown as Date }).where(and(eq(captureJobs.id, id), eq(captureJobs.running, true)));
}

/** Counts of a proceed-mode chunk, written in the chunk's own transaction so they match what was committed. */
export async function addCounts(tx: Orm, id: string, stored: number, duplicates: number): Promise<void> {
  await tx.update(captureJobs).set({
    storedCount: sql`${captureJobs.storedCount} + ${stored}`,
    duplicateCount: sql`${captureJobs.duplicateCount} + ${duplicates}`,
  }).where(eq(captureJobs.id, id));
}

export async function finishCaptureJob(db: Orm, id: string, outcome: {
  success: boolean; errors: readonly CaptureProblem[]; warnings: readonly CaptureProblem[]; stored?: number; duplicates?: number; eventCount?: number;
}): Promise<CaptureJob> {
  const [row] = await db.update(captureJobs).set({
    running: false,
    success: outcome.success,
    // A refused document's problems may quote its text back, NUL characters included.
    errors: storableCopy(outcome.errors),
    warnings: storableCopy(outcome.warnings),
    ...(outcome.stored === undefined ? {} : { storedCount: outcome.stored }),
    ...(outcome.duplicates === undefined ? {} : { duplicateCount: outcome.duplicates }),
    ...(outcome.eventCount === undefined ? {} : { eventCount: outcome.eventCount }),
    finishedAt: sql`now()` as unknown as Date,
    leaseUntil: null,
  }).where(eq(captureJobs.id, id)).returning();
  return row as CaptureJob;
}

export async function getCaptureJob(db: Orm, id: string): Promise<CaptureJob | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(captureJobs).where(eq(captureJobs.id, id));
  return row as CaptureJob | undefined;
}

/** An organisation's jobs, newest first, after the (createdAt, id) position of the previous page. */
export async function listCaptureJobs(db: Orm, organizationId: string | null, limit: number, after?: { createdAt: Date; id: string }): Promise<CaptureJob[]> {
  const rows = await db.select().from(captureJobs).where(and(
    organizationId === null ? undefined : eq(captureJobs.organizationId, organizationId),
    after ? or(lt(captureJobs.createdAt, after.createdAt), and(eq(captureJobs.createdAt, after.createdAt), lt(captureJobs.id, after.id))) : undefined,
  )).orderBy(desc(captureJobs.createdAt), desc(captureJobs.id)).limit(limit);
  return rows as CaptureJob[];
}

export async function sweepInterruptedJobs(db: Orm, interrupted: CaptureProblem): Promise<number> {
  const rows = await db.update(captureJobs).set({
    running: false, success: false, errors: sql`${captureJobs.errors} || ${JSON.stringify([interrupted])}::jsonb` as unknown as CaptureProblem[],
    finishedAt: sql`now()` as unknown as Date, leaseUntil: null,
  }).where(and(eq(captureJobs.running, true), lt(captureJobs.leaseUntil, sql`now()` as unknown as Date))).returning({ id: captureJobs.id });
  return rows.length;
}
