// The sequencer's in-memory tree state: the compact range of [0, size) (one complete-subtree hash per set bit
// of the size, RFC 9162 §2.1.1) plus the right-edge partial tile of each tile level (c2sp.org/tlog-tiles).
// Appending a leaf merges equal-sized subtrees, as a binary counter carries; every merged node whose level is a
// multiple of 8 is a hash of the tile level above, so new tiles fall out of the appends without rereading the
// tree. Both halves of the state are derived from the partial tiles, so a restart restores from storage.
import { fail, ok, type Result } from '../errors.ts';
import { bytesEqual } from '../bytes.ts';
import { partialMidTiles, partialTiles, tileHashes } from '../tiles/layout.ts';
import { MID_TILE_OFFSET, TILE_HEIGHT, TILE_WIDTH, type TileId } from '../tiles/paths.ts';
import { checkHash, HASH_SIZE, perfectSubtreeHash, type Hash, type MerkleHasher } from './hasher.ts';
import { rootFromCompactRange } from './proof-plan.ts';

/** A tile's identity and content (`width` × 32 bytes; a view into a larger buffer, not to be modified). */
export interface TileData {
  readonly tile: TileId;
  readonly data: Uint8Array;
}

export interface AppendResult {
  /** Index of the first appended entry. */
  readonly firstIndex: bigint;
  /** Tree size after the append. */
  readonly size: bigint;
  /** Tiles that became full during the append, then the new partial tile of every level that changed. */
  readonly tiles: TileData[];
  /** The same for mid tiles, when the builder keeps them (else empty). */
  readonly midTiles: TileData[];
}

export interface TreeBuilderOptions {
  /**
   * Also keep mid tiles: the hashes of tree levels 8·L + 4, 256 to a tile (`TileId.level` = L). They are not
   * part of tlog-tiles and are never served; a server that stores them (2 bytes per entry) generates proofs
   * with about 20 node hashes per tile level instead of about 250 (see tileNodeReader).
   */
  readonly midTiles?: boolean;
}

export interface RestoreInput {
  readonly size: bigint;
  /** The partial tiles of `size` (`partialTiles(size)`), in any order. */
  readonly tiles: readonly TileData[];
  /** With the midTiles option: the partial mid tiles of `size` (`partialMidTiles(size)`). */
  readonly midTiles?: readonly TileData[];
  /** The last signed root: a mismatch is reported instead of building on it. */
  readonly expectedRoot?: Hash;
}

/** Sizes stay below 2^53 here so the per-leaf arithmetic runs on numbers; 2^53 entries is ~285 years at 10^6/s. */
export const MAX_BUILDER_SIZE = Number.MAX_SAFE_INTEGER;
const LEVELS = 8; // 8 tile levels of height 8 cover 2^64 leaves
const TILE_BYTES = TILE_WIDTH * HASH_SIZE;
const SLAB_TILES = 128;

/**
 * Full tiles are handed to the caller, so each needs fresh memory. Allocating 8 KiB arrays one by one gets slow
 * once many are alive (each is an external allocation the garbage collector accounts for), so level-0 tiles
 * (one per 256 leaves, and one mid tile per 4096) are cut from 1 MiB slabs: their `data` is a view into a
 * slab. Higher levels fill up 256 times more slowly and get their own arrays, so their long-lived partial
 * tiles never pin a slab.
 */
class TileMemory {
  private slab = new Uint8Array(0);
  private used = 0;

  next(): Uint8Array {
    if (this.used === this.slab.length) {
      this.slab = new Uint8Array(TILE_BYTES * SLAB_TILES);
      this.used = 0;
    }
    this.used += TILE_BYTES;
    return this.slab.subarray(this.used - TILE_BYTES, this.used);
  }
}

interface TileLevel {
  buffer: Uint8Array;
  count: number;
  index: number;
  changed: boolean;
}

export class TreeBuilder {
  private readonly memory = new TileMemory();
  private readonly done: TileData[] = [];
  private readonly doneMid: TileData[] = [];

  private constructor(
    private readonly hasher: MerkleHasher,
    private n: number,
    private readonly stack: Hash[],
    private readonly levels: TileLevel[],
    private readonly midLevels: TileLevel[] | undefined,
  ) {}

