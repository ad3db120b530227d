// A scan never fails and is never lost: a database that does not answer degrades the page to cached facts;
// a database that refuses writes keeps scans buffered and spooled until it comes back; a process that died
// leaves a spool that the next start writes. Public resolver limits hold per client and across processes.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../../platform/db/database.ts';
import { createTestSystem, fixedClock, type TestSystem } from '../../../../test/harness.ts';
import { createResolveService } from '../resolver/resolve-service.ts';
import { createResolveStore } from '../resolver/resolve-store.ts';
import { PublicRateLimiter } from '../resolver/public-rate-limit.ts';
import { completeProduct, issuedRequest, producer, provinceAdmin } from '../test-kit.ts';
import { ScanRecorder } from './scan-recorder.ts';
import { ScanSpool } from './scan-spool.ts';

let t: TestSystem;
let stampPaths: string[];
let serials: string[];
const clock = fixedClock('2026-07-10T03:00:00Z');
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await createTestSystem({ clock, env: { TXNG_RATE_LIMIT_PUBLIC: '5' } });
  const admin = await provinceAdmin(t);
  const coop = await producer(t, admin, '893612366');
  const catalog = await completeProduct(t, coop, 9);
  const request = await issuedRequest(t, coop, admin, catalog, { quantity: 4, kind: 'qr' });
  await coop.admin.request('GET', `/api/v1/stamp-requests/${request.id}/labels.zip`);
  await coop.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, range: { requestId: request.id, from: 1, to: 4 } });
  const stamps = (await coop.admin.request('GET', `/api/v1/stamps?requestId=${request.id}`)).json().items as { serial: string; uri: string }[];
  serials = stamps.map((s) => s.serial);
  stampPaths = stamps.map((s) => new URL(s.uri).pathname);
});
afterAll(async () => t?.close());

