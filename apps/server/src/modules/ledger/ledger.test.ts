// End to end: records committed through recordInLedger are sequenced, signed, served as C2SP tlog-tiles and
// proved; a client rebuilds the tree from what /ledger serves and checks it against /api/v1/ledger/key, and Go's
// golang.org/x/mod checks the same notes, tiles and proofs independently.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fromBase64,
  merkleHasher,
  openCheckpoint,
  parseTlogProof,
  tilePath,
  TreeBuilder,
  verifyConsistency,
  verifyInclusion,
  verifyTlogProof,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';
import { enqueue } from '../../platform/outbox/outbox.ts';
import { ledgerLeaf, recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import { monitorLog } from './monitor.ts';
import { downloadLog, goCrossCheck, hasGo, logKeyOf, recordMany, requireTool } from './test-kit.ts';

const hasher = merkleHasher(nodeCrypto);
const b64 = (text: string) => fromBase64(text)!;

describe('the ledger, end to end', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await createTestSystem();
  });
  afterAll(async () => t?.close());

  const checkpointNow = async () => {
    const res = await t.system.app.inject('/ledger/checkpoint');
    expect(res.statusCode).toBe(200);
    const opened = openCheckpoint(res.body, { origin: 'txng.test/ledger', logKeys: [await logKeyOf(t.system.app)] });
    if (!opened.ok) throw new Error(opened.error.code);
    return { note: res.body, ...opened.value.checkpoint };
  };

  it('publishes the empty tree before anything is logged', async () => {
    expect((await t.system.app.inject('/ledger/checkpoint')).statusCode).toBe(503);
    await t.system.ledger.flush();
    const cp = await checkpointNow();
    expect(cp.size).toBe(0n);
    expect(Buffer.from(cp.root).toString('hex')).toBe(createHash('sha256').digest('hex'));
  });

  it('logs committed records exactly once, and a client rebuilds the signed tree from the tiles it is served', async () => {
    const seen: Awaited<ReturnType<typeof checkpointNow>>[] = [];
    const records = [];
    // Batches of different sizes cross the level-0 and entry-bundle boundaries at 256 and 512.
    for (const [i, count] of [1, 254, 2, 300, 7].entries()) {
      records.push(...(await recordMany(t.db, count, `batch${i}`, 40)));
      // The same record again in a later transaction is deduplicated by the outbox.
      await t.db.transaction((tx) => recordInLedger(tx, { kind: 'epcis.event', id: `batch${i}-0`, content: { prefix: `batch${i}`, i: 0, note: 'xoài Yên Châu' } }));
      await t.system.ledger.flush();
      seen.push(await checkpointNow());
    }
    const cp = seen.at(-1)!;
    expect(cp.size).toBe(BigInt(records.length));

    const { entries, tiles } = await downloadLog(t.system.app, cp.size);
    // Every leaf is the RFC 8785 {v, kind, id, sha256} of a committed record, each exactly once, in commit order.
    expect(entries.map((e) => new TextDecoder().decode(e))).toEqual(records.map((r) => r.leaf));
    const builder = TreeBuilder.empty(hasher);
    const rebuilt = new Map<string, Uint8Array>();
    const appended = builder.appendEntries(entries);
    if (!appended.ok) throw new Error(appended.error.code);
    for (const tile of appended.value.tiles) rebuilt.set(tilePath(tile.tile), tile.data);
    expect(Buffer.from(builder.root()).equals(Buffer.from(cp.root))).toBe(true);
    expect([...tiles.keys()].sort()).toEqual([...rebuilt.keys()].sort());
    for (const [p, data] of tiles) expect(Buffer.from(data).equals(Buffer.from(rebuilt.get(p)!)), p).toBe(true);

    // Every checkpoint signed on the way is consistent with the latest (RFC 9162 §2.1.4.2).
    for (const old of seen.slice(1, -1)) {
      const res = await t.system.app.inject(`/api/v1/ledger/consistency?from=${old.size}&to=${cp.size}`);
      expect(res.statusCode).toBe(200);
      const proof = (res.json() as { proof: string[] }).proof.map(b64);
      expect(verifyConsistency(hasher, old.size, cp.size, proof, old.root, cp.root).ok).toBe(true);
      expect(verifyConsistency(hasher, old.size, cp.size, proof, cp.root, cp.root).ok).toBe(false);
    }

    // A record's proof verifies offline against the published key; a changed leaf does not.
    const vkey = (await t.system.app.inject('/api/v1/ledger/key')).json().vkey as string;
    const key = await logKeyOf(t.system.app);
    for (const record of [records[0]!, records[255]!, records[256]!, records.at(-1)!]) {
      const res = await t.system.app.inject(`/api/v1/ledger/proof?kind=${record.kind}&id=${encodeURIComponent(record.id)}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { leaf: string; leafIndex: number; tlogProof: string; inclusionProof: string[]; rootHash: string };
      expect(body.leaf).toBe(record.leaf);
      const leafHash = hasher.leafHash(new TextEncoder().encode(body.leaf));
      const verified = verifyTlogProof(hasher, body.tlogProof, leafHash, { origin: key.name, logKeys: [key] });
      expect(verified.ok).toBe(true);
      expect(verifyInclusion(hasher, body.leafIndex, cp.size, leafHash, body.inclusionProof.map(b64), b64(body.rootHash)).ok).toBe(true);
      const forged = hasher.leafHash(new TextEncoder().encode(body.leaf.replace(record.sha256, '0'.repeat(64))));
      expect(verifyTlogProof(hasher, body.tlogProof, forged, { origin: key.name, logKeys: [key] }).ok).toBe(false);
      const parsed = parseTlogProof(body.tlogProof);
      expect(parsed.ok && new TextDecoder().decode(parsed.value.extra) === record.leaf).toBe(true);
    }

    // Go's golang.org/x/mod: the checkpoint note, the served tiles, our inclusion and consistency proofs.
    if (requireTool(hasGo(), 'Go with golang-golang-x-mod-dev')) {
      const inclusion = [];
      for (const index of [0, 255, 256, entries.length - 1]) {
        const record = records[index]!;
        const res = (await t.system.app.inject(`/api/v1/ledger/proof?kind=${record.kind}&id=${encodeURIComponent(record.id)}`)).json() as { inclusionProof: string[] };
        inclusion.push({ index, proof: res.inclusionProof.map(b64) });
      }
      const consistency = [];
      for (const old of seen.slice(1, -1)) {
        const res = (await t.system.app.inject(`/api/v1/ledger/consistency?from=${old.size}&to=${cp.size}`)).json() as { proof: string[] };
        consistency.push({ index: Number(old.size), root: old.root, proof: res.proof.map(b64) });
      }
      const report = goCrossCheck([{ vkey, msg: cp.note }], { entries, size: cp.size, root: cp.root, tiles, inclusion, consistency });
      expect(report.notes[0]).toMatchObject({ ok: true, verified: ['txng.test/ledger'] });
      const tree = report.trees[0]!;
      expect(b64(tree.root)).toEqual(new Uint8Array(cp.root));
      expect(tree.tilePaths.ok && tree.tileReads.ok).toBe(true);
      expect(tree.inclusion?.every((r) => r.ok)).toBe(true);
      expect(tree.consistency?.every((r) => r.ok)).toBe(true);
      console.log(`[interop] Go x/mod verified the checkpoint, ${tiles.size} tiles, ${inclusion.length} inclusion and ${consistency.length} consistency proofs`);
    }
  });

  it('logs a new version of a record as a new entry and proves the version asked for', async () => {
    const first = await t.db.transaction((tx) => recordInLedger(tx, { kind: 'product.version', id: 'SP-1', content: { name: 'Mận hậu', v: 1 } }));
    await t.system.ledger.flush();
    const second = await t.db.transaction((tx) => recordInLedger(tx, { kind: 'product.version', id: 'SP-1', content: { name: 'Mận hậu Mộc Châu', v: 2 } }));
    await t.system.ledger.flush();
    const latest = (await t.system.app.inject('/api/v1/ledger/proof?kind=product.version&id=SP-1')).json() as { leaf: string; leafIndex: number };
    const older = (await t.system.app.inject(`/api/v1/ledger/proof?kind=product.version&id=SP-1&sha256=${first.sha256}`)).json() as { leaf: string; leafIndex: number };
    expect(latest.leaf).toBe(second.leaf);
    expect(older.leaf).toBe(first.leaf);
    expect(latest.leafIndex).toBe(older.leafIndex + 1);
  });

  it('answers 404 for a record never logged and says when one is still pending', async () => {
    const missing = await t.system.app.inject('/api/v1/ledger/proof?kind=recall&id=nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('LEDGER_ENTRY_NOT_FOUND');
    await t.db.transaction((tx) => recordInLedger(tx, { kind: 'recall', id: 'TH-2026-01', content: { reason: 'nhãn sai' } }));
    const pending = await t.system.app.inject('/api/v1/ledger/proof?kind=recall&id=TH-2026-01&lang=en');
    expect(pending.statusCode).toBe(404);
    expect(pending.json()).toMatchObject({ code: 'LEDGER_ENTRY_PENDING', detail: expect.stringContaining('not yet in a published checkpoint') });
    await t.system.ledger.flush();
    expect((await t.system.app.inject('/api/v1/ledger/proof?kind=recall&id=TH-2026-01')).statusCode).toBe(200);
  });

  it('sets aside an outbox entry whose leaf does not match its fields, and logs nothing for it', async () => {
    const before = await checkpointNow();
    const leaf = ledgerLeaf('recall', 'TH-forged', 'a'.repeat(64));
    await t.db.transaction((tx) => enqueue(tx, { topic: 'ledger.entry', payload: { leaf, kind: 'recall', id: 'TH-forged', sha256: 'b'.repeat(64) } }));
    await t.system.ledger.flush();
    expect((await checkpointNow()).size).toBe(before.size);
    const [row] = await rows<{ last_error: string; processed_at: Date | null }>(t.db.orm, sql`select last_error, processed_at from platform.outbox where payload->>'id' = 'TH-forged'`);
    expect(row).toMatchObject({ processed_at: null, last_error: expect.stringContaining('leaf does not match') });
  });

  it('serves tiles with the tlog-tiles caching rules, gzip bundles, and nothing beyond the published tree', async () => {
    const cp = await checkpointNow();
    const full = await t.system.app.inject('/ledger/tile/0/000');
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('application/octet-stream');
    expect(full.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(full.rawPayload.length).toBe(8192);
    const width = Number(cp.size % 256n);
    const partial = await t.system.app.inject(`/ledger/tile/0/${String(cp.size / 256n).padStart(3, '0')}.p/${width}`);
    expect(partial.statusCode).toBe(200);
    expect(partial.headers['cache-control']).not.toContain('immutable');
    // A narrower partial tile (an earlier tree size) is the prefix of the current one.
    const narrower = await t.system.app.inject(`/ledger/tile/0/${String(cp.size / 256n).padStart(3, '0')}.p/${width - 1}`);
    expect(Buffer.compare(narrower.rawPayload, partial.rawPayload.subarray(0, (width - 1) * 32))).toBe(0);
    expect((await t.system.app.inject(`/ledger/tile/0/${String(cp.size / 256n).padStart(3, '0')}.p/${width + 1}`)).statusCode).toBe(404);
    expect((await t.system.app.inject('/ledger/tile/0/x001/000')).statusCode).toBe(404);
    for (const bad of ['/ledger/tile/0/0', '/ledger/tile/0/000.p/0', '/ledger/tile/0/000.p/256', '/ledger/tile/64/000', '/ledger/tile/00/000', '/ledger/tile/entries/x000/000']) {
      const res = await t.system.app.inject(bad);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json().code).toBe('LEDGER_TILE_NOT_FOUND');
    }
    const bundle = await t.system.app.inject({ url: '/ledger/tile/entries/000', headers: { 'accept-encoding': 'gzip' } });
    expect(bundle.headers['content-encoding']).toBe('gzip');
    const plain = await t.system.app.inject('/ledger/tile/entries/000');
    expect(Buffer.compare(gunzipSync(bundle.rawPayload), plain.rawPayload)).toBe(0);
    const checkpoint = await t.system.app.inject('/ledger/checkpoint');
    expect(checkpoint.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(checkpoint.headers['cache-control']).toBe('public, max-age=2');
    expect(checkpoint.headers['access-control-allow-origin']).toBe('*');
  });

  it('serves a browser verifier that accepts the ledger\'s proofs and rejects a changed leaf', async () => {
    const res = await t.system.app.inject('/ledger/verify.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-verify-'));
    try {
      writeFileSync(path.join(dir, 'verify.mjs'), res.body);
      const verifier = (await import(pathToFileURL(path.join(dir, 'verify.mjs')).href)) as {
        verifyRecordProof(input: { proof: string; entry: Uint8Array; logKey: string }): { ok: boolean; value?: { index: bigint } };
      };
      const proof = (await t.system.app.inject('/api/v1/ledger/proof?kind=product.version&id=SP-1')).json() as { tlogProof: string; leaf: string; leafIndex: number };
      const logKey = (await t.system.app.inject('/api/v1/ledger/key')).json().vkey as string;
      const good = verifier.verifyRecordProof({ proof: proof.tlogProof, entry: new TextEncoder().encode(proof.leaf), logKey });
      expect(good).toMatchObject({ ok: true, value: { index: BigInt(proof.leafIndex) } });
      const bad = verifier.verifyRecordProof({ proof: proof.tlogProof, entry: new TextEncoder().encode(proof.leaf.replace('SP-1', 'SP-2')), logKey });
      expect(bad.ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the ledger on folder storage', () => {
  let t: TestSystem;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-folder-'));
    t = await createTestSystem({ env: { TXNG_LEDGER_STORAGE: `file:${dir}` } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the tiles and checkpoint as a tlog-tiles folder and serves the same bytes', async () => {
    const records = await recordMany(t.db, 300, 'folder', 100);
    await t.system.ledger.flush();
    const note = (await t.system.app.inject('/ledger/checkpoint')).body;
    expect(readFileSync(path.join(dir, 'public', 'checkpoint'), 'utf8')).toBe(note);
    const { entries, tiles } = await downloadLog(t.system.app, 300n);
    expect(entries.map((e) => new TextDecoder().decode(e))).toEqual(records.map((r) => r.leaf));
    for (const [p, data] of tiles) expect(Buffer.compare(readFileSync(path.join(dir, 'public', p)), data), p).toBe(0);
    expect(readFileSync(path.join(dir, 'public', 'tile', 'entries', '001.p', '44')).length).toBeGreaterThan(44 * 2);
    // Nothing tile-shaped is kept in the database.
    const [count] = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from ledger.tiles`);
    expect(count!.n).toBe(0);
  });
});

