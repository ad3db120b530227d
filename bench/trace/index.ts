// `npm run bench -- trace [--events=1000000,10000000] [--samples=N]`, on PostgreSQL (apps/server/test/postgres-server.ts):
// - trace latency of a lot through 6 hops with 100 downstream shipments (the whole service: walk, events, names,
//   presentation, JSON), p99 ≤ 50 ms at 10^6 events and ≤ 100 ms at 10^7, beside the same recursive statement run
//   raw in the same run;
// - recall scope of 10,000 affected items (trace, holders with quantities and contacts) ≤ 2 s; the whole opening
//   (scope, rows, EPCIS events, notices, ledger, audit in one transaction) beside it.
import { performance } from 'node:perf_hooks';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import pino from 'pino';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSystem, type System } from '../../apps/server/src/app/system.ts';
import { MIGRATION_SOURCES } from '../../apps/server/src/app/migrations.ts';
import { loadConfig } from '../../apps/server/src/config/config.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { openDatabase, type Database } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { systemContext, type RequestContext } from '../../apps/server/src/platform/request-context.ts';
import { deriveSecrets } from '../../apps/server/src/platform/security/secrets.ts';
import { startPostgres, type RunningPostgres } from '../../apps/server/test/postgres-server.ts';
import { presentTrace } from '../../apps/server/src/modules/trace/presenter.ts';
import { reachStatement } from '../../apps/server/src/modules/trace/reach-sql.ts';
import { ALL } from '../../apps/server/src/modules/trace/scope.ts';
import { computeScope } from '../../apps/server/src/modules/recall/scope-builder.ts';
import { atMost, percentile, type Bench, type Figure } from '../types.ts';
import { generate, type Dataset } from './generate.ts';

const LOADED = ['events', 'event_ids', 'event_epcs', 'event_quantities', 'event_parties', 'event_biz_transactions'];

function option(args: string[], name: string): string | undefined {
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const official: RequestContext = {
  actor: { type: 'user', userId: '00000000-0000-4000-8000-000000000001', email: 'admin@bench', role: 'province_admin', organizationId: null, scope: { sector: null, communeId: null, departmentCode: null }, sessionId: 'bench', mfaSatisfied: true },
  requestId: 'bench', clientHash: null, lang: 'vi',
};

interface Run {
  readonly postgres: RunningPostgres;
  readonly db: Database;
  readonly system: System;
  readonly owner: string;
  readonly dataDir: string;
}

async function open(size: number, _log: (l: string) => void): Promise<Run> {
  const postgres = await startPostgres({ settings: { shared_buffers: '1GB', work_mem: '64MB', maintenance_work_mem: '1GB', max_wal_size: '16GB', checkpoint_timeout: '30min', effective_cache_size: '8GB' } });
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('create database txng_trace');
  await admin.end();
  const db = await openDatabase({ databaseUrl: postgres.urlFor('txng_trace'), poolSize: 8 });
  await migrate(db, MIGRATION_SOURCES);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'txng-bench-trace-'));
  const config = loadConfig({ NODE_ENV: 'test', TXNG_SECRET: 'bench-secret-that-is-long-enough-0123456789', TXNG_DEMO: 'false', TXNG_DATA_DIR: dataDir, PUBLIC_BASE_URL: 'http://txng.bench', LOG_LEVEL: 'silent' });
  const system = await createSystem({ config, log: pino({ level: 'silent' }), db, secrets: deriveSecrets(config.secret!), clock: systemClock });
  const { organizations } = system.services;
  const org = await organizations.register(systemContext('bench'), {
    organization: { kind: 'enterprise', name: 'Công ty Đo Hiệu Năng Truy Xuất', taxCode: '5500999123', address: 'Thành phố Sơn La', communeId: 46, representative: 'Người Đại Diện', sectors: ['agriculture-environment'], phone: '0212 385 2111', email: 'lienhe@bench.example' },
    admin: { fullName: 'Quản Trị', email: `trace.${size}@bench.example`, password: 'Bench-Password-2026' },
    acceptTerms: true,
  });
  await organizations.decide(official, org.id, 'approve');
  return { postgres, db, system, owner: org.id, dataDir };
}