  static empty(hasher: MerkleHasher, options: TreeBuilderOptions = {}): TreeBuilder {
    return new TreeBuilder(hasher, 0, [], levelsFor(0, 0), options.midTiles ? levelsFor(0, MID_TILE_OFFSET) : undefined);
  }

  /** Restores the state of a tree from its partial tiles, as stored after the last append. */
  static restore(hasher: MerkleHasher, input: RestoreInput, options: TreeBuilderOptions = {}): Result<TreeBuilder> {
    const { size } = input;
    if (size < 0n || size > BigInt(MAX_BUILDER_SIZE)) return fail('TLOG_TREE_TOO_LARGE', { max: MAX_BUILDER_SIZE });
    const n = Number(size);
    const levels = levelsFor(n, 0);
    const stack: Hash[] = [];
    // Highest tile level first: its subtrees are the leftmost (largest) of the compact range.
    const standard = fill(levels, partialTiles(size), input.tiles, (hashes, width) => {
      let next = 0;
      for (let shift = TILE_HEIGHT - 1; shift >= 0; shift--) {
        if ((width & (1 << shift)) === 0) continue;
        stack.push(perfectSubtreeHash(hasher, hashes.slice(next, next + (1 << shift))));
        next += 1 << shift;
      }
    });
    if (!standard.ok) return standard;
    let midLevels: TileLevel[] | undefined;
    if (options.midTiles) {
      midLevels = levelsFor(n, MID_TILE_OFFSET);
      const mid = fill(midLevels, partialMidTiles(size), input.midTiles ?? [], () => undefined);
      if (!mid.ok) return mid;
    }
    const builder = new TreeBuilder(hasher, n, stack, levels, midLevels);
    if (input.expectedRoot !== undefined && !bytesEqual(builder.root(), input.expectedRoot)) {
      return fail('TLOG_ROOT_MISMATCH', { size });
    }
    return ok(builder);
  }

  get size(): bigint {
    return BigInt(this.n);
  }

  /** MTH(D[0:size]): the compact range folded right to left. */
  root(): Hash {
    return rootFromCompactRange(this.hasher, this.stack);
  }

  /** Appends entries (RFC 9162 §2.1.1 leaf hashes are computed here). */
  appendEntries(entries: readonly Uint8Array[]): Result<AppendResult> {
    if (this.n + entries.length > MAX_BUILDER_SIZE) return fail('TLOG_TREE_TOO_LARGE', { max: MAX_BUILDER_SIZE });
    const firstIndex = this.size;
    for (const entry of entries) this.push(this.hasher.leafHash(entry));
    return ok(this.finish(firstIndex));
  }

  /** Appends leaves by their leaf hashes (each 32 bytes); nothing is appended if one is malformed. */
  appendLeafHashes(leafHashes: readonly Hash[]): Result<AppendResult> {
    if (this.n + leafHashes.length > MAX_BUILDER_SIZE) return fail('TLOG_TREE_TOO_LARGE', { max: MAX_BUILDER_SIZE });
    for (const h of leafHashes) {
      const checked = checkHash(h, 'leaf');
      if (!checked.ok) return checked;
    }
    const firstIndex = this.size;
    for (const h of leafHashes) this.push(h);
    return ok(this.finish(firstIndex));
  }

  /** The current partial tiles (what `restore` needs), lowest level first. */
  partialTiles(): TileData[] {
    return partialsOf(this.levels);
  }

  /** The current partial mid tiles, when the builder keeps them. */
  partialMidTiles(): TileData[] {
    return this.midLevels ? partialsOf(this.midLevels) : [];
  }

