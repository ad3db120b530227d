// `npm run bench -- stamps [--stamps=N] [--labels=N] [--seconds=N] [--issuance-only]`: the stamps module on
// PostgreSQL (fsync on).
// - issuance of 1,000,000 stamps as one background job (target ≤ 20 s); `--issuance-only` stops after it;
// - a print-ready PDF of 10,000 labels (target ≤ 30 s);
// - resolver throughput and p99 for stamp URIs (each request a different stamp) under wrk on loopback, beside
//   nginx serving a saved copy of the same page in the same run (target ≥ 50 % of nginx, p99 ≤ 20 ms).
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { rows } from '../../apps/server/src/platform/db/database.ts';
import { freePort } from '../../apps/server/test/postgres-server.ts';
import { atMost, type Bench, type Figure } from '../types.ts';
import { startNginx, wrk, wrkAvailable } from './http-load.ts';
import { measureServer } from './server-usage.ts';
import { startStampsBenchEnv } from './setup.ts';

function option(args: string[], name: string, fallback: number): number {
  const arg = args.find((a) => a.startsWith(`${name}=`));
  const value = arg ? Number(arg.slice(name.length + 1)) : NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

const bench: Bench = async ({ args, log }) => {
  const stampCount = option(args, '--stamps', 1_000_000);
  const labelCount = option(args, '--labels', 10_000);
  const seconds = option(args, '--seconds', 15);
  const issuanceOnly = args.includes('--issuance-only');
  const figures: Figure[] = [];
  const notes: string[] = [];
  let nginx: { stop(): void } | undefined;
  const env = await startStampsBenchEnv();
  try {
    const { system, db, coop, province, port, dataDir, server } = env;
    const stamps = system.services.stamps;
    const organizationId = env.organizationId;
    await stamps.query.setQuota(province, organizationId, stampCount * 2);
    log(`PostgreSQL ${server.version} (fsync on); demo data seeded`);

    // 1. Issuance: approval queues one job; the job issues every stamp in chunks (bulk insert + Merkle root + ledger record).
    const request = await stamps.requests.create(coop, { productId: env.productId, lotId: env.lotId, quantity: stampCount, kind: 'qr', layout: { preset: 'a4-65' } });
    await stamps.requests.approve(province, request.id);
    const serverUsage = await measureServer(db.pool!);
    let cpu = process.cpuUsage();
    let t0 = performance.now();
    while (await system.jobs.runOnce());
    const issueSeconds = (performance.now() - t0) / 1000;
    const issueCpu = cpuSeconds(cpu);
    const pgUsage = await serverUsage();
    const issued = await stamps.requests.get(province, request.id);
    if (issued.issuedCount !== stampCount) throw new Error(`issued ${issued.issuedCount} of ${stampCount}`);
    const usage = `${issueCpu.toFixed(1)} s CPU in the server process, ${pgUsage.cpuSeconds.toFixed(1)} s in PostgreSQL, ${(pgUsage.walBytes / 2 ** 20).toFixed(0)} MiB of WAL`;
    figures.push({ metric: `issuance of ${stampCount.toLocaleString('en-US')} stamps (one job)`, value: issueSeconds, unit: 's', ...atMost(issueSeconds, 20), note: `${Math.round(stampCount / issueSeconds).toLocaleString('en-US')} stamps/s; ${usage}` });
    log(`issued ${stampCount} in ${issueSeconds.toFixed(1)} s (${usage}; load average ${os.loadavg()[0]!.toFixed(1)})`);
    if (issuanceOnly) return { name: 'stamps', figures, notes };

    // 2. A print-ready PDF of N labels (A4 sheets of 65): the print transaction (status change, ledger) and the file.
    cpu = process.cpuUsage();
    t0 = performance.now();
    const file = await stamps.print.print(coop, request.id, { format: 'pdf', from: 1, to: labelCount });
    let bytes = 0;
    await file.write(new Writable({ write: (chunk: Buffer, _e, cb) => ((bytes += chunk.length), cb()) }));
    const pdfSeconds = (performance.now() - t0) / 1000;
    figures.push({ metric: `PDF of ${labelCount.toLocaleString('en-US')} labels (A4, 65 per sheet)`, value: pdfSeconds, unit: 's', ...atMost(pdfSeconds, 30), note: `${(bytes / 2 ** 20).toFixed(1)} MiB, ${Math.ceil(labelCount / 65)} pages; ${cpuSeconds(cpu).toFixed(1)} s CPU` });
    log(`PDF of ${labelCount} labels in ${pdfSeconds.toFixed(1)} s (${bytes} bytes)`);

    // 3. The resolver under load, each request a different active stamp, beside nginx with a saved page.
    await stamps.lifecycle.activate(coop, env.lotId, { range: { requestId: request.id, from: 1, to: labelCount } });
    if (!wrkAvailable()) {
      notes.push('wrk is not installed (apt-get install wrk): resolver throughput not measured.');
    } else {
      const list = await stamps.query.list(coop, { requestId: request.id, status: 'active', limit: labelCount, offset: 0 });
      const pathsFile = path.join(dataDir, 'paths.txt');
      writeFileSync(pathsFile, list.items.map((s) => new URL(s.uri).pathname).join('\n'));
      await system.app.listen({ host: '127.0.0.1', port });
      const page = await fetch(`http://127.0.0.1:${port}${new URL(list.items[0]!.uri).pathname}`, { headers: { accept: 'text/html' } }).then((r) => r.text());
      await wrk(`http://127.0.0.1:${port}`, { seconds: 3, connections: 16, pathsFile, dir: dataDir }); // warm-up
      // CPU time per request (server process, PostgreSQL): wall-clock throughput on a shared machine is mostly the
      // other processes' doing; these are not.
      const loadUsage = await measureServer(db.pool!);
      cpu = process.cpuUsage();
      const ours = await wrk(`http://127.0.0.1:${port}`, { seconds, connections: 32, pathsFile, dir: dataDir });
      const loadCpu = cpuSeconds(cpu);
      const loadPg = await loadUsage();
      const served = ours.requestsPerSecond * seconds;
      const perRequest = `${((loadCpu * 1000) / served).toFixed(2)} ms CPU per request in the server process, ${((loadPg.cpuSeconds * 1000) / served).toFixed(2)} ms in PostgreSQL`;
      const nginxPort = await freePort();
      const started = startNginx(nginxPort, page);
      nginx = started;
      await started.check();
      const reference = await wrk(`http://127.0.0.1:${nginxPort}`, { seconds, connections: 32, dir: dataDir });
      const share = ours.requestsPerSecond / reference.requestsPerSecond;
      const ref = { label: 'nginx 1 worker, saved page', value: reference.requestsPerSecond, unit: 'requests/s' };
      figures.push({ metric: 'resolver throughput, stamp URIs (HTML page, scan recorded)', value: ours.requestsPerSecond, unit: 'requests/s', target: '>= 50 % of nginx', pass: share >= 0.5, reference: ref, note: `${(share * 100).toFixed(1)} % of nginx; ${ours.non2xx} non-2xx; ${perRequest}` });
      figures.push({ metric: 'resolver p99 latency under that load', value: ours.p99Ms, unit: 'ms', ...atMost(ours.p99Ms, 20), reference: { label: 'nginx p99', value: reference.p99Ms, unit: 'ms' }, note: `p50 ${ours.p50Ms} ms` });
      await stamps.recorder.flush();
      const [written] = await rows<{ n: number }>(db.orm, sql`select count(*)::int as n from stamps.scans`);
      notes.push(`Facts cache loads during the run: ${stamps.facts.loads}. Page ${(Buffer.byteLength(page) / 1024).toFixed(1)} KiB uncompressed; every request recorded a scan (${written?.n ?? 0} written by the recorder's batches).`);
    }
    notes.push(
      `One server process (Node ${process.version}) with PostgreSQL on the same 2-core machine; wrk -t1 -c32 for ${seconds} s on loopback, each request a different stamp of ${labelCount.toLocaleString('en-US')}; nginx with one worker (as the one Node process) serves the saved HTML of one stamp page.`,
      `Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (the machine is shared; wall-clock figures include time other processes took).`,
      'Issuance: 20,000 stamps per transaction (one COPY in binary format, RFC 9162 Merkle root over the chunk computed on bytes, one ledger record, stock, progress); the next chunk is drawn and hashed while PostgreSQL writes the current one.',
    );
  } finally {
    nginx?.stop();
    await env.close();
  }
  return { name: 'stamps', figures, notes };
};

export default bench;
