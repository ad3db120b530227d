// `npm run bench -- public [--stamps=N] [--seconds=N] [--lighthouse-runs=N]`: the consumer's scan page (issue 8),
// on PostgreSQL.
// - weight of a demo stamp's scan page on a 360×640 phone in Debian's Chromium (playwright-core, transfer sizes
//   from the DevTools protocol): HTML + CSS + images compressed ≤ 50 kB, JavaScript ≤ 15 kB, complete with
//   JavaScript off; LCP under Lighthouse's mobile conditions;
// - Lighthouse mobile performance and accessibility ≥ 95 (the npm package on Debian's Chromium);
// - server p99 ≤ 20 ms and requests/s ≥ 50 % of nginx serving a saved copy of the same page, side by side in one
//   run: the server is its own process (apps/server/src/main.ts) against a throw-away PostgreSQL, loaded by wrk
//   on loopback, each request a different stamp (wrk: bench/stamps/http-load.ts; nginx: bench/lib/nginx.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { seedDemoIfEmpty } from '../../apps/server/src/app/demo/seed-demo.ts';
import { contextOfDemoUser } from '../../apps/server/src/app/demo/stamps-demo.ts';
import { MIGRATION_SOURCES } from '../../apps/server/src/app/migrations.ts';
import { createSystem } from '../../apps/server/src/app/system.ts';
import { loadConfig } from '../../apps/server/src/config/config.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { deriveSecrets } from '../../apps/server/src/platform/security/secrets.ts';
import { freePort, startPostgres } from '../../apps/server/test/postgres-server.ts';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';
import { startNginx, type RunningNginx } from '../lib/nginx.ts';
import { wrk, wrkAvailable } from '../stamps/http-load.ts';
import { atLeast, atMost, type Bench, type Figure } from '../types.ts';
import { medianRun, runLighthouse } from './lighthouse.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, loadPage } from './page-weight.ts';

export const SECRET = 'benchmark-secret-that-is-long-enough-0123456789';
/** What a complete scan page has, with or without JavaScript. */
const SECTIONS = ['status', 'producer', 'origin', 'lot', 'journey', 'certificates', 'standards', 'safety', 'stamp', 'ledger', 'report'];

