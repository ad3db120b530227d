// `npm run bench -- ledger [--entries=N] [--writers=N] [--per-tx=N]`: the transparency ledger on a real PostgreSQL
// with durable commits (fsync, synchronous_commit and full_page_writes on), through the whole path: records
// committed with recordManyInLedger (or recordInLedger) → outbox → sequencer batch (leaves, tiles, bundles) → signed, published checkpoint.
// - durable appends/s end to end, beside raw commits of the same transactions without the ledger (≥ 5,000/s);
// - commit → published checkpoint latency p50/p99 at a steady load (≤ 0.5 s / ≤ 1.5 s);
// - inclusion proof generation (API service, tiles read from PostgreSQL) and verification (≤ 1 ms);
// - storage bytes per entry: tree overhead (hash + mid tiles, ≤ 40 B), bundles, lookup rows.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { merkleHasher, parseVerifierKey, verifyTlogProof } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { loadConfig } from '../../apps/server/src/config/config.ts';
import { MIGRATION_SOURCES } from '../../apps/server/src/app/migrations.ts';
import { createLedger, type Ledger } from '../../apps/server/src/modules/ledger/index.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { openDatabase, rows, type Database } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { recordInLedger, recordManyInLedger } from '../../apps/server/src/platform/ledger/ledger-entry.ts';
import { startPostgres } from '../../apps/server/test/postgres-server.ts';
import { atLeast, atMost, percentile, type Bench, type Figure } from '../types.ts';

function option(args: string[], name: string, fallback: number): number {
  const arg = args.find((a) => a.startsWith(`${name}=`));
  const value = arg ? Number(arg.slice(name.length + 1)) : NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 3) => Number(n.toFixed(digits));

/** An EPCIS-event-like record: what a module hashes into its leaf. */
const content = (id: string) => ({ eventID: id, bizStep: 'shipping', readPoint: 'urn:epc:id:sgln:8936012.00001.0', when: '2026-03-01T08:00:00+07:00' });

/**
 * How a transaction hands its records to the ledger: `batch` = one recordManyInLedger statement per transaction,
 * as an EPCIS capture or an import does; `each` = one recordInLedger statement per record, as a single edit does.
 */
type Shape = 'batch' | 'each';

/** `writers` concurrent loops, each committing transactions of `perTx` records until `total` are written. */
async function write(db: Database, prefix: string, total: number, writers: number, perTx: number, shape: Shape, onCommit?: (ids: string[], at: number) => void): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) {
        const first = next;
        next += perTx;
        const ids = Array.from({ length: Math.min(perTx, total - first) }, (_, k) => `${prefix}-${first + k}`);
        await db.transaction(async (tx) => {
          if (shape === 'batch') await recordManyInLedger(tx, ids.map((id) => ({ kind: 'epcis.event', id, content: content(id) })));
          else for (const id of ids) await recordInLedger(tx, { kind: 'epcis.event', id, content: content(id) });
        });
        onCommit?.(ids, Date.now());
      }
    }),
  );
}

/** The same transactions without the ledger: one JSON row per record into a plain table, in the same shape. */
async function writeRaw(db: Database, total: number, writers: number, perTx: number, shape: Shape): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) {
        const first = next;
        next += perTx;
        const payloads = Array.from({ length: Math.min(perTx, total - first) }, (_, k) => JSON.stringify(content(`raw-${first + k}`)));
        await db.transaction(async (tx) => {
          if (shape === 'batch') await tx.execute(sql`insert into public.bench_raw (payload) select unnest(${sql.param(payloads)}::jsonb[])`);
          else for (const payload of payloads) await tx.execute(sql`insert into public.bench_raw (payload) values (${payload}::jsonb)`);
        });
      }
    }),
  );
}

async function publishedSize(ledger: Ledger): Promise<bigint> {
  return (await ledger.checkpoints.latestPublished())?.size ?? 0n;
}

async function waitPublished(ledger: Ledger, size: bigint): Promise<number> {
  while ((await publishedSize(ledger)) < size) await sleep(5);
  return Date.now();
}

