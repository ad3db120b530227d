// Storage of the tree (c2sp.org/tlog-tiles): hash tiles, entry bundles and the server-only mid tiles. The
// database store is the default; object-store.ts keeps the same data as files laid out for static serving.
import { sql } from 'drizzle-orm';
import {
  parseEntryBundle,
  TILE_WIDTH,
  tileNodeReader,
  type EntryBundleData,
  type EntryBundleId,
  type MerkleHasher,
  type NodeReader,
  type TileData,
  type TileId,
} from '@txng/tlog';
import { rows, type Database, type Orm } from '../../platform/db/database.ts';

export interface TileBatch {
  readonly tiles: readonly TileData[];
  readonly midTiles: readonly TileData[];
  readonly bundles: readonly EntryBundleData[];
}

/**
 * Where tiles and entry bundles live. Contract:
 * - `write` stores one sequenced batch; the sequencer calls it inside its transaction, holding the tree-state
 *   row lock, so there is one writer at a time. The database store writes in that transaction (atomic with
 *   the tree state). A store outside the database writes durably before the commit (when `write` resolves,
 *   the data is persisted); a batch that then fails to commit leaves data beyond the committed tree, which is
 *   never served (reads are gated by the published checkpoint) and is overwritten when those positions are
 *   sequenced again.
 * - Reads of positions inside the committed tree return exactly the requested width, or undefined when that
 *   width is not stored. `via` is the transaction to read through when the caller holds one (PGlite has one
 *   connection: a read outside the open transaction would wait for it forever).
 */
export interface TileStore {
  readonly kind: 'database' | 'folder' | 's3';
  write(tx: Orm, batch: TileBatch): Promise<void>;
  readTiles(tiles: readonly TileId[], via?: Orm): Promise<(Uint8Array | undefined)[]>;
  readMidTiles(tiles: readonly TileId[], via?: Orm): Promise<(Uint8Array | undefined)[]>;
  readBundle(bundle: EntryBundleId, via?: Orm): Promise<Uint8Array | undefined>;
  /** Called with each newly published checkpoint note (a folder store writes `checkpoint` beside the tiles). */
  publishCheckpoint(note: string): Promise<void>;
}

const EMPTY = new Uint8Array(0);

/** RFC 9162 node hashes of the tree of `size` leaves, read from the store (mid tiles included). */
export function storeNodeReader(hasher: MerkleHasher, store: TileStore, size: bigint, via?: Orm): NodeReader {
  return tileNodeReader(hasher, size, {
    // A missing tile becomes an empty one, which the reader reports as TILE_BAD_SIZE.
    readTiles: async (tiles) => (await store.readTiles(tiles, via)).map((d) => d ?? EMPTY),
    readMidTiles: async (tiles) => (await store.readMidTiles(tiles, via)).map((d) => d ?? EMPTY),
  });
}

/** Bytes as a Buffer without copying (node-postgres sends Buffers as binary parameters). */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The first `width` entries of a stored bundle (it may hold more: the widest version is stored). */
export function bundlePrefix(data: Uint8Array, width: number): Uint8Array | undefined {
  const entries = parseEntryBundle(data);
  if (!entries.ok || entries.value.length < width) return undefined;
  if (entries.value.length === width) return data;
  const last = entries.value[width - 1]!;
  return data.subarray(0, last.byteOffset - data.byteOffset + last.length);
}

/** Full tiles never change: a small cache spares the database most reads of proofs and hot tiles. */
class FullTileCache {
  private readonly map = new Map<string, Uint8Array>();
  constructor(private readonly capacity: number) {}

  get(key: string): Uint8Array | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: string, data: Uint8Array): void {
    this.map.set(key, data);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}

type TileTable = 'tiles' | 'mid_tiles';

export class DatabaseTileStore implements TileStore {
  readonly kind = 'database';
  private readonly cache = new FullTileCache(2048);

  constructor(private readonly db: Database) {}

  async write(tx: Orm, batch: TileBatch): Promise<void> {
    await this.upsertTiles(tx, 'tiles', batch.tiles);
    await this.upsertTiles(tx, 'mid_tiles', batch.midTiles);
    if (batch.bundles.length > 0) {
      const values = batch.bundles.map((b) => sql`(${b.bundle.index.toString()}::bigint, ${b.bundle.width}::smallint, ${asBuffer(b.data)})`);
      // The sequencer only ever widens a position; `where` keeps a replayed narrower write from shrinking it.
      await tx.execute(sql`
        insert into ledger.bundles (idx, width, data) values ${sql.join(values, sql`, `)}
        on conflict (idx) do update set width = excluded.width, data = excluded.data where excluded.width > ledger.bundles.width`);
    }
  }

