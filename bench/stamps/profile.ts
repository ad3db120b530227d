// `node --import tsx bench/stamps/profile.ts [--stamps=N] [--seconds=N] [--out=file.cpuprofile] [--own-page]`:
// where a serialised stamp scan spends its time, on the system as system.ts wires it, on PostgreSQL (fsync on).
// Prints sequential in-process timings (resolve(), GET through Fastify inject), then a V8 CPU profile of this
// process taken while wrk loads the resolver over loopback: self time by function and by source area, and the
// inclusive time of the request path's main steps. `--own-page` renders with this module's own page instead of
// the public module's.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultScanPage } from '../../apps/server/src/modules/stamps/index.ts';
import { startStampsBenchEnv } from './setup.ts';
import { wrk } from './http-load.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const stampCount = Number(arg('stamps', '5000'));
const seconds = Number(arg('seconds', '10'));
const outFile = arg('out', '');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function area(url: string): string {
  if (!url) return '(native/vm)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 13).split('/');
    return `npm:${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const src = /apps\/server\/src\/(.*)$/.exec(u);
  if (src) {
    const parts = src[1]!.split('/');
    return parts[0] === 'modules' ? `modules/${parts[1]}` : parts.slice(0, 2).join('/');
  }
  if (u.startsWith('node:')) return u;
  const pkg = /packages\/([^/]+)\//.exec(u);
  return pkg ? `@txng/${pkg[1]}` : u;
}

function analyse(p: Profile, top = 35): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const fnSelf = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + ms);
    areaSelf.set(area(n.callFrame.url), (areaSelf.get(area(n.callFrame.url)) ?? 0) + ms);
  }
  // Inclusive time per function (a function counted once per stack, however deep it recurses).
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, ms] of self) {
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
  const ours = new Map([...incl.entries()].filter(([l]) => !/^\((root|program|idle|garbage collector)\)/.test(l) && !/node:|internal/.test(l)));
  return [
    `profile: ${(total / 1000).toFixed(1)} s sampled`,
    'self time by area:', fmt(areaSelf, 25),
    'self time by function:', fmt(fnSelf, top),
    'inclusive time by function:', fmt(ours, top),
  ].join('\n');
}

const env = await startStampsBenchEnv();
try {
  const { system, coop, province } = env;
  const stamps = system.services.stamps;
  if (process.argv.includes('--own-page')) stamps.setRenderer(defaultScanPage);
  await stamps.query.setQuota(province, env.organizationId, stampCount * 2);
  const request = await stamps.requests.create(coop, { productId: env.productId, lotId: env.lotId, quantity: stampCount, kind: 'qr', layout: { preset: 'a4-65' } });
  await stamps.requests.approve(province, request.id);
  while (await system.jobs.runOnce());
  await stamps.print.print(coop, request.id, { format: 'pdf', from: 1, to: stampCount });
  await stamps.lifecycle.activate(coop, env.lotId, { range: { requestId: request.id, from: 1, to: stampCount } });
  const list = await stamps.query.list(coop, { requestId: request.id, status: 'active', limit: stampCount, offset: 0 });
  const paths = list.items.map((s) => new URL(s.uri).pathname);

  // Sequential timings, in process (200 each, after 50 of warm-up).
  const time = async (label: string, fn: (p: string) => Promise<unknown>) => {
    for (let i = 0; i < 50; i++) await fn(paths[i]!);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await fn(paths[(i + 100) % paths.length]!);
    console.log(`${label}: ${((performance.now() - t0) / 200).toFixed(2)} ms per request`);
  };
  const pool = env.db.pool!;
  await time('select 1 round trip (pool)', () => pool.query('select 1'));
  await time('stamps.resolve() without a scan', (p) => stamps.resolve(p));
  const record = { channel: 'page', uaFamily: 'other', clientHash: 'x'.repeat(32) } as const;
  await time('stamps.resolve() with a scan', (p) => stamps.resolve(p, { record }));
  await time('GET through inject (as wired)', (p) => system.app.inject({ method: 'GET', url: p, headers: { accept: 'text/html', 'accept-language': 'vi' } }));

  await system.app.listen({ host: '127.0.0.1', port: env.port });
  const pathsFile = path.join(env.dataDir, 'paths.txt');
  writeFileSync(pathsFile, paths.join('\n'));
  await wrk(`http://127.0.0.1:${env.port}`, { seconds: 3, connections: 16, pathsFile, dir: env.dataDir });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  // Statements sent to PostgreSQL during the load (pg.Client#query calls of every pool).
  let statements = 0;
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    statements++;
    return query.apply(this, a);
  };
  const cpu0 = process.cpuUsage();
  const load = await wrk(`http://127.0.0.1:${env.port}`, { seconds, connections: 32, pathsFile, dir: env.dataDir });
  const cpu = process.cpuUsage(cpu0);
  proto.query = query;
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  if (outFile) writeFileSync(outFile, JSON.stringify(profile));
  console.log(`wrk -c32 ${seconds}s: ${load.requestsPerSecond} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, non-2xx ${load.non2xx}`);
  console.log(`server process CPU during the load: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of ${seconds} s; ${(((cpu.user + cpu.system) / 1e3) / (load.requestsPerSecond * seconds)).toFixed(2)} ms CPU per request`);
  console.log(`statements sent to PostgreSQL: ${statements} (${(statements / (load.requestsPerSecond * seconds)).toFixed(2)} per request; timers included)`);
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  console.log(analyse(profile));
} finally {
  await env.close();
}
