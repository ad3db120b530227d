import { describe, expect, it } from 'vitest';
import { bytesEqual, utf8 } from '../bytes.ts';
import { nodeCrypto } from '../node/index.ts';
import { EntryBundleBuilder } from '../tiles/bundle-builder.ts';
import { encodeEntryBundle, parseEntryBundle } from '../tiles/entry-bundle.ts';
import { newTiles } from '../tiles/layout.ts';
import { MemoryTileStore, tileNodeReader } from '../tiles/tile-reader.ts';
import { proveInclusion } from './prove.ts';
import { entryBundlePath, tilePath } from '../tiles/paths.ts';
import { merkleHasher } from './hasher.ts';
import { TreeBuilder } from './tree-builder.ts';

const hasher = merkleHasher(nodeCrypto);
const entries = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => utf8(`lô hàng ${from + i}`));

describe('TreeBuilder', () => {
  it('emits exactly the tiles newTiles() lists for each batch', () => {
    const builder = TreeBuilder.empty(hasher);
    let size = 0;
    for (const batch of [1, 254, 1, 300, 65_000, 700]) {
      const appended = builder.appendEntries(entries(size, size + batch));
      if (!appended.ok) throw new Error(appended.error.code);
      const expected = newTiles(size, size + batch);
      if (!expected.ok) throw new Error(expected.error.code);
      expect(appended.value.tiles.map((t) => tilePath(t.tile)).sort()).toEqual(expected.value.map(tilePath).sort());
      expect(appended.value.firstIndex).toBe(BigInt(size));
      size += batch;
    }
  });

  it('refuses to restore from tiles that do not match the signed root', () => {
    const builder = TreeBuilder.empty(hasher);
    builder.appendEntries(entries(0, 1000));
    const tiles = builder.partialTiles();
    expect(TreeBuilder.restore(hasher, { size: 1000n, tiles, expectedRoot: builder.root() }).ok).toBe(true);
    const tampered = tiles.map((t, i) => (i === 0 ? { ...t, data: t.data.map((b, j) => (j === 5 ? b ^ 1 : b)) } : t));
    expect(TreeBuilder.restore(hasher, { size: 1000n, tiles: tampered, expectedRoot: builder.root() })).toMatchObject({ ok: false, error: { code: 'TLOG_ROOT_MISMATCH' } });
    expect(TreeBuilder.restore(hasher, { size: 1000n, tiles: tiles.slice(1) })).toMatchObject({ ok: false, error: { code: 'TLOG_READER_MISMATCH' } });
    expect(TreeBuilder.restore(hasher, { size: 1001n, tiles })).toMatchObject({ ok: false, error: { code: 'TILE_BAD_SIZE' } });
    expect(TreeBuilder.restore(hasher, { size: 2n ** 53n, tiles: [] })).toMatchObject({ ok: false, error: { code: 'TLOG_TREE_TOO_LARGE' } });
  });

  it('keeps mid tiles (tree levels 8L + 4) across restarts, for proofs with far fewer hashes', async () => {
    const straight = TreeBuilder.empty(hasher, { midTiles: true });
    const all = straight.appendEntries(entries(0, 70_000));
    if (!all.ok) throw new Error(all.error.code);
    // 70,000 leaves: ⌊70000/16⌋ = 4375 level-4 hashes (17 full mid tiles + 23) and 17 level-12 hashes.
    expect(all.value.midTiles.map((t) => tilePath(t.tile)).slice(-2)).toEqual(['tile/0/017.p/23', 'tile/1/000.p/17']);
    let builder = TreeBuilder.empty(hasher, { midTiles: true });
    const mids = new Map<string, Uint8Array>();
    for (let at = 0; at < 70_000; at += 9_999) {
      const appended = builder.appendEntries(entries(at, Math.min(70_000, at + 9_999)));
      if (!appended.ok) throw new Error(appended.error.code);
      for (const t of appended.value.midTiles) mids.set(tilePath(t.tile), t.data);
      const restored = TreeBuilder.restore(
        hasher,
        { size: builder.size, tiles: builder.partialTiles(), midTiles: builder.partialMidTiles(), expectedRoot: builder.root() },
        { midTiles: true },
      );
      if (!restored.ok) throw new Error(restored.error.code);
      builder = restored.value;
    }
    for (const t of all.value.midTiles) expect(mids.get(tilePath(t.tile))).toEqual(t.data);
    expect(TreeBuilder.restore(hasher, { size: builder.size, tiles: builder.partialTiles() }, { midTiles: true })).toMatchObject({
      ok: false,
      error: { code: 'TLOG_READER_MISMATCH' },
    });
    // Proofs read through mid tiles hash far less.
    const store = new MemoryTileStore({ midTiles: true });
    for (const t of all.value.tiles) store.put(t.tile, t.data);
    for (const t of all.value.midTiles) store.putMid(t.tile, t.data);
    let calls = 0;
    const counting = merkleHasher({ ...nodeCrypto, sha256: (d) => (calls++, nodeCrypto.sha256(d)) });
    const withMid = await proveInclusion(counting, tileNodeReader(counting, 70_000n, store), 12_345, 70_000);
    const midCalls = calls;
    calls = 0;
    const plain = await proveInclusion(counting, tileNodeReader(counting, 70_000n, { readTiles: (t) => store.readTiles(t) }), 12_345, 70_000);
    expect(withMid.ok && plain.ok && withMid.value.every((h, i) => bytesEqual(h, plain.value[i]!))).toBe(true);
    expect(midCalls * 5).toBeLessThan(calls);
    expect(store.midBytes / 70_000).toBeLessThan(2.1);
  });

  it('rejects leaf hashes that are not 32 bytes, appending nothing', () => {
    const builder = TreeBuilder.empty(hasher);
    const result = builder.appendLeafHashes([new Uint8Array(32), new Uint8Array(31)]);
    expect(result).toMatchObject({ ok: false, error: { code: 'TLOG_BAD_HASH_SIZE' } });
    expect(builder.size).toBe(0n);
    expect(bytesEqual(builder.root(), hasher.emptyRoot)).toBe(true);
  });
});

