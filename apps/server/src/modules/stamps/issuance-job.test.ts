// The issuance job over several chunks (a small chunk size stands in for 20,000), on both engines: every chunk
// is written whole with its ledger record, progress is reported after each, a cancelled job stops at a chunk
// boundary and resumes after it, and a serial drawn twice costs only a new draw of its chunk.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, type Client, type TestSystem } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';
import { getJob, type Job, type JobContext } from '../../platform/jobs/jobs.ts';
import { contentHash } from '../../platform/ledger/ledger-entry.ts';
import { issuanceJob, sqlState } from './issuance-job.ts';
import { issueEntry, merkleRootHex } from './merkle.ts';
import { newSerialBlock, serialStrings } from './serial-block.ts';
import type * as SerialBlocks from './serial-block.ts';
import { isSerial } from './serials.ts';
import { pgArray } from './sql-arrays.ts';
import { completeProduct, producer, provinceAdmin, type CatalogSetup, type Producer } from './test-kit.ts';

vi.mock('./serial-block.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof SerialBlocks>();
  return { ...actual, newSerialBlock: vi.fn(actual.newSerialBlock) };
});
const draw = vi.mocked(newSerialBlock);
const realDraw = draw.getMockImplementation()!;

let t: TestSystem;
let admin: Client;
let coop: Producer;
let catalog: CatalogSetup;

beforeAll(async () => {
  t = await createTestSystem();
  admin = await provinceAdmin(t);
  coop = await producer(t, admin, '893612347');
  catalog = await completeProduct(t, coop, 1);
});
afterAll(async () => t?.close());

