// `node --import tsx bench/public/profile-scan.ts <setup|run|teardown> [--stamps=N] [--seconds=N] [--connections=N] [--cpu-prof] [--nginx] [--tree=dir]`:
// what one public scan page costs the server, measured from outside as bench/public measures throughput.
// - setup: a throw-away PostgreSQL (fsync on), the demo seeded and N more active stamps on the demo lot (as
//   bench/public prepares them); state kept in $TXNG_SCAN_PROFILE_DIR (default /tmp/txng-scan-profile) so code
//   changes can be compared on the same data;
// - run: starts the server process (apps/server/src/main.ts, demo mode), warms it up, loads it with wrk (each
//   request a different stamp), and prints requests/s, latency, the server process's CPU time per request (from
//   /proc), PostgreSQL's CPU per request and transactions per request; `--cpu-prof` writes a V8 profile of the
//   server process into the state folder and prints where its CPU went;
// - teardown: stops PostgreSQL and removes the state.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, findPostgresBin, startPostgres } from '../../apps/server/test/postgres-server.ts';
import { startNginx } from '../lib/nginx.ts';
import { startServerProcess } from '../lib/server-process.ts';
import { wrk } from '../stamps/http-load.ts';
import { prepare, SECRET } from './index.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dir = process.env.TXNG_SCAN_PROFILE_DIR ?? '/tmp/txng-scan-profile';
const stateFile = path.join(dir, 'state.json');

interface State {
  readonly url: string;
  readonly pgBin: string;
  readonly pgData: string;
  readonly dataDir: string;
  readonly paths: string[];
}

const TICK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
  } catch {
    return 0;
  }
}
/** CPU of the postmaster and all its children (backends, walwriter, checkpointer…), in ms. */
function postgresCpuMs(pgData: string): number {
  const master = Number(readFileSync(path.join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMs(master);
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === master) total += cpuMs(Number(p));
    } catch {
      // gone
    }
  }
  return total;
}

async function xacts(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`);
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Where the CPU went between `fromUs` and `toUs` (CLOCK_MONOTONIC µs, as V8 stamps its samples). */
function analyse(file: string, fromUs: number, toUs: number, top = 40): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    at += p.timeDeltas[i] ?? 0;
    if (at >= fromUs && at <= toUs) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules\/|apps\/server\/src\/|packages\/)/, '$1')}:${n.callFrame.lineNumber + 1}`;
  const area = (url: string) => {
    if (!url) return '(native/vm)';
    const nm = url.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const rest = url.slice(nm + 13).split('/');
      return `npm:${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
    }
    const src = /apps\/server\/src\/(.*)$/.exec(url);
    if (src) {
      const parts = src[1]!.split('/');
      return parts[0] === 'modules' ? `modules/${parts[1]}/${parts.length > 3 ? parts[2] : ''}` : parts.slice(0, 2).join('/');
    }
    return url.startsWith('node:') ? url : (/packages\/([^/]+)\//.exec(url)?.[1] ?? url);
  };
  const fnSelf = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + ms);
    areaSelf.set(area(n.callFrame.url), (areaSelf.get(area(n.callFrame.url)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + ms);
    }
  }
  const fmt = (m: Map<string, number>, k: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${l}`).join('\n');
  const ours = new Map([...incl.entries()].filter(([l]) => !/^\((root|program|garbage collector)\)/.test(l)));
  return [`profile: ${(total / 1000).toFixed(1)} s busy, ${(idle / 1000).toFixed(1)} s idle`, 'self time by area:', fmt(areaSelf, 30), 'self time by function:', fmt(fnSelf, top), 'inclusive time by function:', fmt(ours, top * 2)].join('\n');
}

