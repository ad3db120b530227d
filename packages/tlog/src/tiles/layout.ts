// c2sp.org/tlog-tiles §Merkle Tree: which tiles a tree of a given size has. The n-th tile at level l holds
// MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]) for i < width, i.e. tree nodes of level 8·l.
import { fail, ok, type Result } from '../errors.ts';
import { toU64, type U64Like } from '../u64.ts';
import { HASH_SIZE, type Hash } from '../merkle/hasher.ts';
import type { NodeId } from '../merkle/proof-plan.ts';
import { MID_TILE_OFFSET, TILE_HEIGHT, TILE_WIDTH, type EntryBundleId, type TileId } from './paths.ts';

const H = BigInt(TILE_HEIGHT);
const W = BigInt(TILE_WIDTH);

/** How many hashes tile level `level` has in a tree of `size` leaves: ⌊size / 256^level⌋. */
export function hashesAtTileLevel(size: bigint, level: number): bigint {
  return size >> (H * BigInt(level));
}

/** Number of full tiles at a level. */
export function fullTileCount(size: bigint, level: number): bigint {
  return hashesAtTileLevel(size, level) >> H;
}

/** The number of tile levels a tree of `size` leaves has (0 for the empty tree). */
export function tileLevelCount(size: bigint): number {
  let levels = 0;
  while (hashesAtTileLevel(size, levels) > 0n) levels++;
  return levels;
}

/** The partial tile of each level (width ⌊s / 256^l⌋ mod 256, tlog-tiles §Partial Tiles), lowest level first. */
export function partialTiles(size: U64Like): Result<TileId[]> {
  return partialsAt(size, 0);
}

/** The partial mid tile of each level (hashes of tree level 8·l + 4, see MID_TILE_OFFSET). */
export function partialMidTiles(size: U64Like): Result<TileId[]> {
  return partialsAt(size, MID_TILE_OFFSET);
}

function partialsAt(size: U64Like, offset: number): Result<TileId[]> {
  const s = toU64(size, 'tree size');
  if (!s.ok) return s;
  const tiles: TileId[] = [];
  for (let level = 0; ; level++) {
    const count = s.value >> BigInt(TILE_HEIGHT * level + offset);
    if (count === 0n) break;
    const width = Number(count % W);
    if (width > 0) tiles.push({ level, index: count >> H, width });
  }
  return ok(tiles);
}

/** The partial entry bundle of a tree, if its size is not a multiple of 256. */
export function partialEntryBundle(size: bigint): EntryBundleId | undefined {
  const width = Number(size % W);
  return width === 0 ? undefined : { index: size >> H, width };
}

/** The entry bundle holding entry `index` in a tree of `size` leaves (index < size). */
export function entryBundleFor(index: bigint, size: bigint): EntryBundleId {
  const bundle = index >> H;
  const end = (bundle + 1n) * W;
  return { index: bundle, width: end <= size ? TILE_WIDTH : Number(size - bundle * W) };
}

/**
 * The tiles whose content changes when the tree grows from `oldSize` to `newSize`: every tile that becomes
 * full, and the new partial tile of each level, lowest level first. These are what a sequencer stores.
 */
export function newTiles(oldSize: U64Like, newSize: U64Like): Result<TileId[]> {
  const a = toU64(oldSize, 'old tree size');
  const b = toU64(newSize, 'new tree size');
  if (!a.ok) return a;
  if (!b.ok) return b;
  if (a.value > b.value) return fail('TLOG_SIZE_ORDER', { size1: a.value, size2: b.value });
  const tiles: TileId[] = [];
  for (let level = 0; level < tileLevelCount(b.value); level++) {
    const before = hashesAtTileLevel(a.value, level);
    const after = hashesAtTileLevel(b.value, level);
    if (before === after) continue;
    for (let n = before >> H; n < after >> H; n++) tiles.push({ level, index: n, width: TILE_WIDTH });
    const width = Number(after % W);
    if (width > 0) tiles.push({ level, index: after >> H, width });
  }
  return ok(tiles);
}

/** Where a complete subtree's hashes live: the tile, and the slice of it whose MTH is the node's hash. */
export interface NodeLocation {
  readonly tile: TileId;
  /** Whether `tile` is a mid tile (tree level 8·L + 4) rather than a hash tile. */
  readonly mid: boolean;
  /** First hash of the tile that belongs to the node. */
  readonly offset: number;
  /** How many tile hashes make the node: 2^(level mod 8). */
  readonly count: number;
}

/**
 * Locates node (level L, index n) of a tree of `size` leaves: its hashes are the 2^(L mod 8) consecutive
 * hashes of tile level ⌊L/8⌋ starting at n·2^(L mod 8). With `mid`, nodes with L mod 8 ≥ 4 come from the
 * mid tile of the same level instead, 2^(L mod 8 − 4) hashes. The tile is as wide as the tree has hashes there.
 */
export function locateNode(node: NodeId, size: bigint, mid = false): Result<NodeLocation> {
  if (node.level < 0 || node.level > 63 || node.index < 0n || ((node.index + 1n) << BigInt(node.level)) > size) {
    return fail('TLOG_INDEX_OUT_OF_RANGE', { index: node.index, size });
  }
  const level = Math.floor(node.level / TILE_HEIGHT);
  const fromMid = mid && node.level % TILE_HEIGHT >= MID_TILE_OFFSET;
  const base = level * TILE_HEIGHT + (fromMid ? MID_TILE_OFFSET : 0);
  const shift = node.level - base;
  const first = node.index << BigInt(shift);
  const index = first >> H;
  const available = (size >> BigInt(base)) - index * W;
  const width = available >= W ? TILE_WIDTH : Number(available);
  return ok({ tile: { level, index, width }, mid: fromMid, offset: Number(first % W), count: 1 << shift });
}

/** Splits tile data into its hashes; the data must hold exactly `width` hashes. */
export function tileHashes(data: Uint8Array, width: number): Result<Hash[]> {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) return fail('TILE_BAD_WIDTH', { width });
  if (data.length !== width * HASH_SIZE) return fail('TILE_BAD_SIZE', { size: data.length, expected: width * HASH_SIZE });
  const hashes: Hash[] = new Array<Hash>(width);
  for (let i = 0; i < width; i++) hashes[i] = data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
  return ok(hashes);
}
