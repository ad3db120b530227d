// Independent implementation: Debian's Go with golang.org/x/mod (sumdb/note, sumdb/tlog) checks our notes,
// tree hashes, tiles and proofs, and produces its own for us to check (packages/tlog/test/go/main.go).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../bytes.ts';
import { compactCrypto } from '../crypto/compact/index.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { formatCheckpoint } from '../checkpoint/checkpoint.ts';
import { merkleHasher } from '../merkle/hasher.ts';
import { proveConsistency, proveInclusion } from '../merkle/prove.ts';
import { TreeBuilder } from '../merkle/tree-builder.ts';
import { verifyConsistency, verifyInclusion } from '../merkle/verify.ts';
import { cosigner } from '../note/cosignature.ts';
import { newSignerKey, parseSignerKey, parseVerifierKey } from '../note/keys.ts';
import { openNote, signNote } from '../note/signed-note.ts';
import { MemoryTileStore, tileNodeReader } from '../tiles/tile-reader.ts';
import { fullTileCount, partialTiles, tileLevelCount } from '../tiles/layout.ts';
import { tilePath } from '../tiles/paths.ts';
import { hasGoXMod, requireTool } from '../../test/tools.ts';

const run = requireTool(hasGoXMod(), 'Go (/usr/bin/go) with golang-golang-x-mod-dev');
const hasher = merkleHasher(nobleCrypto);
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const b64 = (bytes: Uint8Array) => toBase64(bytes);
const bytes = (text: string) => fromBase64(text)!;

interface GoResult { ok: boolean; err?: string; verified?: string[]; note?: string; proof?: string[] | null }
interface GoReport {
  notes: GoResult[];
  signs: GoResult[];
  trees: { root: string; tilePaths: GoResult; tileReads: GoResult; inclusion: GoResult[] | null; consistency: GoResult[] | null }[];
  vkey: string;
  skey: string;
  note: string;
  goRoot: string;
  goTiles: Record<string, string>;
  goProofs: string[][];
  goTreeOld: string[][];
}

const keys = unwrap(newSignerKey(nobleCrypto, 'txng.sonla.gov.vn/ledger', new Uint8Array(32).fill(11)));
const log = unwrap(parseSignerKey(nobleCrypto, keys.signerKey));
const text = 'Truy xuất nguồn gốc Sơn La\nxoài Yên Châu, mận Mộc Châu\n';
const SIZES = [1, 255, 256, 257, 300, 1000, 70_000];
const GENERATED = 600;

async function tree(size: number) {
  const entries = Array.from({ length: size }, (_, i) => utf8(`record ${i}`));
  const builder = TreeBuilder.empty(hasher);
  const roots = [builder.root()];
  const store = new MemoryTileStore();
  for (let at = 0; at < size; at += 97) {
    const appended = unwrap(builder.appendEntries(entries.slice(at, at + 97)));
    for (const t of appended.tiles) store.put(t.tile, t.data);
    roots[Math.min(size, at + 97)] = builder.root();
  }
  const reader = tileNodeReader(hasher, BigInt(size), store);
  const picks = [...new Set([0, 1, size >> 1, size - 2, size - 1].filter((i) => i >= 0 && i < size))];
  const inclusion = await Promise.all(picks.map(async (index) => ({ index, proof: unwrap(await proveInclusion(hasher, reader, index, size)).map(b64) })));
  const olds = Object.keys(roots).map(Number).filter((m) => m > 0 && m < size);
  const consistency = await Promise.all(
    olds.slice(0, 6).map(async (m) => ({ index: m, root: b64(roots[m]!), proof: unwrap(await proveConsistency(hasher, reader, m, size)).map(b64) })),
  );
  const tiles: Record<string, string> = {};
  for (let level = 0; level < tileLevelCount(BigInt(size)); level++) {
    const full = Number(fullTileCount(BigInt(size), level));
    for (let n = 0; n < full; n++) {
      const tile = { level, index: BigInt(n), width: 256 };
      tiles[tilePath(tile)] = b64(store.get(tile)!);
    }
  }
  for (const tile of unwrap(partialTiles(size))) tiles[tilePath(tile)] = b64(store.get(tile)!);
  return { entries: entries.map(b64), size, root: b64(builder.root()), tiles, inclusion, consistency };
}