  private push(leaf: Hash): void {
    // Level 0 of the tile state, inlined: this runs once per leaf.
    const level0 = this.levels[0]!;
    level0.buffer.set(leaf, level0.count * HASH_SIZE);
    level0.changed = true;
    if (++level0.count === TILE_WIDTH) completeTile(level0, 0, this.done, this.memory);
    // Each trailing one bit of the size is a complete subtree of the same size to merge with.
    let node = leaf;
    for (let level = 1, merges = trailingOnes(this.n); level <= merges; level++) {
      node = this.hasher.nodeHash(this.stack.pop()!, node);
      if (level % TILE_HEIGHT === 0) capture(this.levels, level / TILE_HEIGHT, node, this.done);
      else if (this.midLevels && level % TILE_HEIGHT === MID_TILE_OFFSET) {
        const mid = (level - MID_TILE_OFFSET) / TILE_HEIGHT;
        capture(this.midLevels, mid, node, this.doneMid, mid === 0 ? this.memory : undefined);
      }
    }
    this.stack.push(node);
    this.n++;
  }

  private finish(firstIndex: bigint): AppendResult {
    return {
      firstIndex,
      size: this.size,
      tiles: flush(this.levels, this.done),
      midTiles: this.midLevels ? flush(this.midLevels, this.doneMid) : [],
    };
  }
}

/** How many low bits of n are ones; 32-bit integer arithmetic while n allows it (the common case). */
function trailingOnes(n: number): number {
  if (n < 0x80000000) return 31 - Math.clz32(~n & (n + 1));
  let ones = 0;
  for (let s = n; s % 2 === 1; s = (s - 1) / 2) ones++;
  return ones;
}

/** The state of each tile level for a tree of n leaves, for tiles holding tree level 8·L + offset. */
function levelsFor(n: number, offset: number): TileLevel[] {
  const levels: TileLevel[] = [];
  let hashes = Math.floor(n / 2 ** offset);
  for (let level = 0; level < LEVELS; level++, hashes = Math.floor(hashes / TILE_WIDTH)) {
    const index = Math.floor(hashes / TILE_WIDTH);
    levels.push({ buffer: new Uint8Array(TILE_BYTES), count: hashes % TILE_WIDTH, index, changed: false });
  }
  return levels;
}

/** Loads stored partial tiles into the level buffers, highest level first, handing each one's hashes on. */
function fill(
  levels: TileLevel[],
  wanted: Result<TileId[]>,
  stored: readonly TileData[],
  each: (hashes: Hash[], width: number) => void,
): Result<true> {
  if (!wanted.ok) return wanted;
  for (const want of [...wanted.value].reverse()) {
    const found = stored.find((t) => t.tile.level === want.level && t.tile.index === want.index);
    if (!found) return fail('TLOG_READER_MISMATCH', { what: `partial tile level ${want.level}` });
    const hashes = tileHashes(found.data, want.width);
    if (!hashes.ok) return hashes;
    each(hashes.value, want.width);
    levels[want.level]!.buffer.set(found.data, 0);
  }
  return ok(true);
}

function capture(levels: TileLevel[], level: number, hash: Hash, done: TileData[], memory?: TileMemory): void {
  const l = levels[level]!;
  l.buffer.set(hash, l.count * HASH_SIZE);
  l.changed = true;
  if (++l.count === TILE_WIDTH) completeTile(l, level, done, memory);
}

function completeTile(l: TileLevel, level: number, done: TileData[], memory?: TileMemory): void {
  done.push({ tile: { level, index: BigInt(l.index), width: TILE_WIDTH }, data: l.buffer });
  l.buffer = memory ? memory.next() : new Uint8Array(TILE_BYTES);
  l.count = 0;
  l.index++;
}

/**
 * A partial tile is a view of its level's buffer, not a copy: appends only write past `count`, and a full
 * buffer is handed over and replaced, so the viewed bytes never change.
 */
function partial(level: number, l: TileLevel): TileData {
  return { tile: { level, index: BigInt(l.index), width: l.count }, data: l.buffer.subarray(0, l.count * HASH_SIZE) };
}

function partialsOf(levels: TileLevel[]): TileData[] {
  const out: TileData[] = [];
  levels.forEach((l, level) => {
    if (l.count > 0) out.push(partial(level, l));
  });
  return out;
}

/** The tiles completed since the last flush, then each changed partial tile. */
function flush(levels: TileLevel[], done: TileData[]): TileData[] {
  const tiles = done.splice(0);
  levels.forEach((l, level) => {
    if (l.changed && l.count > 0) tiles.push(partial(level, l));
    l.changed = false;
  });
  return tiles;
}
