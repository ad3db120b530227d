// The sequencer's in-memory tree state: the compact range of [0, size) (one complete-subtree hash per set bit
// of the size, RFC 9162 §2.1.1) plus the right-edge partial tile of each tile level (c2sp.org/tlog-tiles).
// Appending a leaf merges equal-sized subtrees, as a binary counter carries; every merged node whose level is a
// multiple of 8 is a hash of the tile level above, so new tiles fall out of the appends without rereading the
// tree. Both halves of the state are derived from the partial tiles, so a restart restores from storage.
import { fail, ok, type Result } from '../errors.ts';
import { bytesEqual } from '../bytes.ts';
import { partialTiles, tileHashes } from '../tiles/layout.ts';
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from '../tiles/paths.ts';
import { checkHash, HASH_SIZE, perfectSubtreeHash, type Hash, type MerkleHasher } from './hasher.ts';
import { rootFromCompactRange } from './proof-plan.ts';

/** A tile's identity and content (`width` × 32 bytes). */
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
}

/** Sizes stay below 2^53 here so the per-leaf arithmetic runs on numbers; 2^53 entries is ~285 years at 10^6/s. */
export const MAX_BUILDER_SIZE = Number.MAX_SAFE_INTEGER;
const LEVELS = 8; // 8 tile levels of height 8 cover 2^64 leaves
const TILE_BYTES = TILE_WIDTH * HASH_SIZE;

interface TileLevel {
  buffer: Uint8Array;
  count: number;
  index: number;
  changed: boolean;
}

export class TreeBuilder {
  private readonly done: TileData[] = [];

  private constructor(
    private readonly hasher: MerkleHasher,
    private n: number,
    private readonly stack: Hash[],
    private readonly levels: TileLevel[],
  ) {}

  static empty(hasher: MerkleHasher): TreeBuilder {
    return new TreeBuilder(hasher, 0, [], TreeBuilder.levelsFor(0));
  }

  /**
   * Restores the state of a tree of `size` leaves from its partial tiles (`partialTiles(size)`, any order).
   * With `expectedRoot` (the last signed checkpoint's), a mismatch is reported instead of building on it.
   */
  static restore(
    hasher: MerkleHasher,
    size: bigint,
    tiles: readonly TileData[],
    expectedRoot?: Hash,
  ): Result<TreeBuilder> {
    if (size < 0n || size > BigInt(MAX_BUILDER_SIZE)) return fail('TLOG_TREE_TOO_LARGE', { max: MAX_BUILDER_SIZE });
    const wanted = partialTiles(size);
    if (!wanted.ok) return wanted;
    const n = Number(size);
    const levels = TreeBuilder.levelsFor(n);
    const stack: Hash[] = [];
    // Highest tile level first: its subtrees are the leftmost (largest) of the compact range.
    for (const want of [...wanted.value].reverse()) {
      const found = tiles.find((t) => t.tile.level === want.level && t.tile.index === want.index);
      if (!found) return fail('TLOG_READER_MISMATCH', { what: `partial tile level ${want.level}` });
      const hashes = tileHashes(found.data, want.width);
      if (!hashes.ok) return hashes;
      let next = 0;
      for (let shift = TILE_HEIGHT - 1; shift >= 0; shift--) {
        if ((want.width & (1 << shift)) === 0) continue;
        stack.push(perfectSubtreeHash(hasher, hashes.value.slice(next, next + (1 << shift))));
        next += 1 << shift;
      }
      levels[want.level]!.buffer.set(found.data, 0);
    }
    const builder = new TreeBuilder(hasher, n, stack, levels);
    if (expectedRoot !== undefined && !bytesEqual(builder.root(), expectedRoot)) {
      return fail('TLOG_ROOT_MISMATCH', { size });
    }
    return ok(builder);
  }

  private static levelsFor(n: number): TileLevel[] {
    const levels: TileLevel[] = [];
    for (let level = 0, hashes = n; level < LEVELS; level++, hashes = Math.floor(hashes / TILE_WIDTH)) {
      levels.push({
        buffer: new Uint8Array(TILE_BYTES),
        count: hashes % TILE_WIDTH,
        index: Math.floor(hashes / TILE_WIDTH),
        changed: false,
      });
    }
    return levels;
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

  /** Appends leaves by their leaf hashes (each 32 bytes). */
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
    const out: TileData[] = [];
    this.levels.forEach((l, level) => {
      if (l.count > 0) out.push(this.partial(level, l));
    });
    return out;
  }

  private push(leaf: Hash): void {
    this.capture(0, leaf);
    let node = leaf;
    let level = 0;
    // Each trailing one bit of the size is a complete subtree of the same size to merge with.
    for (let s = this.n; s % 2 === 1; s = (s - 1) / 2) {
      node = this.hasher.nodeHash(this.stack.pop()!, node);
      level++;
      if (level % TILE_HEIGHT === 0) this.capture(level / TILE_HEIGHT, node);
    }
    this.stack.push(node);
    this.n++;
  }

  private capture(level: number, hash: Hash): void {
    const l = this.levels[level]!;
    l.buffer.set(hash, l.count * HASH_SIZE);
    l.count++;
    l.changed = true;
    if (l.count === TILE_WIDTH) {
      this.done.push({ tile: { level, index: BigInt(l.index), width: TILE_WIDTH }, data: l.buffer });
      l.buffer = new Uint8Array(TILE_BYTES);
      l.count = 0;
      l.index++;
    }
  }

  private partial(level: number, l: TileLevel): TileData {
    return {
      tile: { level, index: BigInt(l.index), width: l.count },
      data: l.buffer.slice(0, l.count * HASH_SIZE),
    };
  }

  private finish(firstIndex: bigint): AppendResult {
    const tiles = this.done.splice(0);
    this.levels.forEach((l, level) => {
      if (l.changed && l.count > 0) tiles.push(this.partial(level, l));
      l.changed = false;
    });
    return { firstIndex, size: this.size, tiles };
  }
}
