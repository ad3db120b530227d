// A NodeReader over tlog-tiles storage: the server backs it with its stored tiles, a monitor with HTTP
// fetches, tests with MemoryTileStore. Nodes whose level is not a multiple of 8 are rebuilt from the 2^(L mod 8)
// tile hashes below them, as tlog-tiles §Merkle Tree says ("levels between ... are reconstructed by hashing").
import { fail, ok, type Result } from '../errors.ts';
import { HASH_SIZE, perfectSubtreeHash, type Hash, type MerkleHasher } from '../merkle/hasher.ts';
import type { NodeId } from '../merkle/proof-plan.ts';
import type { NodeReader } from '../merkle/prove.ts';
import { locateNode, type NodeLocation } from './layout.ts';
import { TILE_WIDTH, tilePath, type TileId } from './paths.ts';

/**
 * Reads tiles. Contract: returns one byte array per requested tile, in order, holding at least the requested
 * width of hashes. A wider tile of the same level and index (a later partial tile, or the full tile) is fine:
 * the log is append-only, so its first hashes are the same. The data is not authenticated here; verify what
 * is computed from it against a signed checkpoint.
 */
export interface TileReader {
  readTiles(tiles: readonly TileId[]): readonly Uint8Array[] | Promise<readonly Uint8Array[]>;
}

/** A NodeReader for the tree of `size` leaves stored as tiles. */
export function tileNodeReader(hasher: MerkleHasher, size: bigint, reader: TileReader): NodeReader {
  return {
    async readNodes(nodes: readonly NodeId[]): Promise<Result<readonly Hash[]>> {
      const locations: NodeLocation[] = [];
      const wanted = new Map<string, TileId>();
      for (const node of nodes) {
        const location = locateNode(node, size);
        if (!location.ok) return location;
        locations.push(location.value);
        wanted.set(tilePath(location.value.tile), location.value.tile);
      }
      const tiles = [...wanted.values()];
      const data = await reader.readTiles(tiles);
      if (data.length !== tiles.length) return fail('TLOG_READER_MISMATCH', { what: 'tiles' });
      const byPath = new Map<string, Uint8Array>();
      for (let i = 0; i < tiles.length; i++) {
        const tile = tiles[i]!;
        const bytes = data[i]!;
        if (bytes.length % HASH_SIZE !== 0 || bytes.length < tile.width * HASH_SIZE || bytes.length > TILE_WIDTH * HASH_SIZE) {
          return fail('TILE_BAD_SIZE', { size: bytes.length, expected: tile.width * HASH_SIZE });
        }
        byPath.set(tilePath(tile), bytes);
      }
      const hashes = locations.map(({ tile, offset, count }) => {
        const bytes = byPath.get(tilePath(tile))!;
        const slice: Hash[] = [];
        for (let i = offset; i < offset + count; i++) slice.push(bytes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
        return count === 1 ? slice[0]! : perfectSubtreeHash(hasher, slice);
      });
      return ok(hashes);
    },
  };
}

/**
 * Tiles in memory, keyed by level and index; keeps the widest version of each tile. For tests, benchmarks and
 * small tools. Not synchronised: one writer at a time.
 */
export class MemoryTileStore implements TileReader {
  private readonly tiles = new Map<string, Uint8Array>();

  put(tile: TileId, data: Uint8Array): void {
    const key = `${tile.level}/${tile.index}`;
    const existing = this.tiles.get(key);
    if (!existing || existing.length < data.length) this.tiles.set(key, data);
  }

  get(tile: TileId): Uint8Array | undefined {
    const data = this.tiles.get(`${tile.level}/${tile.index}`);
    return data && data.length >= tile.width * HASH_SIZE ? data.subarray(0, tile.width * HASH_SIZE) : undefined;
  }

  readTiles(tiles: readonly TileId[]): Uint8Array[] {
    return tiles.map((t) => this.get(t) ?? new Uint8Array(0));
  }

  /** Total bytes held (full tiles plus the widest partial of each right-edge position). */
  get bytes(): number {
    let total = 0;
    for (const d of this.tiles.values()) total += d.length;
    return total;
  }
}