const bench: Bench = async ({ args, log }) => {
  const entries = option(args, '--entries', 60_000);
  const writers = option(args, '--writers', 16);
  const perTx = option(args, '--per-tx', 10);
  const server = await startPostgres({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-ledger-'));
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const url = server.urlFor('bench');
    const db = await openDatabase({ databaseUrl: url, poolSize: 6 });
    const writerDb = await openDatabase({ databaseUrl: url, poolSize: writers });
    await migrate(db, MIGRATION_SOURCES);
    await db.orm.execute(sql`create table public.bench_raw (id bigint generated always as identity primary key, payload jsonb not null)`);
    const config = loadConfig({
      NODE_ENV: 'test',
      TXNG_SECRET: 'benchmark-secret-that-is-long-enough-0123456789',
      TXNG_DEMO: 'false',
      TXNG_DATA_DIR: dataDir,
      PUBLIC_BASE_URL: 'https://truyxuat.sonla.gov.vn',
      DATABASE_URL: url,
    });
    const ledger = await createLedger({ db, config, log: pino({ level: 'warn' }), clock: systemClock });
    ledger.start();
    log(`PostgreSQL ${server.version} with fsync on; ${writers} writers, ${perTx} records per transaction`);

    // Reference: the same transactions, committed durably, without the ledger, in both shapes.
    const rawCount = Math.min(entries, 30_000);
    const rawRateOf = async (shape: Shape) => {
      const start = performance.now();
      await writeRaw(writerDb, rawCount, writers, perTx, shape);
      return rawCount / ((performance.now() - start) / 1000);
    };
    const rawRate = await rawRateOf('batch');
    const rawEachRate = await rawRateOf('each');
    log(`raw commits: ${Math.round(rawRate)} rows/s in one statement per transaction, ${Math.round(rawEachRate)} rows/s in one per row`);

    // 1. Throughput: every record committed, sequenced, tiled, signed and published.
    const warm = 2_000;
    await write(writerDb, 'warm', warm, writers, perTx, 'batch');
    await waitPublished(ledger, BigInt(warm));
    const base = await publishedSize(ledger);
    const heavyCommits: { id: string; at: number }[] = [];
    let t0 = Date.now();
    await write(writerDb, 'tp', entries, writers, perTx, 'batch', (ids, at) => {
      if (heavyCommits.length < 2000 && Math.random() < 0.05) heavyCommits.push({ id: ids[0]!, at });
    });
    const committedAt = Date.now();
    const doneAt = await waitPublished(ledger, base + BigInt(entries));
    const rate = entries / ((doneAt - t0) / 1000);
    log(`end to end: ${Math.round(rate)} entries/s (writers done after ${committedAt - t0} ms, published after ${doneAt - t0} ms)`);
    figures.push({
      metric: `durable appends, record → outbox → leaf → tile → signed checkpoint (${entries.toLocaleString('en-US')} records, ${writers} writers × ${perTx} records per transaction logged in one statement as an EPCIS capture does, wall clock to the published checkpoint)`,
      value: Math.round(rate),
      unit: 'entries/s',
      ...atLeast(rate, 5_000),
      reference: { label: 'raw durable commits of the same transactions without the ledger (one multi-row insert each)', value: Math.round(rawRate), unit: 'rows/s' },
    });

    // The same transactions with one statement per record (recordInLedger, as single edits log theirs).
    const each = Math.min(entries, 30_000);
    const eachBase = await publishedSize(ledger);
    t0 = Date.now();
    await write(writerDb, 'each', each, writers, perTx, 'each');
    const eachRate = each / (((await waitPublished(ledger, eachBase + BigInt(each))) - t0) / 1000);
    log(`end to end, one statement per record: ${Math.round(eachRate)} entries/s`);
    figures.push({
      metric: `durable appends end to end, ${writers} writers × ${perTx} records per transaction, one recordInLedger statement per record (${each.toLocaleString('en-US')} records; informational)`,
      value: Math.round(eachRate),
      unit: 'entries/s',
      reference: { label: 'raw durable commits, one insert per row', value: Math.round(rawEachRate), unit: 'rows/s' },
    });

    // 2. Latency at a steady load: ~500 records/s in single-record transactions from 5 writers.
    const commits: { id: string; at: number }[] = [];
    const steadyEnd = Date.now() + 15_000;
    await Promise.all(
      Array.from({ length: 5 }, async (_, w) => {
        for (let i = 0; Date.now() < steadyEnd; i++) {
          const id = `lat-${w}-${i}`;
          await writerDb.transaction((tx) => recordInLedger(tx, { kind: 'epcis.event', id, content: content(id) }));
          commits.push({ id, at: Date.now() });
          await sleep(10);
        }
      }),
    );
    await waitPublished(ledger, (await ledger.checkpoints.latestSigned())!.size);
    const latencies = async (sample: { id: string; at: number }[]) => {
      const json = JSON.stringify(sample.map((c) => c.id));
      const found = await rows<{ id: string; published: string }>(
        db.orm,
        sql`select e.record_id as id, (select extract(epoch from min(c.published_at)) * 1000 from ledger.checkpoints c
              where c.size > e.leaf_index and c.published_at is not null)::float8 as published
            from ledger.entries e where e.kind = 'epcis.event' and e.record_id in (select jsonb_array_elements_text(${json}::jsonb))`,
      );
      const at = new Map(sample.map((c) => [c.id, c.at]));
      return found.map((r) => Number(r.published) - at.get(r.id)!);
    };
    const steady = await latencies(commits);
    const loaded = await latencies(heavyCommits);
    // Reference: one durable single-row commit on the same server.
    const commitTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await writerDb.transaction((tx) => tx.execute(sql`insert into public.bench_raw (payload) values ('{}'::jsonb)`));
      commitTimes.push(performance.now() - s);
    }
    const commitP50 = percentile(commitTimes, 50);
    log(`latency steady p50 ${percentile(steady, 50)} ms, p99 ${percentile(steady, 99)} ms (${steady.length} records)`);
    figures.push({
      metric: `commit → published checkpoint, p50 (${steady.length} records at ~${Math.round(steady.length / 15)}/s in single-record transactions)`,
      value: round(percentile(steady, 50) / 1000),
      unit: 's',
      ...atMost(percentile(steady, 50) / 1000, 0.5),
      reference: { label: 'one durable commit, p50', value: round(commitP50 / 1000, 4), unit: 's' },
    });
    figures.push({
      metric: 'commit → published checkpoint, p99',
      value: round(percentile(steady, 99) / 1000),
      unit: 's',
      ...atMost(percentile(steady, 99) / 1000, 1.5),
    });
    figures.push({
      metric: `commit → published checkpoint during the throughput run, p50 / p99 (${loaded.length} sampled records; informational)`,
      value: round(percentile(loaded, 50) / 1000),
      unit: 's',
      note: `p99 ${round(percentile(loaded, 99) / 1000)} s`,
    });

    // The ledger's own part alone: a backlog committed while the loop is stopped, then sequenced, tiled, signed
    // and published by the same code (flush), timed from the first batch to the published checkpoint.
    await ledger.stop();
    const backlog = Math.min(entries, 30_000);
    await write(writerDb, 'backlog', backlog, writers, perTx, 'batch');
    const drainStart = performance.now();
    await ledger.flush();
    const drainRate = backlog / ((performance.now() - drainStart) / 1000);
    log(`sequencer alone: ${Math.round(drainRate)} entries/s`);
    figures.push({
      metric: `the ledger's part alone: a backlog of ${backlog.toLocaleString('en-US')} outbox entries → leaves, tiles, bundles, signed and published checkpoints (batches of up to 8,192)`,
      value: Math.round(drainRate),
      unit: 'entries/s',
      ...atLeast(drainRate, 5_000),
    });

    // 3. Proofs: generated by the API service (tiles from PostgreSQL, full tiles cached), verified offline.
    const total = Number(await publishedSize(ledger));
    const hasher = merkleHasher(nodeCrypto);
    const key = parseVerifierKey(nodeCrypto, ledger.key.vkey);
    if (!key.ok) throw new Error(key.error.code);
    const ids = Array.from({ length: 1000 }, () => `tp-${Math.floor(Math.random() * entries)}`);
    const proofs: { text: string; leaf: string }[] = [];
    const generate = async () => {
      const wall: number[] = [];
      const cpu: number[] = [];
      proofs.length = 0;
      for (const id of ids) {
        const c = cpuMs();
        const w = performance.now();
        const proof = await ledger.service.proofFor('epcis.event', id);
        wall.push(performance.now() - w);
        cpu.push(cpuMs() - c);
        proofs.push({ text: proof.tlogProof, leaf: proof.leaf });
      }
      return { wall, cpu };
    };
    // First pass: random entries, nothing cached (each reads a full tile and a mid tile from TOAST storage).
    const cold = await generate();
    // Second pass over the same entries: full tiles come from the server's cache, as for a running server's
    // recently or often proved records; the right-edge partial tiles are still read from PostgreSQL.
    const cached = await generate();
    const verifyCpu: number[] = [];
    for (const p of proofs) {
      const c = performance.now();
      const verified = verifyTlogProof(hasher, p.text, hasher.leafHash(new TextEncoder().encode(p.leaf)), { origin: key.value.name, logKeys: [key.value] });
      verifyCpu.push(performance.now() - c);
      if (!verified.ok) throw new Error(`a proof did not verify: ${verified.error.code}`);
    }
    const pingTimes: number[] = [];
    for (let i = 0; i < 300; i++) {
      const s = performance.now();
      await db.orm.execute(sql`select 1`);
      pingTimes.push(performance.now() - s);
    }
    figures.push({
      metric: `inclusion proof generation by the API service, full tiles cached, right-edge tiles read from PostgreSQL (wall p50; CPU p50 ${round(percentile(cached.cpu, 50))} ms, wall p99 ${round(percentile(cached.wall, 99))} ms; 1000 proofs in a ${total.toLocaleString('en-US')}-entry tree)`,
      value: round(percentile(cached.wall, 50)),
      unit: 'ms',
      ...atMost(percentile(cached.wall, 50), 1),
      reference: { label: 'PostgreSQL round trip (select 1), p50', value: round(percentile(pingTimes, 50)), unit: 'ms' },
    });
    figures.push({
      metric: `the same, first pass: random entries, every tile read from PostgreSQL (CPU p50 ${round(percentile(cold.cpu, 50))} ms, wall p99 ${round(percentile(cold.wall, 99))} ms; informational)`,
      value: round(percentile(cold.wall, 50)),
      unit: 'ms',
    });
    figures.push({
      metric: `tlog-proof verification: Ed25519 checkpoint signature + RFC 9162 inclusion (p99 ${round(percentile(verifyCpu, 99))} ms)`,
      value: round(percentile(verifyCpu, 50)),
      unit: 'ms',
      ...atMost(percentile(verifyCpu, 50), 1),
    });

    // 4. Storage, after VACUUM FULL drops the superseded versions of right-edge partial tiles and bundles.
    await db.orm.execute(sql`vacuum full ledger.tiles, ledger.mid_tiles, ledger.bundles, ledger.entries`);
    const [sizes] = await rows<Record<string, string>>(
      db.orm,
      sql`select (select coalesce(sum(length(data)), 0) from ledger.tiles)::bigint as tile_bytes,
                 (select coalesce(sum(length(data)), 0) from ledger.mid_tiles)::bigint as mid_bytes,
                 (pg_total_relation_size('ledger.tiles') + pg_total_relation_size('ledger.mid_tiles'))::bigint as tree_disk,
                 pg_total_relation_size('ledger.bundles')::bigint as bundles_disk,
                 pg_total_relation_size('ledger.entries')::bigint as entries_disk,
                 (select size from ledger.tree_state)::bigint as size`,
    );
    const n = Number(sizes!.size);
    const per = (v: string | undefined) => round(Number(v) / n, 2);
    figures.push({
      metric: `tree overhead: hash tiles + mid tiles, bytes of hashes per entry (${per(sizes!.tree_disk)} B/entry on disk with PostgreSQL row and TOAST overhead)`,
      value: per(String(Number(sizes!.tile_bytes) + Number(sizes!.mid_bytes))),
      unit: 'B/entry',
      ...atMost(Number(sizes!.tile_bytes) / n + Number(sizes!.mid_bytes) / n, 40),
      reference: { label: 'one SHA-256 leaf hash', value: 32, unit: 'B/entry' },
    });
    figures.push({
      metric: 'entry bundles (the leaves, ~130-byte RFC 8785 JSON each), on disk',
      value: per(sizes!.bundles_disk),
      unit: 'B/entry',
    });
    figures.push({
      metric: '(kind, id, sha256) → index lookup rows and their index, on disk',
      value: per(sizes!.entries_disk),
      unit: 'B/entry',
    });
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
    notes.push(
      `PostgreSQL ${server.version} started for the run with fsync, synchronous_commit and full_page_writes on (durable commits); the sequencer runs in this process (the server's loop, which polls the pending-outbox index every 100 ms), the writers on their own pool; both share the machine's two cores with PostgreSQL.`,
      `Throughput = ${entries.toLocaleString('en-US')} records written by ${writers} concurrent writers in transactions of ${perTx} (e.g. one EPCIS capture: its events enter the outbox in one statement, recordManyInLedger), timed from the first commit to the published checkpoint that covers the last; batches hold up to 8,192 entries, each batch signs one checkpoint.`,
      'Latency = the published_at of the first checkpoint covering a record minus the wall-clock time its commit returned; no witnesses configured (quorum 0), so signing publishes.',
      `Proof generation goes through the same service as GET /api/v1/ledger/proof: entry lookup, latest published checkpoint, tiles and mid tiles from PostgreSQL (full tiles cached), tlog-proof formatting: two round trips (entry lookup, then the right-edge tiles in one query), so the same-run "select 1" round trip is its floor; generation from tiles in memory is in the tlog benchmark. The machine is shared (load average ${load} at the end).`,
    );
    await writerDb.close();
    await db.close();
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { name: 'ledger', figures, notes };
};

export default bench;
