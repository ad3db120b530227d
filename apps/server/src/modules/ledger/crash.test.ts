// kill -9 during sequencing: a real server process sequences while records keep being committed; it is killed
// with SIGKILL at random moments and restarted. Afterwards every acknowledged record is in the log exactly once,
// and every checkpoint published before any crash is consistent with the final tree (the monitor rebuilds it).
// PostgreSQL: `node --import tsx src/main.ts` against the test database, records written by this process.
// PGlite: the embedded database belongs to the server process, so crash-fixture.ts runs the same system with
// a writer inside and prints each acknowledged record.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newSignerKey, parseEntryBundle, entryBundlePath, partialEntryBundle } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { dbKind, openTestDatabase } from '../../../test/harness.ts';
import { freePort } from '../../../test/postgres-server.ts';
import { recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import type { Database } from '../../platform/db/database.ts';
import { monitorLog } from './monitor.ts';

const serverDir = fileURLToPath(new URL('../../../', import.meta.url));
const keys = newSignerKey(nodeCrypto, 'txng.test/ledger', randomBytes(32));
if (!keys.ok) throw new Error(keys.error.code);

interface Server {
  readonly child: ChildProcess;
  readonly acked: string[];
  readonly exited: Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the ledger survives kill -9', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'));
  let db: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged record exactly once and every published checkpoint consistent', { timeout: 600_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_BASE_URL: 'http://txng.test',
      TXNG_DATA_DIR: dataDir,
      TXNG_DEMO: 'false',
      TXNG_SECRET: 'crash-test-secret-that-is-long-enough-0123',
      TXNG_LEDGER_KEY: keys.value.signerKey,
      LOG_LEVEL: 'warn',
    };
    if (dbKind === 'postgres') {
      ({ db, drop } = await openTestDatabase());
      env.DATABASE_URL = db.pool!.options.connectionString!;
    }
    const acked: string[] = [];

    const start = (run: number, write: boolean): Server => {
      const script = dbKind === 'postgres' ? 'src/main.ts' : 'src/modules/ledger/crash-fixture.ts';
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        cwd: serverDir,
        env: { ...env, CRASH_PREFIX: `run${run}`, CRASH_WRITE: String(write) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      const server: Server = { child, acked: [], exited: new Promise((r) => child.once('exit', () => r())) };
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith('ack ')) server.acked.push(...line.slice(4).split(' '));
          // The server's own log lines (warnings and errors: LOG_LEVEL=warn) say why, when this test fails.
          else if (line.startsWith('{')) process.stderr.write(`[run ${run}] ${line}\n`);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      return server;
    };
    const ready = async (server: Server) => {
      for (let i = 0; i < 1200; i++) {
        if (server.child.exitCode !== null) throw new Error('the server exited');
        try {
          if ((await fetch(`${base}/readyz`)).ok) return;
        } catch {
          // not listening yet
        }
        await sleep(100);
      }
      throw new Error('the server did not start');
    };
    const checkpoint = async () => {
      const res = await fetch(`${base}/ledger/checkpoint`).catch(() => undefined);
      return res?.ok ? res.text() : undefined;
    };

    // PostgreSQL: this process writes (an acknowledged record is a committed transaction), independently of the server.
    let writing = dbKind === 'postgres';
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const ids = Array.from({ length: 20 }, (_, k) => `pg-${i}-${k}`);
        await db!.transaction(async (tx) => {
          for (const id of ids) await recordInLedger(tx, { kind: 'epcis.event', id, content: { id } });
        });
        acked.push(...ids);
      }
    })();

    const seen: string[] = [];
    for (let run = 0; run < 3; run++) {
      const server = start(run, dbKind === 'pglite');
      await ready(server);
      // Watch it publish two new checkpoints under load, as a client would, then kill it mid-flight.
      const target = seen.length + 2;
      for (let i = 0; i < 1200 && seen.length < target; i++) {
        const note = await checkpoint();
        if (note && seen.at(-1) !== note) seen.push(note);
        await sleep(50);
      }
      await sleep(Math.floor(Math.random() * 400));
      server.child.kill('SIGKILL');
      await server.exited;
      acked.push(...server.acked);
    }
    writing = false;
    await writer;

    // Restart without writing; everything committed must be sequenced and published. The checkpoint's size alone
    // cannot say when: on PGlite it may already count records logged without their acknowledgement (committed just
    // before a kill) while the last acknowledged batch waits for the new sequencer (the dead one's lease runs out
    // first). So the log is read until every acknowledged record is in it, or the time is up.
    const final = start(99, false);
    await ready(final);
    // Full bundles never change: each is read once, however many times the log is read.
    const fullBundles = new Map<bigint, string[]>();
    const loggedIds = async (treeSize: bigint): Promise<string[]> => {
      const out: string[] = [];
      const bundles = Array.from({ length: Number(treeSize / 256n) }, (_, i) => ({ index: BigInt(i), width: 256 }));
      const partial = partialEntryBundle(treeSize);
      if (partial) bundles.push(partial);
      for (const b of bundles) {
        let bundleIds = b.width === 256 ? fullBundles.get(b.index) : undefined;
        if (!bundleIds) {
          const res = await fetch(`${base}/ledger/${entryBundlePath(b)}`);
          if (!res.ok) throw new Error(`entry bundle ${entryBundlePath(b)}: HTTP ${res.status}`);
          const entries = parseEntryBundle(new Uint8Array(await res.arrayBuffer()), b.width);
          if (!entries.ok) throw new Error(entries.error.code);
          bundleIds = entries.value.map((e) => (JSON.parse(new TextDecoder().decode(e)) as { id: string }).id);
          if (b.width === 256) fullBundles.set(b.index, bundleIds);
        }
        out.push(...bundleIds);
      }
      return out;
    };
    let size = 0n;
    let ids: string[] = [];
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(500)) {
      const note = await checkpoint();
      if (!note) continue;
      size = BigInt(note.split('\n')[1]!);
      if (size < BigInt(acked.length)) continue;
      ids = await loggedIds(size);
      const logged = new Set(ids);
      if (acked.every((id) => logged.has(id))) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(acked.length).toBeGreaterThan(100);

    // Exactly once: every leaf is distinct, and every acknowledged record is there.
    expect(new Set(ids).size).toBe(ids.length);
    const logged = new Set(ids);
    expect(acked.filter((id) => !logged.has(id))).toEqual([]);
    // PostgreSQL: nothing but acknowledged records. PGlite: a record committed just before the kill may be
    // logged without its acknowledgement having been printed.
    if (dbKind === 'postgres') expect(ids.length).toBe(acked.length);

    // Every checkpoint published before a crash is a prefix of the final tree.
    const report = await monitorLog({
      logUrl: `${base}/ledger`,
      vkey: keys.value.verifierKey,
      extraCheckpoints: seen.map((n, i) => ({ source: `seen #${i}`, note: n })),
    });
    expect(report.findings).toEqual([]);
    console.log(`[crash] ${dbKind}: 3 kill -9, ${acked.length} acknowledged records logged once, ${seen.length} checkpoints seen consistent with size ${size}`);
    final.child.kill('SIGTERM');
    await final.exited;
  });
});