async function approvedRequest(quantity: number): Promise<{ requestId: string; job: Job }> {
  const created = await coop.admin.request('POST', '/api/v1/stamp-requests', { productId: catalog.productId, lotId: catalog.lotId, quantity, kind: 'qr', layout: { preset: 'a4-24' } });
  expect(created.statusCode, created.body).toBe(201);
  const requestId: string = created.json().id;
  const approved = await admin.request('POST', `/api/v1/stamp-requests/${requestId}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  const [row] = await rows<{ jobId: string }>(t.db.orm, sql`select job_id as "jobId" from stamps.requests where id = ${requestId}`);
  return { requestId, job: (await getJob(t.db.orm, row!.jobId))! };
}

/** Runs the job handler itself with `chunkSize` stamps per transaction; cancelled once `cancelAfter` chunks reported. */
async function runIssuance(job: Job, options: { chunkSize: number; cancelAfter?: number }) {
  const progress: [number, number | undefined][] = [];
  const ctx: JobContext = {
    job,
    db: t.db,
    log: pino({ level: 'silent' }),
    progress: async (done, total) => void progress.push([done, total]),
    cancelled: async () => options.cancelAfter !== undefined && progress.length >= options.cancelAfter,
  };
  const result = await issuanceJob(t.system.services.stamps.deps, options.chunkSize)(ctx);
  return { result, progress };
}

/** Checks that exactly `issued` stamps exist, in whole chunks, each chunk's record proving its stamps. */
async function expectWholeChunks(requestId: string, issued: number, chunks: [number, number][]) {
  const [request] = await rows<{ issuedCount: number; uriPrefix: string; status: string }>(t.db.orm, sql`select issued_count as "issuedCount", uri_prefix as "uriPrefix", status from stamps.requests where id = ${requestId}`);
  const stamps = await rows<{ serial: string; seq: number; status: string }>(t.db.orm, sql`select serial, seq, status from stamps.stamps where request_id = ${requestId} order by seq`);
  expect(request!.issuedCount).toBe(issued);
  expect(stamps.map((s) => s.seq)).toEqual(Array.from({ length: issued }, (_, i) => i + 1));
  expect(stamps.every((s) => isSerial(s.serial) && s.status === 'issued')).toBe(true);
  expect(new Set(stamps.map((s) => s.serial)).size).toBe(issued);
  const batches = await rows<{ seqFrom: number; seqTo: number; merkleRoot: string; content: Record<string, unknown>; sha256: string }>(
    t.db.orm,
    sql`select seq_from as "seqFrom", seq_to as "seqTo", merkle_root as "merkleRoot", content, content_sha256 as sha256 from stamps.issue_batches where request_id = ${requestId} order by seq_from`,
  );
  expect(batches.map((b) => [b.seqFrom, b.seqTo])).toEqual(chunks);
  for (const b of batches) {
    const members = stamps.slice(b.seqFrom - 1, b.seqTo);
    const root = merkleRootHex(members.map((s) => issueEntry(s.serial, `${request!.uriPrefix}${s.serial}`)));
    expect(b.merkleRoot).toBe(root);
    expect(b.content).toMatchObject({ type: 'stamp-issue-batch', requestId, seqFrom: b.seqFrom, seqTo: b.seqTo, count: members.length, merkleRoot: root });
    expect(contentHash(b.content)).toBe(b.sha256);
  }
  const ledger = await rows<{ id: string; sha256: string }>(
    t.db.orm,
    sql`select payload->>'id' as id, payload->>'sha256' as sha256 from platform.outbox where topic = 'ledger.entry' and payload->>'kind' = 'stamp.issue' and payload->>'id' like ${`stamp-issue:${requestId}:%`}`,
  );
  expect(ledger.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))).toEqual(batches.map((b) => ({ id: `stamp-issue:${requestId}:${b.seqFrom}-${b.seqTo}`, sha256: b.sha256 })));
  const [stock] = await rows<{ n: number }>(t.db.orm, sql`select coalesce(sum(n), 0)::int as n from stamps.stock where request_id = ${requestId} and status = 'issued'`);
  expect(stock!.n).toBe(issued);
  return request!;
}

describe('the issuance job', () => {
  it('issues in chunks, each one ledger record whose Merkle root is its stamps\' in seq order, and reports progress after each', async () => {
    const { requestId, job } = await approvedRequest(20);
    const { result, progress } = await runIssuance(job, { chunkSize: 7 });
    expect(result).toEqual({ requestId, issued: 20 });
    expect(progress).toEqual([[7, 20], [14, 20], [20, 20]]);
    const request = await expectWholeChunks(requestId, 20, [[1, 7], [8, 14], [15, 20]]);
    expect(request.status).toBe('issued');
  });

  it('stops at a chunk boundary when cancelled, and a later run resumes after the last committed chunk', async () => {
    const { requestId, job } = await approvedRequest(20);
    const first = await runIssuance(job, { chunkSize: 7, cancelAfter: 1 });
    expect(first.result).toEqual({ cancelled: true, issued: 7 });
    expect((await expectWholeChunks(requestId, 7, [[1, 7]])).status).toBe('issuing');
    const second = await runIssuance(job, { chunkSize: 7 });
    expect(second.progress).toEqual([[14, 20], [20, 20]]);
    expect((await expectWholeChunks(requestId, 20, [[1, 7], [8, 14], [15, 20]])).status).toBe('issued');
  });

  it('draws a chunk again when one of its serials exists already, keeping nothing of the failed attempt', async () => {
    const { requestId, job } = await approvedRequest(20);
    // The first draw is chunk 1; the second (drawn while chunk 1 is written) is chunk 2, given chunk 1's first serial.
    let first: Buffer | undefined;
    let colliding: Buffer | undefined;
    draw.mockImplementationOnce((n) => (first = realDraw(n)));
    draw.mockImplementationOnce((n) => (colliding = Buffer.concat([first!.subarray(0, 16), realDraw(n).subarray(16)])));
    await runIssuance(job, { chunkSize: 7 });
    await expectWholeChunks(requestId, 20, [[1, 7], [8, 14], [15, 20]]);
    const taken = first!.toString('latin1', 0, 16);
    const [copies] = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from stamps.stamps where serial = ${taken}`);
    expect(copies!.n).toBe(1);
    const others = serialStrings(colliding!).slice(1);
    const [leftovers] = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from stamps.stamps where serial = any(${pgArray(others)}::text[])`);
    expect(leftovers!.n).toBe(0);
  });

  it('fails when every draw of a chunk collides, leaving the chunks committed before it whole and nothing else', async () => {
    const { requestId, job } = await approvedRequest(20);
    draw.mockImplementation((n) => {
      const block = realDraw(n);
      block.copy(block, 16, 0, 16); // serial 2 = serial 1
      return block;
    });
    draw.mockImplementationOnce(realDraw);
    try {
      const error = await runIssuance(job, { chunkSize: 7 }).then(() => undefined, (err: unknown) => err);
      expect(sqlState(error)).toBe('23505');
    } finally {
      draw.mockImplementation(realDraw);
    }
    expect((await expectWholeChunks(requestId, 7, [[1, 7]])).status).toBe('issuing');
  });
});