describe('EntryBundleBuilder', () => {
  it('emits full bundles and the new partial bundle, and restores from the partial bundle', () => {
    let builder = EntryBundleBuilder.empty();
    const all = entries(0, 600);
    const first = builder.append(all.slice(0, 300));
    if (!first.ok) throw new Error(first.error.code);
    expect(first.value.map((b) => entryBundlePath(b.bundle))).toEqual(['tile/entries/000', 'tile/entries/001.p/44']);
    const restored = EntryBundleBuilder.restore(300n, first.value[1]!.data);
    if (!restored.ok) throw new Error(restored.error.code);
    builder = restored.value;
    const second = builder.append(all.slice(300, 600));
    if (!second.ok) throw new Error(second.error.code);
    expect(second.value.map((b) => entryBundlePath(b.bundle))).toEqual(['tile/entries/001', 'tile/entries/002.p/88']);
    const bundle1 = parseEntryBundle(second.value[0]!.data, 256);
    expect(bundle1.ok && bundle1.value.every((e, i) => bytesEqual(e, all[256 + i]!))).toBe(true);
  });

  it('rejects entries over 65535 bytes and malformed bundles', () => {
    expect(EntryBundleBuilder.empty().append([new Uint8Array(65_536)])).toMatchObject({ ok: false, error: { code: 'BUNDLE_ENTRY_TOO_LARGE' } });
    const bundle = encodeEntryBundle([utf8('a'), utf8('bc')]);
    if (!bundle.ok) throw new Error('encode');
    expect(parseEntryBundle(bundle.value, 2).ok).toBe(true);
    expect(parseEntryBundle(bundle.value, 3)).toMatchObject({ ok: false, error: { code: 'BUNDLE_MALFORMED' } });
    expect(parseEntryBundle(bundle.value.subarray(0, 5))).toMatchObject({ ok: false, error: { code: 'BUNDLE_MALFORMED', position: 3 } });
    expect(EntryBundleBuilder.restore(300n)).toMatchObject({ ok: false, error: { code: 'TLOG_READER_MISMATCH' } });
    expect(EntryBundleBuilder.restore(256n, bundle.value)).toMatchObject({ ok: false, error: { code: 'BUNDLE_MALFORMED' } });
  });
});
