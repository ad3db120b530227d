// Issuance: one background job per approved request (platform JobRunner, progress in the database). Stamps are
// issued in chunks of ISSUE_CHUNK, each in its own transaction: a bulk insert (one `unnest` statement), the
// chunk's Merkle root (merkle.ts), one ledger record, the stock and the request's issued count. A job whose
// worker died resumes after the last committed chunk; the count is re-read under the request's row lock, so a
// chunk is never issued twice. A serial collision (80 random bits: ~10⁻⁷ over a billion stamps) fails the
// chunk's insert, which is rolled back and drawn again.
import { sql } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import type { JobContext, JobHandler } from '../../platform/jobs/jobs.ts';
import { contentHash, recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import type { StampsDeps } from './deps.ts';
import { issueEntry, merkleRootHex } from './merkle.ts';
import { newSerials } from './serials.ts';
import { addStock } from './status-changes.ts';
import type { RequestRow } from './tables.ts';
import { pgArray } from './sql-arrays.ts';

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

/** Inserts one chunk of stamps with seq from `seqFrom`, as one statement. */
export async function insertStamps(tx: Orm, r: Pick<IssueRequest, 'id' | 'organizationId' | 'productId' | 'lotId'>, serials: readonly string[], seqFrom: number): Promise<void> {
  await tx.execute(sql`
    insert into stamps.stamps (serial, request_id, seq, organization_id, product_id, lot_id, status)
    select t.serial, ${r.id}, ${seqFrom - 1} + t.ord, ${r.organizationId}, ${r.productId}, ${r.lotId}, 'issued'
    from unnest(${pgArray(serials)}::text[]) with ordinality as t(serial, ord)`);
}

/** Issues stamps seq [seqFrom, seqFrom + count) in `tx`; returns the ledger record's id. */
export async function issueChunk(tx: Orm, r: IssueRequest, seqFrom: number, count: number, at: Date): Promise<string> {
  const serials = newSerials(count);
  await insertStamps(tx, r, serials, seqFrom);
  const seqTo = seqFrom + count - 1;
  const merkleRoot = merkleRootHex(serials.map((s) => issueEntry(s, `${r.uriPrefix}${s}`)));
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

async function chunkWithRetry(deps: StampsDeps, requestId: string, attempt = 0): Promise<{ done: number; total: number } | undefined> {
  try {
    return await deps.db.transaction(async (tx) => {
      const [r] = await rows<IssueRequest>(tx, sql`${SELECT} where id = ${requestId} for update`);
      if (!r || r.status !== 'issuing' || r.issuedCount >= r.quantity) return undefined;
      const count = Math.min(ISSUE_CHUNK, r.quantity - r.issuedCount);
      await issueChunk(tx, r, r.issuedCount + 1, count, deps.clock.now());
      return { done: r.issuedCount + count, total: r.quantity };
    });
  } catch (err) {
    // 23505 unique_violation: a serial drawn twice. Anything else is the job runner's to retry.
    if (sqlState(err) === '23505' && attempt < 3) return chunkWithRetry(deps, requestId, attempt + 1);
    throw err;
  }
}

export function issuanceJob(deps: StampsDeps): JobHandler {
  return async (ctx: JobContext) => {
    const { requestId } = ctx.job.input as { requestId: string };
    let last: { done: number; total: number } | undefined;
    for (;;) {
      if (await ctx.cancelled()) return { cancelled: true, issued: last?.done ?? null };
      const step = await chunkWithRetry(deps, requestId);
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
