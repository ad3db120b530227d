// generated/tile-sets.json: tile paths, full tile counts and partial widths for tree sizes up to 1,234,567,890
// (golang.org/x/mod/sumdb/tlog.NewTiles, rewritten to c2sp.org/tlog-tiles paths).
import { afterAll, describe, expect, it } from 'vitest';
import { CaseCounter, readJsonExact } from '../../test/conformance.ts';
import { fullTileCount, hashesAtTileLevel, newTiles, partialEntryBundle, partialTiles, tileLevelCount } from './layout.ts';
import { entryBundlePath, formatTileIndex, parseTilePath, TILE_WIDTH, tilePath, type TileId } from './paths.ts';

interface TileRow {
  level: number;
  n: number;
  width: number;
  path: string;
}
interface SizeCase {
  treeSize: number;
  fullTileCountByLevel: Record<string, number>;
  partialTiles: TileRow[];
  lastFullTilePerLevel: TileRow[] | null;
  entryBundlePartial: string | null;
}
interface TileSets {
  indexPathExamples: Record<string, string>;
  sizes: SizeCase[];
}

const data = readJsonExact<TileSets>('generated', 'tile-sets.json');
const counter = new CaseCounter('generated/tile-sets.json');
afterAll(() => counter.report());

const row = (t: TileId) => ({ level: t.level, n: Number(t.index), width: t.width, path: tilePath(t) });

describe('tile index paths', () => {
  it.each(Object.entries(data.indexPathExamples))('index %s → %s', (index, path) => {
    const pass = formatTileIndex(BigInt(index)) === path;
    const parsed = parseTilePath(`tile/0/${path}`);
    expect(counter.check(`index ${index}`, pass && parsed.ok && parsed.value.kind === 'hash' && parsed.value.tile.index === BigInt(index))).toBe(true);
  });
});

describe('tile sets per tree size', () => {
  it.each(data.sizes.map((s) => [s.treeSize, s] as const))('tree size %d', (_, c) => {
    const size = BigInt(c.treeSize);
    const partial = partialTiles(size);
    if (!partial.ok) throw new Error(partial.error.code);
    const counts: Record<string, number> = {};
    const lastFull: ReturnType<typeof row>[] = [];
    for (let level = 0; level < tileLevelCount(size); level++) {
      const full = fullTileCount(size, level);
      if (full === 0n) continue;
      counts[String(level)] = Number(full);
      lastFull.push(row({ level, index: full - 1n, width: TILE_WIDTH }));
    }
    const bundle = partialEntryBundle(size);
    const pass = [
      JSON.stringify(partial.value.map(row)) === JSON.stringify(c.partialTiles),
      JSON.stringify(counts) === JSON.stringify(c.fullTileCountByLevel),
      JSON.stringify(lastFull.length ? lastFull : null) === JSON.stringify(c.lastFullTilePerLevel),
      (bundle ? entryBundlePath(bundle) : null) === c.entryBundlePartial,
      // Every listed path parses back to the same tile.
      [...c.partialTiles, ...(c.lastFullTilePerLevel ?? [])].every((t) => {
        const parsed = parseTilePath(t.path);
        return parsed.ok && parsed.value.kind === 'hash' && JSON.stringify(row(parsed.value.tile)) === JSON.stringify(t);
      }),
    ];
    expect(counter.check(`size ${c.treeSize}`, pass.every(Boolean)), JSON.stringify(pass)).toBe(true);
  });

  it('lists, between consecutive sizes, exactly the tiles that changed', () => {
    const sizes = [0, ...data.sizes.map((s) => s.treeSize)];
    for (let i = 1; i < sizes.length; i++) {
      const tiles = newTiles(sizes[i - 1]!, sizes[i]!);
      if (!tiles.ok) throw new Error(tiles.error.code);
      const full = tiles.value.filter((t) => t.width === TILE_WIDTH);
      // Full tiles: everything that became full since the previous size.
      for (let level = 0; level < tileLevelCount(BigInt(sizes[i]!)); level++) {
        const want = fullTileCount(BigInt(sizes[i]!), level) - fullTileCount(BigInt(sizes[i - 1]!), level);
        expect(BigInt(full.filter((t) => t.level === level).length)).toBe(want);
      }
      // Partial tiles: those of the new size, except a level whose content did not change.
      const partial = partialTiles(sizes[i]!);
      if (!partial.ok) throw new Error(partial.error.code);
      const changed = partial.value.filter(
        (t) => hashesAtTileLevel(BigInt(sizes[i - 1]!), t.level) !== hashesAtTileLevel(BigInt(sizes[i]!), t.level),
      );
      expect(tiles.value.filter((t) => t.width < TILE_WIDTH).map(tilePath)).toEqual(changed.map(tilePath));
    }
  });
});

describe('tile path syntax (c2sp.org/tlog-tiles §Merkle Tree)', () => {
  it.each([
    'tile/0/x000/001',
    'tile/00/001',
    'tile/64/000',
    'tile/0/1',
    'tile/0/0001',
    'tile/0/001.p/0',
    'tile/0/001.p/256',
    'tile/0/001.p/044',
    'tile/0/001.p/',
    'tile/entries/x1/000',
    'tile/0/001/',
    '/tile/0/001',
    'tile/0/x999/x999/x999/x999/x999/x999/999',
    'tile/7/001',
  ])('rejects %s', (path) => {
    expect(parseTilePath(path)).toMatchObject({ ok: false, error: { code: 'TILE_BAD_PATH' } });
  });

  it('parses entry bundles and partial tiles', () => {
    expect(parseTilePath('tile/entries/x001/234.p/5')).toEqual({
      ok: true,
      value: { kind: 'entries', bundle: { index: 1234n, width: 5 } },
    });
    expect(parseTilePath('tile/63/000')).toEqual({ ok: true, value: { kind: 'hash', tile: { level: 63, index: 0n, width: 256 } } });
  });
});