describe.runIf(run)('golang.org/x/mod cross-check', () => {
  let report: GoReport;
  let request: { trees: Awaited<ReturnType<typeof tree>>[] };
  const checkpoint = unwrap(formatCheckpoint({ origin: 'txng.sonla.gov.vn/ledger', size: 3n, root: nobleCrypto.sha256(utf8('x')), extensions: [] }));
  const witness = unwrap(cosigner(nobleCrypto, 'witness.example', new Uint8Array(32).fill(12), 1767139200));
  const signedCheckpoint = unwrap(signNote(checkpoint, [log.signer, witness]));
  const signed = unwrap(signNote(text, [log.signer]));

  beforeAll(async () => {
    request = { trees: await Promise.all(SIZES.map(tree)) };
    const full = {
      ...request,
      notes: [
        { vkey: keys.verifierKey, msg: signed },
        { vkey: keys.verifierKey, msg: signedCheckpoint },
        { vkey: keys.verifierKey, msg: signed.replace('Sơn La', 'Son La') },
      ],
      signs: [{ skey: keys.signerKey, text }],
      generate: {
        seed: b64(new Uint8Array(32).fill(13)),
        name: 'go.example/log',
        text: checkpoint,
        entries: Array.from({ length: GENERATED }, (_, i) => b64(utf8(`go ${i}`))),
      },
    };
    const main = fileURLToPath(new URL('../../test/go/main.go', import.meta.url));
    const go = spawnSync('go', ['run', main], {
      input: JSON.stringify(full),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        GO111MODULE: 'off',
        GOPATH: '/usr/share/gocode',
        GOFLAGS: '',
        GOPROXY: 'off',
        GOCACHE: mkdtempSync(path.join(tmpdir(), 'tlog-gocache-')),
      },
    });
    if (go.status !== 0) throw new Error(`go run failed (${go.status}): ${go.stderr}`);
    report = JSON.parse(go.stdout) as GoReport;
  }, 240_000);

  it('x/mod opens our signed notes (and our checkpoint, ignoring the cosignature) and rejects a tampered one', () => {
    expect(report.notes.map((n) => n.ok)).toEqual([true, true, false]);
    expect(report.notes[1]!.verified).toEqual(['txng.sonla.gov.vn/ledger']);
    console.log('[interop] go x/mod opened 2/2 notes signed by @txng/tlog, rejected 1/1 tampered');
  });

  it('x/mod signs byte for byte what we sign with the same signer key', () => {
    expect(report.signs[0]).toMatchObject({ ok: true, note: signed });
  });

  it('x/mod computes our tree hashes, accepts our tiles against the root, parses our tile paths, and checks our proofs', () => {
    report.trees.forEach((t, i) => {
      const ours = request.trees[i]!;
      expect(t.root, `size ${ours.size}`).toBe(ours.root);
      expect(t.tilePaths, `size ${ours.size}`).toMatchObject({ ok: true });
      expect(t.tileReads, `size ${ours.size}`).toMatchObject({ ok: true });
      (t.inclusion ?? []).forEach((p, j) => {
        expect(p.ok, `inclusion ${ours.inclusion[j]!.index} of ${ours.size}: ${p.err}`).toBe(true);
        expect(p.proof ?? []).toEqual(ours.inclusion[j]!.proof);
      });
      (t.consistency ?? []).forEach((p, j) => {
        expect(p.ok, `consistency ${ours.consistency[j]!.index} → ${ours.size}: ${p.err}`).toBe(true);
        expect(p.proof ?? []).toEqual(ours.consistency[j]!.proof);
      });
    });
    const proofs = report.trees.reduce((n, t) => n + (t.inclusion ?? []).length + (t.consistency ?? []).length, 0);
    console.log(`[interop] go x/mod agreed on ${SIZES.length} tree roots and tile sets, verified ${proofs} proofs`);
  });

  it('we verify what x/mod produced: key, signed note, root, tiles and every proof', async () => {
    const parsed = unwrap(parseSignerKey(nobleCrypto, report.skey));
    expect(parsed.verifierKey).toBe(report.vkey);
    for (const crypto of [nobleCrypto, compactCrypto]) {
      expect(openNote(report.note, [unwrap(parseVerifierKey(crypto, report.vkey))]).ok).toBe(true);
    }
    const entries = Array.from({ length: GENERATED }, (_, i) => utf8(`go ${i}`));
    const builder = TreeBuilder.empty(hasher);
    const appended = unwrap(builder.appendEntries(entries));
    expect(b64(builder.root())).toBe(report.goRoot);
    // x/mod publishes every intermediate partial width; each of ours must be among them, byte for byte.
    for (const t of appended.tiles) expect(report.goTiles[tilePath(t.tile)]).toBe(b64(t.data));
    const root = builder.root();
    report.goProofs.forEach((proof, i) => {
      expect(verifyInclusion(hasher, i, GENERATED, hasher.leafHash(entries[i]!), proof.map(bytes), root).ok).toBe(true);
    });
    const prefix = TreeBuilder.empty(hasher);
    report.goTreeOld.forEach((proof, i) => {
      prefix.appendEntries([entries[i]!]);
      expect(verifyConsistency(hasher, i + 1, GENERATED, proof.map(bytes), prefix.root(), root).ok).toBe(true);
    });
    console.log(`[interop] verified x/mod's note, root, ${appended.tiles.length} tiles, ${report.goProofs.length} inclusion and ${report.goTreeOld.length} consistency proofs`);
  });
});