function option(args: string[], name: string, fallback: number): number {
  const arg = args.find((a) => a.startsWith(`${name}=`));
  const value = arg ? Number(arg.slice(name.length + 1)) : NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

const kB = (bytes: number) => Math.round(bytes / 10) / 100;
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** Seeds the demo into a fresh database in this process, then issues, prints and activates `count` more stamps
 * on the demo mango lot (each wrk request scans a different one). Returns their paths and a demo stamp's URI. */
export async function prepare(url: string, dataDir: string, port: number, count: number, log: (l: string) => void): Promise<{ paths: string[]; sampleUri: string }> {
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrate(db, MIGRATION_SOURCES);
  const config = loadConfig({ NODE_ENV: 'development', TXNG_SECRET: SECRET, TXNG_DEMO: 'true', TXNG_DATA_DIR: dataDir, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const secrets = deriveSecrets(SECRET);
  const system = await createSystem({ config, log: pino({ level: 'warn' }), db, secrets, clock: systemClock, portalDir: path.join(dataDir, 'no-portal') });
  try {
    await seedDemoIfEmpty(system, config, secrets.pseudonym);
    const { stamps, catalog } = system.services;
    const coop = await contextOfDemoUser(system, 'hung@xoaihuong.example');
    const province = await contextOfDemoUser(system, 'quantri@skhcn.sonla.example');
    const [mango] = (await catalog.products.list(coop, { q: 'Xoài tròn Yên Châu', limit: 1, offset: 0 })).items;
    const [lot] = (await catalog.lots.list(coop, { productId: mango!.id, limit: 1, offset: 0 })).items;
    await stamps.query.setQuota(province, mango!.organizationId, 1_000_000);
    const request = await stamps.requests.create(coop, { productId: mango!.id, lotId: lot!.id, quantity: count, kind: 'qr_code', layout: { preset: 'a4-65' } });
    await stamps.requests.approve(province, request.id);
    while (await system.jobs.runOnce());
    const file = await stamps.print.print(coop, request.id, { format: 'pdf', from: 1, to: count });
    await file.write(new Writable({ write: (_chunk: Buffer, _e, cb) => cb() }));
    await stamps.lifecycle.activate(coop, lot!.id, { range: { requestId: request.id, from: 1, to: count } });
    const list = await stamps.query.list(coop, { requestId: request.id, status: 'active', limit: count, offset: 0 });
    log(`demo seeded; ${list.items.length} more stamps issued, printed and activated on lot ${lot!.lotCode}`);
    const csv = readFileSync(path.join(dataDir, 'demo-stamps.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const cols = csv[0]!.split(',');
    return { paths: list.items.map((s) => new URL(s.uri).pathname), sampleUri: csv[1]!.split(',')[cols.indexOf('uri')]! };
  } finally {
    await system.stop();
    await db.close();
  }
}

/** Waits until every record behind the page (its proof page's list) has a ledger proof and the badge says so. */
async function untilLedgerComplete(server: ServerProcess, pageUrl: string): Promise<{ records: number; badge: string; waitedS: number }> {
  const t0 = performance.now();
  const scan = await (await fetch(pageUrl)).text();
  const proofHref = decode(/<a href="(\/proof\?[^"]+)"/.exec(scan)?.[1] ?? '');
  const proofHtml = await (await fetch(`${server.baseUrl}${proofHref}`)).text();
  const records = [...proofHtml.matchAll(/<article class="card"[^>]*><h3>.*?<\/h3><p class="muted code">([^<]+)<\/p>/g)].map((m) => decode(m[1]!).split(' · ') as [string, string]);
  const deadline = Date.now() + 240_000;
  for (;;) {
    const missing: string[] = [];
    for (const [kind, id] of records) {
      const res = await fetch(`${server.baseUrl}/api/v1/ledger/proof?kind=${encodeURIComponent(kind)}&id=${encodeURIComponent(id)}`);
      if (res.status !== 200) missing.push(`${kind} ${id}`);
    }
    if (missing.length === 0) break;
    if (Date.now() > deadline) throw new Error(`the ledger did not prove ${missing.join(', ')} within 4 minutes:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  let badge = '';
  for (let i = 0; i < 30; i++) {
    badge = /<section class="ledger" id="ledger">.*?<\/section>/.exec(await (await fetch(pageUrl)).text())?.[0] ?? '';
    if (/Cả \d+ bản ghi/.test(badge)) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return { records: records.length, badge: plain(badge).trim(), waitedS: (performance.now() - t0) / 1000 };
}

const bench: Bench = async ({ args, log }) => {
  const stampCount = option(args, '--stamps', 2_000);
  const seconds = option(args, '--seconds', 15);
  const postgres = await startPostgres({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-public-'));
  const figures: Figure[] = [];
  const notes: string[] = [];
  let server: ServerProcess | undefined;
  let nginx: RunningNginx | undefined;
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const url = postgres.urlFor('bench');
    const port = await freePort();
    const { paths, sampleUri } = await prepare(url, dataDir, port, stampCount, log);

    // The server as `npm start` runs it (demo mode: its ledger sequencer and two local witnesses run in it).
    server = await startServerProcess({ port, env: { DATABASE_URL: url, TXNG_SECRET: SECRET, TXNG_DEMO: 'true', TXNG_DATA_DIR: dataDir, NODE_ENV: 'development', TXNG_RATE_LIMIT_PUBLIC: '10000000' } });
    log(`server process ${server.pid} on PostgreSQL ${postgres.version} (fsync on)`);
    const ledger = await untilLedgerComplete(server, sampleUri);
    log(`ledger: ${ledger.records} records proved after ${ledger.waitedS.toFixed(0)} s; badge: ${ledger.badge}`);
    notes.push(`Measured page: a demo stamp with a scratch-off code (${new URL(sampleUri).pathname}), its badge at measuring time: "${ledger.badge}" (${ledger.records} records on its proof page, each proved by /api/v1/ledger/proof first).`);

    // Weight and LCP in Chromium on a 360×640 phone.
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    try {
      const on = await loadPage(browser, sampleUri, { javaScript: true, mobileThrottling: false });
      const off = await loadPage(browser, sampleUri, { javaScript: false, mobileThrottling: false });
      const slow = await loadPage(browser, sampleUri, { javaScript: true, mobileThrottling: true });
      const proofHref = decode(/<a href="(\/proof\?[^"]+)"/.exec(on.html)?.[1] ?? '');
      const proof = await loadPage(browser, `${server.baseUrl}${proofHref}`, { javaScript: true, mobileThrottling: false });
      const core = on.bytes('Document', 'Stylesheet', 'Image');
      const doc = on.transfers.find((t) => t.type === 'Document');
      const breakdown = on.transfers.map((t) => `${t.type} ${new URL(t.url).pathname.slice(0, 40)} ${t.bytes} B${t.encoding ? ` ${t.encoding}` : ''}`).join('; ');
      figures.push({ metric: 'scan page transferred: HTML + CSS + images, compressed', value: kB(core), unit: 'kB', ...atMost(kB(core), 50), note: `document ${doc?.bytes ?? 0} B (${doc?.encoding ?? 'identity'}, CSS inline), images ${on.bytes('Image')} B; all responses ${kB(on.transfers.reduce((s, t) => s + t.bytes, 0))} kB` });
      figures.push({ metric: 'scan page JavaScript transferred', value: kB(on.bytes('Script')), unit: 'kB', ...atMost(kB(on.bytes('Script')), 15), note: on.transfers.filter((t) => t.type === 'Script').map((t) => `${new URL(t.url).pathname} ${t.bytes} B`).join(', ') || 'none' });
      const missing = SECTIONS.filter((id) => !off.ids.includes(id));
      const complete = missing.length === 0 && off.journeySteps === on.journeySteps && off.journeySteps > 1 && /<form[^>]+action="\/report/.test(off.html);
      figures.push({ metric: 'scan page complete with JavaScript off (every section, the journey, the report form)', value: complete ? 1 : 0, unit: complete ? '(yes)' : `(no: ${missing.join(', ') || 'journey or form'})`, target: '= 1', pass: complete, note: `${off.journeySteps} journey steps with it off, ${on.journeySteps} with it on; ${off.transfers.filter((t) => t.type === 'Script').length} scripts loaded with it off` });
      figures.push({ metric: 'proof page JavaScript transferred (proof.js + the ledger\'s verify.js)', value: kB(proof.bytes('Script')), unit: 'kB', ...atMost(kB(proof.bytes('Script')), 15), note: proof.transfers.filter((t) => t.type === 'Script').map((t) => `${new URL(t.url).pathname} ${t.bytes} B${t.encoding ? ` ${t.encoding}` : ''}`).join(', ') });
      if (slow.lcpMs !== null) figures.push({ metric: 'LCP, Chromium throttled as Lighthouse mobile (150 ms RTT, 1.6 Mbit/s, CPU ÷4)', value: Math.round(slow.lcpMs), unit: 'ms', reference: { label: 'same page unthrottled', value: Math.round(on.lcpMs ?? NaN), unit: 'ms' }, note: 'Core Web Vitals call ≤ 2,500 ms good' });
      notes.push(`Transfers of the scan page (JavaScript on, cache off): ${breakdown}.`);
    } finally {
      await browser.close();
    }

    // Lighthouse, three runs each (median), on our server and on nginx serving the same bytes (asset URLs made
    // absolute): the static copy separates what the page costs from what our server adds.
    const copy = (await (await fetch(sampleUri)).text()).replace(/(src|href)="\/(?!\/)/g, `$1="${server.baseUrl}/`);
    const lhNginx = await startNginx(await freePort(), copy);
    const lh = await runLighthouse([sampleUri, `${lhNginx.url}/copy`], option(args, '--lighthouse-runs', 3)).finally(() => lhNginx.stop());
    if (lh.ok) {
      const r = medianRun(lh.runs[0]!);
      const ref = medianRun(lh.runs[1]!);
      const all = (i: number) => lh.runs[i]!.map((x) => x.performance).join(', ');
      figures.push({ metric: 'Lighthouse mobile performance score (scan page, median of runs)', value: r.performance, unit: '', ...atLeast(r.performance, 95), reference: { label: 'same bytes from nginx', value: ref.performance, unit: '' }, note: `runs ${all(0)} (nginx copy: ${all(1)}); LCP ${Math.round(r.lcpMs)} ms, FCP ${Math.round(r.fcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls.toFixed(3)} (simulated slow 4G, CPU ×4); benchmarkIndex ${r.benchmarkIndex ?? '?'}` });
      figures.push({ metric: 'Lighthouse accessibility score (scan page)', value: r.accessibility, unit: '', ...atLeast(r.accessibility, 95), reference: { label: 'same bytes from nginx', value: ref.accessibility, unit: '' } });
      notes.push(
        `Lighthouse 12.2.3 on ${CHROMIUM_PATH} (chrome-launcher, ${CHROMIUM_FLAGS.join(' ')}), default mobile configuration. Median run: audits below full marks ${r.failing.join(', ') || 'none'}; main thread ${r.mainThread}. The nginx copy's median run: TBT ${Math.round(ref.tbtMs)} ms, main thread ${ref.mainThread}${r.warnings.length ? `; warnings: ${r.warnings.join(' | ')}` : ''}.`,
      );
    } else {
      notes.push(`Lighthouse could not run on this machine: ${lh.why}. The playwright-measured weight, JavaScript and LCP figures above stand in for it.`);
    }

    // The server under load beside nginx with a saved copy of the same page.
    if (!wrkAvailable()) {
      notes.push('wrk is not installed (apt-get install wrk): throughput and p99 not measured.');
    } else {
      const pathsFile = path.join(dataDir, 'paths.txt');
      writeFileSync(pathsFile, paths.join('\n'));
      await wrk(server.baseUrl, { seconds: 3, connections: 16, pathsFile, dir: dataDir }); // warm-up
      const ours = await wrk(server.baseUrl, { seconds, connections: 32, pathsFile, dir: dataDir });
      const single = await wrk(server.baseUrl, { seconds: 5, connections: 1, pathsFile, dir: dataDir });
      const saved = await (await fetch(`${server.baseUrl}${paths[0]}`, { headers: { accept: 'text/html', 'accept-language': 'vi' } })).text();
      const nginxPort = await freePort();
      nginx = await startNginx(nginxPort, saved);
      const reference = await wrk(nginx.url, { seconds, connections: 32, dir: dataDir });
      const share = ours.requestsPerSecond / reference.requestsPerSecond;
      figures.push({ metric: 'scan page throughput, a different stamp per request (scan recorded)', value: ours.requestsPerSecond, unit: 'requests/s', target: '>= 50 % of nginx', pass: share >= 0.5, reference: { label: 'nginx 1 worker, saved page', value: reference.requestsPerSecond, unit: 'requests/s' }, note: `${(share * 100).toFixed(1)} % of nginx; ${ours.non2xx} non-2xx` });
      figures.push({ metric: 'scan page p99 latency under that load', value: ours.p99Ms, unit: 'ms', ...atMost(ours.p99Ms, 20), reference: { label: 'nginx p99', value: reference.p99Ms, unit: 'ms' }, note: `p50 ${ours.p50Ms} ms; one connection at a time: p50 ${single.p50Ms} ms, p99 ${single.p99Ms} ms` });
      notes.push(
        `Load: wrk -t1 -c32 for ${seconds} s on loopback (after a 3 s warm-up), cycling through ${paths.length.toLocaleString('en-US')} active stamps of the demo lot, \`Accept: text/html\`, \`Accept-Language: vi\`, no compression asked (so both sides send the same ~${kB(Buffer.byteLength(saved))} kB of HTML); nginx (one worker, like the one Node process) serves the saved HTML of one of those pages.`,
      );
    }
    notes.push(`One server process (Node ${process.version}, \`apps/server/src/main.ts\` in demo mode, DATABASE_URL to a throw-away PostgreSQL ${postgres.version} with fsync on) on the same 2-core machine as wrk, nginx and Chromium; load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (the machine is shared with other sessions' builds and tests).`);
  } finally {
    await nginx?.stop();
    await server?.stop();
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { name: 'public', figures, notes };
};

export default bench;