const scanCount = async (serial: string) => (await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from stamps.scans where serial = ${serial}`))[0]!.n;

/** The real database, refusing its next `failures` statements (a restart, a full disk, a dropped link). */
function flaky(db: Database, failures: number): Database {
  let left = failures;
  const orm = new Proxy(db.orm, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver);
      return (...args: unknown[]) => (left-- > 0 ? Promise.reject(new Error('connection refused')) : (target.execute as (...a: unknown[]) => Promise<unknown>)(...args));
    },
  });
  return { ...db, orm };
}

describe('scans survive the database', () => {
  it('answers from cached facts with the status "unconfirmed" when the stamp read does not answer in time, and still records the scan', async () => {
    const stamps = t.system.services.stamps;
    const real = createResolveStore(t.db);
    let stalled = false;
    const store = { ...real, bySerial: (s: string) => (stalled ? new Promise<never>(() => {}) : real.bySerial(s)) };
    const resolver = createResolveService({ deps: stamps.deps, store, facts: stamps.facts, recorder: stamps.recorder, dbTimeoutMs: 50 });
    expect((await resolver.resolve(stampPaths[0]!)).ok).toBe(true);
    stalled = true;
    const before = stamps.recorder.pendingFor(serials[0]!).count;
    const outcome = await resolver.resolve(stampPaths[0]!, { record: { channel: 'page', uaFamily: 'test', clientHash: 'c1' } });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.target).toMatchObject({ degraded: true, status: { code: 'unconfirmed' }, product: { nameVi: 'Xoài tròn Yên Châu' } });
    expect(stamps.recorder.pendingFor(serials[0]!).count).toBe(before + 1);
    await stamps.recorder.flush();
  });

  it('keeps scans buffered and spooled while writes fail, and writes them all once the database is back', async () => {
    const dir = path.join(t.config.dataDir, `spool-${randomUUID()}`);
    const recorder = new ScanRecorder({ db: flaky(t.db, 2), clock, log, spoolDir: dir, flushMs: 60_000 });
    const before = await scanCount(serials[1]!);
    for (let i = 0; i < 3; i++) recorder.record({ serial: serials[1]!, channel: 'page', uaFamily: 'test', clientHash: `h${i}` });
    expect(await recorder.flush()).toBe(false);
    expect(await recorder.flush()).toBe(false);
    expect(recorder.pendingFor(serials[1]!).count).toBe(3);
    expect(await recorder.flush()).toBe(true);
    expect(await scanCount(serials[1]!)).toBe(before + 3);
    expect(recorder.pendingFor(serials[1]!).count).toBe(0);
  });

  it('has every scan of a burst in the spool, in one write, when its resolutions return (before any database write)', async () => {
    const dir = path.join(t.config.dataDir, `spool-${randomUUID()}`);
    const recorder = new ScanRecorder({ db: t.db, clock, log, spoolDir: dir, flushMs: 60_000 });
    const stamps = t.system.services.stamps;
    const resolver = createResolveService({ deps: stamps.deps, store: createResolveStore(t.db), facts: stamps.facts, recorder, dbTimeoutMs: 5000 });
    const outcomes = await Promise.all(stampPaths.map((p, i) => resolver.resolve(p, { record: { channel: 'page', uaFamily: 'test', clientHash: `burst${i}` } })));
    const ids = outcomes.map((o) => (o.ok ? o.target.scanId : null));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(recorder.spoolWrites).toBe(1);
    const spooled = readdirSync(dir).flatMap((f) => ScanSpool.read(path.join(dir, f)));
    expect(spooled.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(spooled.map((s) => s.serial).sort()).toEqual([...serials].sort());
    await recorder.stop();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads concurrent stamps in one batch and gives each its own record (unknown ones none)', async () => {
    const store = createResolveStore(t.db);
    const asked = [...serials, 'ZZZZZZZZZZZZZZZZ', serials[0]!];
    const found = await Promise.all(asked.map((s) => store.bySerial(s)));
    expect(found.map((r) => r?.serial ?? null)).toEqual([...serials, null, serials[0]]);
    for (const r of found.slice(0, serials.length)) {
      expect(r).toMatchObject({ status: 'active', kind: 'qr', hasCode: false, flags: [] });
      expect(typeof r!.productVersion).toBe('number');
      expect(typeof r!.orgUpdatedAtMs).toBe('number');
      expect(r!.activatedAt).toBeInstanceOf(Date);
    }
  });

  it('replays the spool a crashed process left behind, once', async () => {
    const dir = path.join(t.config.dataDir, `spool-${randomUUID()}`);
    mkdirSync(dir, { recursive: true });
    const id = randomUUID();
    const line = JSON.stringify({ id, serial: serials[2], at: '2026-07-10T02:59:00.000Z', channel: 'page', uaFamily: 'Zalo', clientHash: 'crashed' });
    // pid 2^31-2 is never a live process here; the half-written last line is what a crash mid-write leaves.
    const file = path.join(dir, `${hostname().replace(/[^A-Za-z0-9.-]/g, '_')}-2147483646-0badc0de.ndjson`);
    writeFileSync(file, `${line}\n${line}\n{"id":"trunc`);
    const recorder = new ScanRecorder({ db: t.db, clock, log, spoolDir: dir, flushMs: 60_000 });
    await recorder.start();
    await recorder.stop();
    expect(existsSync(file)).toBe(false);
    expect((await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from stamps.scans where id = ${id}`))[0]!.n).toBe(1);
  });
});

describe('public rate limits', () => {
  it('refuses a client over TXNG_RATE_LIMIT_PUBLIC with 429 and Retry-After, and not the next client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await t.system.app.inject({ method: 'GET', url: stampPaths[3]!, remoteAddress: '198.51.100.99' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await t.system.app.inject({ method: 'GET', url: stampPaths[3]!, remoteAddress: '198.51.100.99' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect((await t.system.app.inject({ method: 'GET', url: stampPaths[3]!, remoteAddress: '198.51.100.100' })).statusCode).toBe(200);
  });

  it('shares counts between processes through the database', async () => {
    const a = new PublicRateLimiter(t.db, clock, log);
    const b = new PublicRateLimiter(t.db, clock, log);
    for (let i = 0; i < 3; i++) {
      expect(a.hit('shared-client', 5).allowed).toBe(true);
      expect(b.hit('shared-client', 5).allowed).toBe(true);
    }
    await a.sync();
    await b.sync();
    await a.sync();
    expect(a.hit('shared-client', 5).allowed).toBe(false);
    expect(b.hit('shared-client', 5).allowed).toBe(false);
  });
});

