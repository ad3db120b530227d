import { describe, expect, it } from 'vitest';
import { bytesEqual, utf8 } from '../bytes.ts';
import { nodeCrypto } from '../node/index.ts';
import { EntryBundleBuilder } from '../tiles/bundle-builder.ts';
import { encodeEntryBundle, parseEntryBundle } from '../tiles/entry-bundle.ts';
import { newTiles } from '../tiles/layout.ts';
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
    expect(TreeBuilder.restore(hasher, 1000n, tiles, builder.root()).ok).toBe(true);
    const tampered = tiles.map((t, i) => (i === 0 ? { ...t, data: t.data.map((b, j) => (j === 5 ? b ^ 1 : b)) } : t));
    expect(TreeBuilder.restore(hasher, 1000n, tampered, builder.root())).toMatchObject({ ok: false, error: { code: 'TLOG_ROOT_MISMATCH' } });
    expect(TreeBuilder.restore(hasher, 1000n, tiles.slice(1))).toMatchObject({ ok: false, error: { code: 'TLOG_READER_MISMATCH' } });
    expect(TreeBuilder.restore(hasher, 1001n, tiles)).toMatchObject({ ok: false, error: { code: 'TILE_BAD_SIZE' } });
    expect(TreeBuilder.restore(hasher, 2n ** 53n, [])).toMatchObject({ ok: false, error: { code: 'TLOG_TREE_TOO_LARGE' } });
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
