// A NodeReader over tlog-tiles storage: the server backs it with its stored tiles, a monitor with HTTP
// fetches, tests with MemoryTileStore. Nodes whose level is not a multiple of 8 are rebuilt from the 2^(L mod 8)
// tile hashes below them, as tlog-tiles §Merkle Tree says ("levels between ... are reconstructed by hashing");
// with mid tiles (tree levels 8·L + 4) at most 8 hashes are combined per node instead of 128.
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
 * is computed from it against a signed checkpoint. `readMidTiles`, when present, reads mid tiles the same way.
 */
export interface TileReader {
  readTiles(tiles: readonly TileId[]): readonly Uint8Array[] | Promise<readonly Uint8Array[]>;
  readMidTiles?(tiles: readonly TileId[]): readonly Uint8Array[] | Promise<readonly Uint8Array[]>;
}

const key = (location: NodeLocation) => `${location.mid ? 'mid/' : ''}${tilePath(location.tile)}`;

async function fetchTiles(
  wanted: Map<string, NodeLocation>,
  read: (tiles: readonly TileId[]) => readonly Uint8Array[] | Promise<readonly Uint8Array[]>,
  into: Map<string, Uint8Array>,
): Promise<Result<true>> {
  const locations = [...wanted.values()];
  if (locations.length === 0) return ok(true);
  const data = await read(locations.map((l) => l.tile));
  if (data.length !== locations.length) return fail('TLOG_READER_MISMATCH', { what: 'tiles' });
  for (const [i, location] of locations.entries()) {
    const bytes = data[i]!;
    const need = location.tile.width * HASH_SIZE;
    if (bytes.length % HASH_SIZE !== 0 || bytes.length < need || bytes.length > TILE_WIDTH * HASH_SIZE) {
      return fail('TILE_BAD_SIZE', { size: bytes.length, expected: need });
    }
    into.set(key(location), bytes);
  }
  return ok(true);
}

/** A NodeReader for the tree of `size` leaves stored as tiles (and mid tiles, if the reader has them). */
export function tileNodeReader(hasher: MerkleHasher, size: bigint, reader: TileReader): NodeReader {
  const useMid = reader.readMidTiles !== undefined;
  return {
    async readNodes(nodes: readonly NodeId[]): Promise<Result<readonly Hash[]>> {
      const locations: NodeLocation[] = [];
      const hashTiles = new Map<string, NodeLocation>();
      const midTiles = new Map<string, NodeLocation>();
      for (const node of nodes) {
        const location = locateNode(node, size, useMid);
        if (!location.ok) return location;
        locations.push(location.value);
        (location.value.mid ? midTiles : hashTiles).set(key(location.value), location.value);
      }
      const loaded = new Map<string, Uint8Array>();
      const [a, b] = await Promise.all([
        fetchTiles(hashTiles, (t) => reader.readTiles(t), loaded),
        fetchTiles(midTiles, (t) => reader.readMidTiles!(t), loaded),
      ]);
      if (!a.ok) return a;
      if (!b.ok) return b;
      return ok(
        locations.map((location) => {
          const bytes = loaded.get(key(location))!;
          const slice: Hash[] = [];
          for (let i = location.offset; i < location.offset + location.count; i++) {
            slice.push(bytes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
          }
          return location.count === 1 ? slice[0]! : perfectSubtreeHash(hasher, slice);
        }),
      );
    },
  };
}

/**
 * Tiles in memory, keyed by level and index; keeps the widest version of each tile. With `midTiles`, it also
 * holds mid tiles and offers `readMidTiles`. For tests, benchmarks and small tools; one writer at a time.
 */
export class MemoryTileStore implements TileReader {
  private readonly tiles = new Map<string, Uint8Array>();
  private readonly mids = new Map<string, Uint8Array>();
  readonly readMidTiles?: (tiles: readonly TileId[]) => Uint8Array[];

  constructor(options: { midTiles?: boolean } = {}) {
    if (options.midTiles) this.readMidTiles = (tiles) => tiles.map((t) => get(this.mids, t) ?? new Uint8Array(0));
  }

  put(tile: TileId, data: Uint8Array): void {
    put(this.tiles, tile, data);
  }

  putMid(tile: TileId, data: Uint8Array): void {
    put(this.mids, tile, data);
  }

  get(tile: TileId): Uint8Array | undefined {
    return get(this.tiles, tile);
  }

  readTiles(tiles: readonly TileId[]): Uint8Array[] {
    return tiles.map((t) => this.get(t) ?? new Uint8Array(0));
  }

  /** Bytes held in hash tiles (full tiles plus the widest partial of each right-edge position). */
  get bytes(): number {
    return total(this.tiles);
  }

  /** Bytes held in mid tiles. */
  get midBytes(): number {
    return total(this.mids);
  }
}

function put(map: Map<string, Uint8Array>, tile: TileId, data: Uint8Array): void {
  const k = `${tile.level}/${tile.index}`;
  const existing = map.get(k);
  if (!existing || existing.length < data.length) map.set(k, data);
}

function get(map: Map<string, Uint8Array>, tile: TileId): Uint8Array | undefined {
  const data = map.get(`${tile.level}/${tile.index}`);
  return data && data.length >= tile.width * HASH_SIZE ? data.subarray(0, tile.width * HASH_SIZE) : undefined;
}

function total(map: Map<string, Uint8Array>): number {
  let sum = 0;
  for (const d of map.values()) sum += d.length;
  return sum;
}
