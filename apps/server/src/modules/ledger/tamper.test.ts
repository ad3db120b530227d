// Tampering is reported, never accepted: the monitor rebuilds the log from what the server serves and reports a
// changed leaf or tile in the database, a checkpoint signed by an unknown key, a log-signed checkpoint of another
// tree (split view), and a log that rewrote an entry and re-signed.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeEntryBundle,
  entryBundlePath,
  formatCheckpoint,
  merkleHasher,
  newSignerKey,
  parseSignerKey,
  signNote,
  tilePath,
  TreeBuilder,
  verifyTlogProof,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';
import { monitorLog, type MonitorReport } from './monitor.ts';
import { recordMany, tilesOf } from './test-kit.ts';

const hasher = merkleHasher(nodeCrypto);
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const codes = (r: MonitorReport) => r.findings.map((f) => f.code);

describe('tampering and the monitor', () => {
  const keys = unwrap(newSignerKey(nodeCrypto, 'txng.test/ledger', randomBytes(32)));
  const log = unwrap(parseSignerKey(nodeCrypto, keys.signerKey));
  let t: TestSystem;
  let url: string;
  let baseline: MonitorReport;

  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_LEDGER_KEY: keys.signerKey } });
    await t.system.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(t.system.app.server.address() as AddressInfo).port}/ledger`;
    await recordMany(t.db, 300, 'e', 100);
    await t.system.ledger.flush();
    const first = await monitorLog({ logUrl: url, vkey: keys.verifierKey });
    expect(first.findings).toEqual([]);
    await recordMany(t.db, 10, 'f', 10);
    await t.system.ledger.flush();
    baseline = await monitorLog({ logUrl: url, vkey: keys.verifierKey, state: first.state, knownLeaves: first.leaves });
    expect(baseline.findings).toEqual([]);
    expect(baseline.state.checkpoints.map((c) => c.size)).toEqual(['300', '310']);
  });
  afterAll(async () => t?.close());

  const again = () => monitorLog({ logUrl: url, vkey: keys.verifierKey, state: baseline.state, knownLeaves: baseline.leaves });

  it('reports a leaf changed in the stored entry bundle, by index', async () => {
    const [row] = await rows<{ data: Uint8Array }>(t.db.orm, sql`select data from ledger.bundles where idx = 0`);
    const original = Buffer.from(row!.data);
    // Entry 5's id "e-5" becomes "e-X": same length, another record.
    const at = original.indexOf('"id":"e-5"');
    const forged = Buffer.from(original);
    forged.write('"id":"e-X"', at);
    await t.db.orm.execute(sql`update ledger.bundles set data = ${forged} where idx = 0`);
    try {
      const report = await again();
      expect(codes(report)).toContain('LEDGER_MONITOR_ROOT_MISMATCH');
      expect(report.findings).toContainEqual({ code: 'LEDGER_MONITOR_ENTRY_REWRITTEN', params: { index: '5', leaf: expect.stringContaining('"id":"e-X"') } });
      expect(report.findings).toContainEqual({ code: 'LEDGER_MONITOR_TILE_MISMATCH', params: { path: 'tile/0/000' } });
      // Nothing is learned from a bad run: the state to keep is the previous one.
      expect(report.state).toEqual(baseline.state);
    } finally {
      await t.db.orm.execute(sql`update ledger.bundles set data = ${original} where idx = 0`);
    }
    expect((await again()).findings).toEqual([]);
  });

  it('reports a hash tile changed in the database', async () => {
    const [row] = await rows<{ data: Uint8Array }>(t.db.orm, sql`select data from ledger.tiles where level = 0 and idx = 1`);
    const original = Buffer.from(row!.data);
    const forged = Buffer.from(original);
    forged[100] = forged[100]! ^ 0xff;
    await t.db.orm.execute(sql`update ledger.tiles set data = ${forged} where level = 0 and idx = 1`);
    try {
      const report = await again();
      expect(report.findings).toEqual([{ code: 'LEDGER_MONITOR_TILE_MISMATCH', params: { path: 'tile/0/001.p/54' } }]);
      // A proof built from that tile no longer leads to the signed root: a verifier refuses it.
      const body = (await t.system.app.inject('/api/v1/ledger/proof?kind=epcis.event&id=e-260')).json() as { tlogProof: string; leaf: string };
      const leafHash = hasher.leafHash(new TextEncoder().encode(body.leaf));
      expect(verifyTlogProof(hasher, body.tlogProof, leafHash, { origin: 'txng.test/ledger', logKeys: [log.verifier] }).ok).toBe(false);
    } finally {
      await t.db.orm.execute(sql`update ledger.tiles set data = ${original} where level = 0 and idx = 1`);
    }
  });

  it('rejects a checkpoint signed by an unknown key', async () => {
    const other = unwrap(newSignerKey(nodeCrypto, 'txng.test/ledger', randomBytes(32)));
    const report = await monitorLog({ logUrl: url, vkey: other.verifierKey });
    expect(report.findings).toEqual([{ code: 'LEDGER_MONITOR_CHECKPOINT_REJECTED', params: { source: `${url}/checkpoint`, reason: expect.stringContaining('trusted key') } }]);
    // The same when the database's note is replaced by one an impostor signed with the log's name.
    const impostor = unwrap(parseSignerKey(nodeCrypto, other.signerKey));
    const [row] = await rows<{ size: number; note: string }>(t.db.orm, sql`select size, note from ledger.checkpoints order by size desc limit 1`);
    const text = row!.note.slice(0, row!.note.indexOf('\n\n') + 1);
    await t.db.orm.execute(sql`update ledger.checkpoints set note = ${unwrap(signNote(text, [impostor.signer]))} where size = ${row!.size}`);
    try {
      expect(codes(await again())).toEqual(['LEDGER_MONITOR_CHECKPOINT_REJECTED']);
    } finally {
      await t.db.orm.execute(sql`update ledger.checkpoints set note = ${row!.note} where size = ${row!.size}`);
    }
  });

  it('reports a split view: a checkpoint the log signed for another tree', async () => {
    const entries = await download(url, 310);
    entries[3] = new TextEncoder().encode('{"id":"e-3","kind":"epcis.event","sha256":"' + '0'.repeat(64) + '","v":1}');
    const builder = TreeBuilder.empty(hasher);
    builder.appendEntries(entries.slice(0, 200));
    const fork = unwrap(signNote(unwrap(formatCheckpoint({ origin: 'txng.test/ledger', size: 200n, root: builder.root(), extensions: [] })), [log.signer]));
    const report = await monitorLog({ logUrl: url, vkey: keys.verifierKey, state: baseline.state, knownLeaves: baseline.leaves, extraCheckpoints: [{ source: 'shown to a consumer', note: fork }] });
    expect(codes(report)).toEqual(['LEDGER_MONITOR_SPLIT_VIEW']);
    expect(report.findings[0]!.params.size).toBe('200');
  });

  it('reports a log that rewrote an entry and re-signed its tree', async () => {
    // The operator's key rewrites entry 7 and signs the new tree: consistent with itself, not with the past.
    const entries = await download(url, 310);
    entries[7] = new TextEncoder().encode(new TextDecoder().decode(entries[7]).replace('"id":"e-7"', '"id":"e-Z"'));
    const builder = TreeBuilder.empty(hasher);
    const tiles = new Map<string, Uint8Array>();
    for (const tile of unwrap(builder.appendEntries(entries)).tiles) tiles.set(tilePath(tile.tile), tile.data.slice());
    const checkpoint = unwrap(signNote(unwrap(formatCheckpoint({ origin: 'txng.test/ledger', size: 310n, root: builder.root(), extensions: [] })), [log.signer]));
    const bundles = new Map([
      [entryBundlePath({ index: 0n, width: 256 }), unwrap(encodeEntryBundle(entries.slice(0, 256)))],
      [entryBundlePath({ index: 1n, width: 54 }), unwrap(encodeEntryBundle(entries.slice(256)))],
    ]);
    const evil: typeof fetch = async (input) => {
      const p = String(input).slice(url.length + 1);
      const body = p === 'checkpoint' ? new TextEncoder().encode(checkpoint) : (tiles.get(p) ?? bundles.get(p));
      return body ? new Response(body) : new Response('not found', { status: 404 });
    };
    expect(tilesOf(310n).every((tile) => tiles.has(tilePath(tile)))).toBe(true);
    const report = await monitorLog({ logUrl: url, vkey: keys.verifierKey, state: baseline.state, knownLeaves: baseline.leaves, fetch: evil });
    expect(codes(report).sort()).toEqual(['LEDGER_MONITOR_ENTRY_REWRITTEN', 'LEDGER_MONITOR_SPLIT_VIEW', 'LEDGER_MONITOR_SPLIT_VIEW']);
    expect(report.findings.find((f) => f.code === 'LEDGER_MONITOR_ENTRY_REWRITTEN')!.params.index).toBe('7');
  });
});

async function download(url: string, size: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const [path, width] of [['tile/entries/000', 256], [`tile/entries/001.p/${size - 256}`, size - 256]] as const) {
    const data = new Uint8Array(await (await fetch(`${url}/${path}`)).arrayBuffer());
    let at = 0;
    for (let i = 0; i < width; i++) {
      const length = (data[at]! << 8) | data[at + 1]!;
      out.push(data.slice(at + 2, at + 2 + length));
      at += 2 + length;
    }
  }
  return out;
}