/** Bulk load without secondary indexes, then build them once (as one restores a database), then ANALYZE. */
async function load(run: Run, events: number, log: (l: string) => void): Promise<Dataset> {
  const pool = run.db.pool!;
  const indexes = (await pool.query<{ indexname: string; indexdef: string }>(`select indexname, indexdef from pg_indexes where schemaname = 'epcis' and tablename = any($1) and indexname not in (select conname from pg_constraint)`, [LOADED])).rows;
  for (const i of indexes) await pool.query(`drop index epcis.${i.indexname}`);
  const orgs = Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`);
  const t0 = performance.now();
  const dataset = await generate(pool, { events, probes: 40, owner: run.owner, organizations: orgs, log });
  const t1 = performance.now();
  for (const i of indexes) await pool.query(i.indexdef);
  const t2 = performance.now();
  await pool.query('vacuum analyze');
  const size = (await pool.query<{ s: string }>(`select pg_size_pretty(pg_database_size('txng_trace')) as s`)).rows[0]!.s;
  log(`${dataset.events.toLocaleString('en-US')} events: COPY ${((t1 - t0) / 1000).toFixed(0)} s, ${indexes.length} indexes ${((t2 - t1) / 1000).toFixed(0)} s, vacuum analyze ${((performance.now() - t2) / 1000).toFixed(0)} s; database ${size}`);
  return dataset;
}

async function traceFigures(run: Run, data: Dataset, samples: number, log: (l: string) => void): Promise<Figure[]> {
  const trace = run.system.services.trace.service;
  const dialect = new PgDialect();
  const service: number[] = [];
  const raw: number[] = [];
  const limits = { maxDepth: 25, maxNodes: 5000 };
  for (let i = 0; i < samples + 20; i++) {
    const probe = data.probes[i % data.probes.length]!;
    const a = performance.now();
    const outcome = await trace.trace(official, { id: probe.start, direction: 'forward', depth: limits.maxDepth, limit: limits.maxNodes });
    JSON.stringify(presentTrace({ target: outcome.target, direction: outcome.direction, maxDepth: limits.maxDepth, maxNodes: limits.maxNodes, view: outcome.view }));
    const b = performance.now();
    if (outcome.view.nodes.length !== probe.nodes || outcome.view.truncations.length) throw new Error(`probe ${probe.start}: ${outcome.view.nodes.length} identities, expected ${probe.nodes}`);
    const q = dialect.sqlToQuery(reachStatement({ starts: [probe.start], directions: ['forward'], scope: ALL, ...limits }));
    const c = performance.now();
    const levels = await run.db.pool!.query(q.sql, q.params as unknown[]);
    const d = performance.now();
    if (levels.rows.length !== 8) throw new Error(`raw walk of ${probe.start}: ${levels.rows.length} levels`);
    if (i >= 20) {
      service.push(b - a);
      raw.push(d - c);
    }
  }
  const events = data.events.toLocaleString('en-US');
  const target = data.events >= 5_000_000 ? 100 : 50;
  log(`trace at ${events}: service p50 ${percentile(service, 50).toFixed(1)} / p99 ${percentile(service, 99).toFixed(1)} ms; raw recursive statement p50 ${percentile(raw, 50).toFixed(1)} / p99 ${percentile(raw, 99).toFixed(1)} ms`);
  return [{
    metric: `trace of a lot through 6 hops with 100 downstream shipments, ${events} events, p99 (service: walk + events + names + presentation + JSON; ${samples} traces of ${data.probes.length} lots)`,
    value: percentile(service, 99), unit: 'ms', ...atMost(percentile(service, 99), target),
    reference: { label: 'the same recursive statement run raw, p99', value: percentile(raw, 99), unit: 'ms' },
    note: `p50 ${percentile(service, 50).toFixed(1)} ms; raw p50 ${percentile(raw, 50).toFixed(1)} ms`,
  }];
}

async function recallFigures(run: Run, data: Dataset, log: (l: string) => void): Promise<Figure[]> {
  const { trace, recall } = run.system.services;
  const times: number[] = [];
  let affected = 0;
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    const scope = await computeScope({ trace: trace.service, directory: trace.directory }, [data.recall.lot], run.owner, new Date());
    times.push(performance.now() - a);
    affected = scope.affected.length;
    if (scope.truncations.length || scope.holders.length < 100) throw new Error(`recall scope: ${affected} identities, ${scope.holders.length} holders, truncated ${scope.truncations.length}`);
  }
  const a = performance.now();
  const opened = await recall.recalls.open(official, { targets: { ids: [data.recall.lot] }, reason: 'Đo hiệu năng thu hồi (bench).', severity: 'class_2' });
  const whole = performance.now() - a;
  log(`recall scope of ${affected.toLocaleString('en-US')} identities (${data.recall.items.toLocaleString('en-US')} items): median ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms; whole opening ${whole.toFixed(0)} ms (${opened.holders.length} holders)`);
  return [{
    metric: `recall scope of ${data.recall.items.toLocaleString('en-US')} affected items at ${data.events.toLocaleString('en-US')} events (forward trace, holders with quantities and contacts; worst of 5)`,
    value: Math.max(...times) / 1000, unit: 's', ...atMost(Math.max(...times) / 1000, 2),
    reference: { label: 'whole opening (scope + rows + EPCIS events + notices + ledger + audit, one transaction)', value: whole / 1000, unit: 's' },
    note: `median ${(percentile(times, 50) / 1000).toFixed(2)} s; ${affected.toLocaleString('en-US')} identities, ${opened.holders.length} holders`,
  }];
}

const bench: Bench = async ({ args, log }) => {
  const sizes = (option(args, 'events') ?? '1000000').split(',').map(Number).filter((n) => n > 0);
  const samples = Number(option(args, 'samples') ?? 300);
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const size of sizes) {
    log(`--- ${size.toLocaleString('en-US')} events ---`);
    const run = await open(size, log);
    try {
      const t0 = performance.now();
      const data = await load(run, size, log);
      notes.push(`${data.events.toLocaleString('en-US')} events generated and loaded in ${((performance.now() - t0) / 60_000).toFixed(1)} min (COPY into the epcis tables, secondary indexes built after).`);
      figures.push(...(await traceFigures(run, data, samples, log)));
      figures.push(...(await recallFigures(run, data, log)));
    } finally {
      await run.system.stop().catch(() => {});
      await run.db.close().catch(() => {});
      run.postgres.stop();
      rmSync(run.dataDir, { recursive: true, force: true });
    }
  }
  notes.push(
    'Dataset: supply chains of ten events (harvest, transfer, processing, two pallets packed, shipped and received) with 40 probe lots (5 transformations, then 100 cases each shipped and received) and one lot made into 10,000 serialised items packed 100 per case in 100 shipped cases.',
    'Trace latency is the service as the API runs it for a province administrator (no reader filter), measured in-process (no HTTP); the raw reference is the recursive statement alone through node-postgres, alternating with the service on the same lots.',
    `Machine shared with other work (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end).`,
  );
  return { name: 'trace', figures, notes };
};

export default bench;