const command = process.argv[2];
if (command === 'setup') {
  if (existsSync(stateFile)) throw new Error(`${stateFile} exists: teardown first`);
  mkdirSync(dir, { recursive: true });
  const postgres = await startPostgres({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const url = postgres.urlFor('bench');
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const { paths } = await prepare(url, dataDir, await freePort(), Number(arg('stamps', '2000')), console.log);
  const pgData = (await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query<{ setting: string }>(`select setting from pg_settings where name = 'data_directory'`);
    await c.end();
    return r.rows[0]!.setting;
  })());
  writeFileSync(stateFile, JSON.stringify({ url, pgBin: findPostgresBin()!, pgData, dataDir, paths } satisfies State));
  console.log(`ready: ${paths.length} stamps; PostgreSQL ${pgData}`);
} else if (command === 'teardown') {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  spawnSync(path.join(state.pgBin, 'pg_ctl'), ['-D', state.pgData, '-m', 'immediate', '-w', 'stop'], { ...ids, cwd: path.dirname(state.pgData) });
  rmSync(path.dirname(state.pgData), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
} else if (command === 'run') {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
  const seconds = Number(arg('seconds', '15'));
  const connections = Number(arg('connections', '32'));
  const profDir = path.join(dir, `prof-${Date.now()}`);
  let from = 0;
  let to = 0;
  const port = await freePort();
  // --tree=<dir>: the server from another checkout of the repository (e.g. `git archive` of an older commit, its
  // node_modules linked to this one's), to compare before and after on the same data and machine.
  const tree = arg('tree', '');
  const server = await startServerProcess({
    port,
    nodeArgs: [
      ...(process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=250'] : []),
      ...(tree ? ['--import', 'tsx', path.join(tree, 'apps/server/src/main.ts'), '--'] : []),
    ],
    env: { DATABASE_URL: state.url, TXNG_SECRET: SECRET, TXNG_DEMO: 'true', TXNG_DATA_DIR: state.dataDir, NODE_ENV: 'development', TXNG_RATE_LIMIT_PUBLIC: '10000000' },
  });
  try {
    const pathsFile = path.join(dir, 'paths.txt');
    writeFileSync(pathsFile, state.paths.join('\n'));
    await wrk(server.baseUrl, { seconds: 5, connections: 16, pathsFile, dir }); // warm-up
    await new Promise((r) => setTimeout(r, 1500));
    const idle0 = cpuMs(server.pid);
    await new Promise((r) => setTimeout(r, 3000));
    const idleMsPerS = (cpuMs(server.pid) - idle0) / 3;
    const [c0, p0, x0] = [cpuMs(server.pid), postgresCpuMs(state.pgData), await xacts(state.url)];
    from = Number(process.hrtime.bigint() / 1000n);
    const load = await wrk(server.baseUrl, { seconds, connections, pathsFile, dir });
    to = Number(process.hrtime.bigint() / 1000n);
    const [c1, p1, x1] = [cpuMs(server.pid), postgresCpuMs(state.pgData), await xacts(state.url)];
    const n = load.requestsPerSecond * seconds;
    const single = await wrk(server.baseUrl, { seconds: 5, connections: 1, pathsFile, dir });
    console.log(`wrk -c${connections} ${seconds}s: ${load.requestsPerSecond} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, non-2xx ${load.non2xx}`);
    console.log(`wrk -c1 5s: ${single.requestsPerSecond} req/s, p50 ${single.p50Ms} ms, p99 ${single.p99Ms} ms`);
    console.log(`server CPU: ${((c1 - c0) / n).toFixed(3)} ms per request (${((c1 - c0) / 1000).toFixed(1)} s over ${seconds} s; idle ${idleMsPerS.toFixed(0)} ms/s)`);
    console.log(`PostgreSQL CPU: ${((p1 - p0) / n).toFixed(3)} ms per request; transactions: ${((x1 - x0) / n).toFixed(2)} per request`);
    if (process.argv.includes('--nginx')) {
      const saved = await (await fetch(`${server.baseUrl}${state.paths[0]}`, { headers: { accept: 'text/html', 'accept-language': 'vi' } })).text();
      const nginx = await startNginx(await freePort(), saved);
      try {
        const ref = await wrk(nginx.url, { seconds, connections, dir });
        console.log(`nginx, saved page (${saved.length} characters): ${ref.requestsPerSecond} req/s, p99 ${ref.p99Ms} ms; server at ${((load.requestsPerSecond / ref.requestsPerSecond) * 100).toFixed(1)} %`);
      } finally {
        await nginx.stop();
      }
    }
    console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  } finally {
    await server.stop();
  }
  if (existsSync(profDir)) {
    const file = path.join(profDir, readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!);
    console.log(`profile: ${file}`);
    console.log(analyse(file, from, to, Number(arg('top', '40'))));
  }
} else {
  console.error('usage: profile-scan.ts <setup|run|teardown> [--stamps=N] [--seconds=N] [--connections=N] [--cpu-prof]');
  process.exit(2);
}
