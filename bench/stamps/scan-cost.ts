// `node --import tsx bench/stamps/scan-cost.ts [--stamps=N] [--labels=N] [--seconds=N] [--mode=process|inprocess]
// [--cpu-prof --prof-dir=DIR] [--explain]`: what one stamp scan costs, in CPU time (wall clock on the shared
// machine is noise). Issues N stamps (default 20,000), prints and activates `labels` of them (default 10,000), then
// loads the resolver with wrk (each request a different stamp) and prints the CPU seconds per request of the server
// (this process, or `apps/server/src/main.ts` as its own process with --mode=process) and of PostgreSQL (by
// process kind), the statements behind them (pg_stat_statements), the stamps tables' sizes and vacuum state, and
// with --explain the plan of the scan recorder's write. The per-request statement count is what mattered: see
// public/ledger/stamp-records.ts.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { serverCpuSeconds, statFields } from '../lib/postgres-cpu.ts';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';
import { wrk } from './http-load.ts';
import { startStampsBenchEnv } from './setup.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const stampCount = Number(arg('stamps', '20000'));
const labels = Number(arg('labels', '10000'));
const seconds = Number(arg('seconds', '10'));
const mode = arg('mode', 'inprocess');
const explain = process.argv.includes('--explain');

const env = await startStampsBenchEnv({ settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } });
let child: ServerProcess | undefined;
try {
  const { system, coop, province, db } = env;
  const pool = db.pool!;
  await pool.query('create extension if not exists pg_stat_statements');
  const stamps = system.services.stamps;
  await stamps.query.setQuota(province, env.organizationId, stampCount * 2);
  const request = await stamps.requests.create(coop, { productId: env.productId, lotId: env.lotId, quantity: stampCount, kind: 'qr', layout: { preset: 'a4-65' } });
  await stamps.requests.approve(province, request.id);
  let t0 = performance.now();
  while (await system.jobs.runOnce());
  console.log(`issued ${stampCount} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const file = await stamps.print.print(coop, request.id, { format: 'pdf', from: 1, to: labels });
  await file.write(new Writable({ write: (_c: Buffer, _e, cb) => cb() }));
  await stamps.lifecycle.activate(coop, env.lotId, { range: { requestId: request.id, from: 1, to: labels } });
  const list = await stamps.query.list(coop, { requestId: request.id, status: 'active', limit: labels, offset: 0 });
  const pathsFile = path.join(env.dataDir, 'paths.txt');
  writeFileSync(pathsFile, list.items.map((s) => new URL(s.uri).pathname).join('\n'));
  console.log(`heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  const { rows: [me] } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
  const postmaster = Number(statFields(me!.pid)?.[1]);

  let base: string;
  let serverCpu: () => number;
  if (mode === 'process') {
    await system.stop();
    child = await startServerProcess({
      port: env.port,
      env: { DATABASE_URL: env.server.urlFor('bench'), TXNG_SECRET: 'benchmark-secret-that-is-long-enough-0123456789', TXNG_DEMO: 'true', TXNG_DATA_DIR: env.dataDir, NODE_ENV: 'development', TXNG_RATE_LIMIT_PUBLIC: '10000000' },
      nodeArgs: process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${arg('prof-dir', '/tmp/scanprof')}`] : [],
    });
    base = child.baseUrl;
    const pid = child.pid;
    serverCpu = () => {
      const f = statFields(pid)!;
      return (Number(f[11]) + Number(f[12])) / 100;
    };
  } else {
    await system.app.listen({ host: '127.0.0.1', port: env.port });
    base = `http://127.0.0.1:${env.port}`;
    serverCpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
  }
  await wrk(base, { seconds: 3, connections: 16, pathsFile, dir: env.dataDir });
  await new Promise((r) => setTimeout(r, 1000));
  await pool.query('select pg_stat_statements_reset()');
  const { readdirSync, readFileSync } = await import('node:fs');
  const perProc = () => {
    const m = new Map<string, number>();
    for (const e of readdirSync('/proc')) {
      if (!/^\d+$/.test(e)) continue;
      const f = statFields(Number(e));
      if (!f || Number(f[1]) !== postmaster) continue;
      let cmd = '';
      try { cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' ').replace(/127\.0\.0\.1\(\d+\)/, '').replace(/ (idle|active).*$/, '').trim(); } catch { /* gone */ }
      m.set(`${e} ${cmd}`, (Number(f[11]) + Number(f[12])) / 100);
    }
    return m;
  };
  const pp0 = perProc();
  const s0 = serverCpu();
  const p0 = serverCpuSeconds(postmaster);
  t0 = performance.now();
  const load = await wrk(base, { seconds, connections: 32, pathsFile, dir: env.dataDir });
  const wall = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // the last flush
  const sCpu = serverCpu() - s0;
  const pCpu = serverCpuSeconds(postmaster) - p0;
  const n = load.requestsPerSecond * seconds;
  const byKind = new Map<string, number>();
  for (const [k, v] of perProc()) {
    const kind = k.replace(/^\d+ /, '');
    byKind.set(kind, (byKind.get(kind) ?? 0) + v - (pp0.get(k) ?? 0));
  }
  console.log('PostgreSQL CPU by process kind:', [...byKind].filter(([, v]) => v > 0.05).map(([k, v]) => `${k}: ${v.toFixed(2)} s`).join('; '));
  const { rows: tables } = await pool.query(`select relname, n_live_tup, n_dead_tup, last_autovacuum, last_autoanalyze, autovacuum_count, autoanalyze_count, pg_size_pretty(pg_total_relation_size(relid)) as size from pg_stat_user_tables where schemaname = 'stamps' order by relname`);
  console.log(`now ${new Date().toISOString()}, load window from ${new Date(Date.now() - wall * 1000 - 1000).toISOString()}`);
  for (const t of tables) console.log(JSON.stringify(t));
  const { rows: [bg] } = await pool.query('select * from pg_stat_bgwriter');
  console.log(JSON.stringify(bg));
  console.log(`mode ${mode}, ${stampCount} stamps: ${load.requestsPerSecond} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, non-2xx ${load.non2xx}; wall ${wall.toFixed(1)} s`);
  console.log(`server CPU ${sCpu.toFixed(1)} s = ${((sCpu * 1000) / n).toFixed(3)} ms/request; PostgreSQL CPU ${pCpu.toFixed(1)} s = ${((pCpu * 1000) / n).toFixed(3)} ms/request; load avg ${os.loadavg()[0]!.toFixed(1)}`);
  const { rows: top } = await pool.query<{ calls: string; total: number; mean: number; rows: string; query: string }>(
    `select calls, total_exec_time + total_plan_time as total, mean_exec_time as mean, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query from pg_stat_statements order by 2 desc limit 12`,
  );
  for (const t of top) console.log(`${t.total.toFixed(0).padStart(7)} ms ${String(t.calls).padStart(7)} calls ${t.mean.toFixed(3).padStart(8)} ms/call ${String(t.rows).padStart(7)} rows  ${t.query}`);
  if (explain) {
    const serials = list.items.slice(0, 1000).map((s) => s.serial);
    const arr = (xs: string[]) => `{${xs.join(',')}}`;
    const q = `explain (analyze, buffers) with input as (
        select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) as t(id, serial, scanned_at, channel, ua_family, client_hash)
      ), inserted as (
        insert into stamps.scans (id, serial, organization_id, scanned_at, channel, ua_family, client_hash)
        select i.id, i.serial, s.organization_id, i.scanned_at, i.channel, i.ua_family, nullif(i.client_hash, '')
        from input i join stamps.stamps s on s.serial = i.serial
        on conflict do nothing
        returning serial, scanned_at
      )
      update stamps.stamps s set scan_count = s.scan_count + a.n,
        first_scanned_at = least(coalesce(s.first_scanned_at, a.first), a.first),
        last_scanned_at = greatest(coalesce(s.last_scanned_at, a.last), a.last)
      from (select serial, count(*)::int as n, min(scanned_at) as first, max(scanned_at) as last from inserted group by serial) a
      where s.serial = a.serial`;
    const now = new Date().toISOString();
    const c = await pool.connect();
    try {
      await c.query('begin');
      const { randomUUID } = await import('node:crypto');
      const r = await c.query(q, [arr(serials.map(() => randomUUID())), arr(serials), arr(serials.map(() => now)), arr(serials.map(() => 'page')), arr(serials.map(() => 'other')), arr(serials.map(() => 'x'))]);
      console.log(r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
      await c.query('rollback');
    } finally {
      c.release();
    }
  }
} finally {
  await child?.stop();
  await env.close().catch(() => undefined);
}