  private async upsertTiles(tx: Orm, table: TileTable, tiles: readonly TileData[]): Promise<void> {
    if (tiles.length === 0) return;
    const target = sql.raw(`ledger.${table}`);
    const values = tiles.map((t) => sql`(${t.tile.level}::smallint, ${t.tile.index.toString()}::bigint, ${t.tile.width}::smallint, ${asBuffer(t.data)})`);
    await tx.execute(sql`
      insert into ${target} (level, idx, width, data) values ${sql.join(values, sql`, `)}
      on conflict (level, idx) do update set width = excluded.width, data = excluded.data where excluded.width > ${target}.width`);
  }

  readTiles(tiles: readonly TileId[], via?: Orm): Promise<(Uint8Array | undefined)[]> {
    return this.read('tiles', tiles, via);
  }

  readMidTiles(tiles: readonly TileId[], via?: Orm): Promise<(Uint8Array | undefined)[]> {
    return this.read('mid_tiles', tiles, via);
  }

  private read(table: TileTable, tiles: readonly TileId[], via?: Orm): Promise<(Uint8Array | undefined)[]> {
    const out: (Uint8Array | undefined)[] = tiles.map((t) => (t.width === TILE_WIDTH ? this.cache.get(`${table}/${t.level}/${t.index}`) : undefined));
    if (out.every((d) => d !== undefined)) return Promise.resolve(out);
    // A proof reads hash tiles and mid tiles at once (tileNodeReader): requests made in the same tick through
    // the same executor become one query, one round trip.
    return new Promise((resolve, reject) => {
      this.pending.push({ table, tiles, out, via, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => void this.flush());
    });
  }

  private readonly pending: {
    table: TileTable;
    tiles: readonly TileId[];
    out: (Uint8Array | undefined)[];
    via: Orm | undefined;
    resolve: (out: (Uint8Array | undefined)[]) => void;
    reject: (err: unknown) => void;
  }[] = [];

  private async flush(): Promise<void> {
    const requests = this.pending.splice(0);
    for (const via of new Set(requests.map((r) => r.via))) {
      const group = requests.filter((r) => r.via === via);
      try {
        const parts = group.flatMap((r) => {
          const missing = r.tiles.filter((_, i) => r.out[i] === undefined);
          const keys = sql.join(missing.map((t) => sql`(${t.level}::smallint, ${t.index.toString()}::bigint)`), sql`, `);
          return [sql`select ${r.table} as t, level, idx, width, data from ${sql.raw(`ledger.${r.table}`)} where (level, idx) in (${keys})`];
        });
        const found = await rows<{ t: TileTable; level: number; idx: number | string; width: number; data: Uint8Array }>(
          via ?? this.db.orm,
          sql.join(parts, sql` union all `),
        );
        const byKey = new Map(found.map((r) => [`${r.t}/${r.level}/${r.idx}`, r]));
        for (const r of group) {
          r.tiles.forEach((t, i) => {
            if (r.out[i] !== undefined) return;
            const row = byKey.get(`${r.table}/${t.level}/${t.index}`);
            if (!row || row.width < t.width) return;
            const data = new Uint8Array(row.data.buffer, row.data.byteOffset, t.width * 32);
            if (t.width === TILE_WIDTH) this.cache.set(`${r.table}/${t.level}/${t.index}`, data);
            r.out[i] = data;
          });
          r.resolve(r.out);
        }
      } catch (err) {
        for (const r of group) r.reject(err);
      }
    }
  }

  async readBundle(bundle: EntryBundleId, via?: Orm): Promise<Uint8Array | undefined> {
    const [row] = await rows<{ width: number; data: Uint8Array }>(
      via ?? this.db.orm,
      sql`select width, data from ledger.bundles where idx = ${bundle.index.toString()}::bigint`,
    );
    if (!row || row.width < bundle.width) return undefined;
    return bundlePrefix(new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength), bundle.width);
  }

  async publishCheckpoint(): Promise<void> {
    // The database store serves checkpoints from ledger.checkpoints; nothing else to publish.
  }
}