describe('the ledger\'s public rate limit', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_RATE_LIMIT_PUBLIC: '3' } });
    await recordMany(t.db, 300, 'busy');
    await t.system.ledger.flush();
  });
  afterAll(async () => t?.close());

  it('answers 429 with Retry-After once a client exceeds TXNG_RATE_LIMIT_PUBLIC per minute, without a session', async () => {
    for (let i = 0; i < 3; i++) expect((await t.system.app.inject('/ledger/checkpoint')).statusCode).toBe(200);
    const limited = await t.system.app.inject('/ledger/checkpoint');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().code).toBe('RATE_LIMITED');
  });

  it('gives tiles, which a monitor reads by the thousand, twenty times the page budget', async () => {
    const tile = () => t.system.app.inject({ url: '/ledger/tile/0/000.p/1', remoteAddress: '10.9.0.2' });
    for (let i = 0; i < 60; i++) expect((await tile()).statusCode).not.toBe(429);
    expect((await tile()).statusCode).toBe(429);
  });

  it('has the monitor wait as a busy log tells it (429 with Retry-After) instead of reporting a failure', async () => {
    let refused = 0;
    // Answers from the app itself, uncompressed (a Response built by hand is not decoded as fetch would).
    const busyOnce: typeof fetch = async (input) => {
      const url = String(input);
      if (url.includes('/tile/') && refused < 2) {
        refused++;
        return new Response('busy', { status: 429, headers: { 'retry-after': '1' } });
      }
      const res = await t.system.app.inject({ url: new URL(url).pathname, remoteAddress: '10.9.0.3' });
      return new Response(res.rawPayload, { status: res.statusCode, headers: res.headers as Record<string, string> });
    };
    const report = await monitorLog({ logUrl: 'http://txng.test/ledger', vkey: t.system.ledger.key.vkey, fetch: busyOnce });
    expect(refused).toBe(2);
    expect(report.findings).toEqual([]);
  });
});

describe('the ledger after a crash between a batch and its checkpoint', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await createTestSystem();
  });
  afterAll(async () => {
    await t?.system.ledger.stop();
    await t?.close();
  });

  it('signs the committed head when its sequencer starts, though nothing new is waiting', async () => {
    await recordMany(t.db, 40, 'before');
    await t.system.ledger.flush();
    await recordMany(t.db, 20, 'last');
    // The batch commits and the process dies before signing: its checkpoint row is removed to stand for that.
    expect((await t.system.ledger.sequencer.sequenceOnce()).consumed).toBe(20);
    await t.db.orm.execute(sql`delete from ledger.checkpoints where size = 60`);
    const published = async () => {
      const res = await t.system.app.inject('/ledger/checkpoint');
      return res.statusCode === 200 ? res.body.split('\n')[1] : res.statusCode;
    };
    expect(await published()).toBe('40');
    t.system.ledger.start();
    await expect.poll(published, { timeout: 15_000, interval: 200 }).toBe('60');
  });
});
