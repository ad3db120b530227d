// Issuance: one background job per approved request (platform JobRunner, progress in the database). Stamps are
// issued in chunks of ISSUE_CHUNK, each in its own transaction: the rows (COPY on PostgreSQL, stamp-rows.ts),
// the chunk's Merkle root (merkle.ts), one ledger record, the stock and the request's issued count. A job whose
// worker died resumes after the last committed chunk; the count is re-read under the request's row lock, so a
// chunk is never issued twice. A serial collision (80 random bits: ~10⁻⁷ over a billion stamps) fails the
// chunk's insert, which is rolled back and drawn again.
//
// A chunk's serials and Merkle root depend on its size and the request's URI prefix only, not on its seq range,
// so the next chunk is drawn and hashed while PostgreSQL writes the current one (in slices, between which the
// transaction's replies are handled). It is used only if the next transaction finds the count it was drawn for.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import type { JobContext, JobHandler } from '../../platform/jobs/jobs.ts';
import { contentHash, recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import type { StampsDeps } from './deps.ts';
import { issueRootSteps } from './merkle.ts';
import { newSerialBlock, serialCount } from './serial-block.ts';
import { insertStamps } from './stamp-rows.ts';
import { addStock } from './status-changes.ts';
import type { RequestRow } from './tables.ts';

export const ISSUE_JOB = 'stamps.issue';
export const ISSUE_CHUNK = 20_000;

interface IssueRequest {
  readonly id: string;
  readonly organizationId: string;
  readonly productId: string;
  readonly lotId: string | null;
  readonly quantity: number;
  readonly kind: string;
  readonly status: string;
  readonly uriPrefix: string;
  readonly gtin: string | null;
  readonly lotCode: string | null;
  readonly issuedCount: number;
}

const SELECT = sql`select id, organization_id as "organizationId", product_id as "productId", lot_id as "lotId", quantity, kind, status,
  uri_prefix as "uriPrefix", gtin, lot_code as "lotCode", issued_count as "issuedCount" from stamps.requests`;

/** A chunk's fresh serials (serial-block.ts) and the RFC 9162 root over their issue entries, in order. */
export interface DrawnChunk {
  readonly serials: Buffer;
  readonly uriPrefix: string;
  readonly merkleRoot: string;
}

/** Draws `count` serials and hashes their entries; `paced` lets other callbacks run every ~1,000 hashes. */
export async function drawChunk(count: number, uriPrefix: string, paced: boolean): Promise<DrawnChunk> {
  const serials = newSerialBlock(count);
  const steps = issueRootSteps(serials, uriPrefix);
  for (;;) {
    const step = steps.next();
    if (step.done) return { serials, uriPrefix, merkleRoot: step.value };
    if (paced) await nextTurn();
  }
}

/** Issues the drawn stamps as seq [seqFrom, seqFrom + n) in `tx`; returns the ledger record's id. */
export async function issueChunk(tx: Orm, r: IssueRequest, seqFrom: number, chunk: DrawnChunk, at: Date): Promise<string> {
  const count = serialCount(chunk.serials);
  await insertStamps(tx, r, chunk.serials, seqFrom);
  const seqTo = seqFrom + count - 1;
  const merkleRoot = chunk.merkleRoot;
  const content = {
    v: 1,
    type: 'stamp-issue-batch',
    requestId: r.id,
    organizationId: r.organizationId,
    productId: r.productId,
    lotId: r.lotId,
    gtin: r.gtin,
    lotCode: r.lotCode,
    kind: r.kind,
    uriPrefix: r.uriPrefix,
    seqFrom,
    seqTo,
    count,
    merkleRoot,
    entryFormat: 'RFC 8785 canonical JSON {"serial","uri"}, leaves in seq order',
    issuedAt: at.toISOString(),
  };
  const sha256 = contentHash(content);
  await tx.execute(sql`
    insert into stamps.issue_batches (request_id, organization_id, seq_from, seq_to, merkle_root, content, content_sha256, created_at)
    values (${r.id}, ${r.organizationId}, ${seqFrom}, ${seqTo}, ${merkleRoot}, ${JSON.stringify(content)}::jsonb, ${sha256}, ${at})`);
  const id = `stamp-issue:${r.id}:${seqFrom}-${seqTo}`;
  await recordInLedger(tx, { kind: 'stamp.issue', id, sha256, organizationId: r.organizationId });
  await addStock(tx, r.id, r.organizationId, 'issued', count);
  await tx.execute(sql`update stamps.requests set issued_count = ${seqTo}, updated_at = ${at} where id = ${r.id}`);
  return id;
}

interface Step {
  readonly done: number;
  readonly total: number;
  /** The next chunk, drawn while this one was written (undefined when this was the last). */
  readonly next: DrawnChunk | undefined;
}

async function chunkWithRetry(deps: StampsDeps, requestId: string, chunkSize: number, drawn: DrawnChunk | undefined, attempt = 0): Promise<Step | undefined> {
  let next: Promise<DrawnChunk> | undefined;
  try {
    const step = await deps.db.transaction(async (tx) => {
      const [r] = await rows<IssueRequest>(tx, sql`${SELECT} where id = ${requestId} for update`);
      if (!r || r.status !== 'issuing' || r.issuedCount >= r.quantity) return undefined;
      const count = Math.min(chunkSize, r.quantity - r.issuedCount);
      const chunk = drawn && serialCount(drawn.serials) === count && drawn.uriPrefix === r.uriPrefix ? drawn : await drawChunk(count, r.uriPrefix, false);
      const nextCount = Math.min(chunkSize, r.quantity - r.issuedCount - count);
      next = nextCount > 0 ? drawChunk(nextCount, r.uriPrefix, true) : undefined;
      next?.catch(() => undefined); // awaited below; a failure is reported there, never as an unhandled rejection
      await issueChunk(tx, r, r.issuedCount + 1, chunk, deps.clock.now());
      return { done: r.issuedCount + count, total: r.quantity };
    });
    return step && { ...step, next: await next };
  } catch (err) {
    // 23505 unique_violation: a serial drawn twice (the failed chunk's serials are not used again). Anything
    // else is the job runner's to retry.
    if (sqlState(err) === '23505' && attempt < 3) return chunkWithRetry(deps, requestId, chunkSize, undefined, attempt + 1);
    throw err;
  }
}

/** The `stamps.issue` job; `chunkSize` (stamps per transaction) is ISSUE_CHUNK unless a test sets it. */
export function issuanceJob(deps: StampsDeps, chunkSize = ISSUE_CHUNK): JobHandler {
  return async (ctx: JobContext) => {
    const { requestId } = ctx.job.input as { requestId: string };
    let last: Step | undefined;
    for (;;) {
      if (await ctx.cancelled()) return { cancelled: true, issued: last?.done ?? null };
      const step = await chunkWithRetry(deps, requestId, chunkSize, last?.next);
      if (!step) break;
      last = step;
      await ctx.progress(step.done, step.total);
    }
    const [r] = await rows<RequestRow & { issuedCount: number; quantity: number }>(deps.db.orm, sql`select issued_count as "issuedCount", quantity, status from stamps.requests where id = ${requestId}`);
    if (r && r.status === 'issuing' && r.issuedCount >= r.quantity) {
      await deps.db.orm.execute(sql`update stamps.requests set status = 'issued', updated_at = ${deps.clock.now()} where id = ${requestId} and status = 'issuing'`);
    }
    return { requestId, issued: r?.issuedCount ?? 0 };
  };
}

/** The SQLSTATE of a driver error, possibly wrapped by Drizzle (`cause`). */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
