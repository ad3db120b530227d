// Tiles and entry bundles as files laid out exactly as c2sp.org/tlog-tiles paths under `<dir>/public/` (with
// `checkpoint` beside them once published), so any static web server or object-store sync can publish the
// folder as a mirror of the log; mid tiles (never served) go under `<dir>/index/`. `S3Storage` lays out the same
// names under a key prefix of an S3-compatible bucket (TXNG_LEDGER_STORAGE=s3:<prefix>), whose `<prefix>public/`
// can be served as the mirror.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { entryBundlePath, tilePath, type EntryBundleId, type TileData, type TileId } from '@txng/tlog';
import type { S3Client } from '../../platform/object-storage/s3-client.ts';
import type { TileBatch, TileStore } from './tile-store.ts';

/**
 * Named immutable-once-committed objects. Contract: when `put` resolves, the object is durably stored (a crash
 * afterwards keeps it) and replaces any earlier object of that name whole (readers see the old or the new
 * bytes, never a mix); `get` resolves to undefined for a missing object.
 */
export interface ObjectStorage {
  put(name: string, data: Uint8Array): Promise<void>;
  get(name: string): Promise<Uint8Array | undefined>;
}

/** ObjectStorage on a local folder: write to a temporary file, fsync, rename over the name, fsync the folder. */
export class FolderStorage implements ObjectStorage {
  constructor(readonly root: string) {}

  private resolve(name: string): string {
    const full = path.resolve(this.root, name);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`object name escapes the folder: ${name}`);
    return full;
  }

  async put(name: string, data: Uint8Array): Promise<void> {
    const file = this.resolve(name);
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    // The rename is durable only once the folder entry is on disk.
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  async get(name: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.resolve(name)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}

/**
 * ObjectStorage on an S3-compatible bucket: a PUT answered 200 is durable and replaces the object whole, which is
 * the contract; a GET answered 404 is a missing object. Names are the store's own tile paths, never user input.
 */
export class S3Storage implements ObjectStorage {
  /** `prefix` is empty or ends with `/`. */
  constructor(
    private readonly client: S3Client,
    readonly prefix = '',
  ) {}

  private key(name: string): string {
    if (name.split('/').some((s) => s === '' || s === '.' || s === '..')) throw new Error(`bad object name: ${name}`);
    return `${this.prefix}${name}`;
  }

  async put(name: string, data: Uint8Array): Promise<void> {
    await this.client.putObject(this.key(name), data, { contentType: name.endsWith('checkpoint') ? 'text/plain; charset=utf-8' : 'application/octet-stream' });
  }

  async get(name: string): Promise<Uint8Array | undefined> {
    const object = await this.client.getObject(this.key(name));
    return object && new Uint8Array(object.body.buffer, object.body.byteOffset, object.body.byteLength);
  }
}

/**
 * A TileStore on ObjectStorage. Only exact paths are read (a wider partial file may be left over from a batch
 * that never committed, so slicing it could serve wrong bytes); every width a committed batch ended on exists.
 */
export class ObjectTileStore implements TileStore {
  constructor(
    private readonly storage: ObjectStorage,
    readonly kind: 'folder' | 's3' = 'folder',
  ) {}

  async write(_tx: unknown, batch: TileBatch): Promise<void> {
    const puts: Promise<void>[] = [];
    const put = (name: string, data: Uint8Array) => puts.push(this.storage.put(name, data));
    for (const t of batch.tiles) put(`public/${tilePath(t.tile)}`, copy(t));
    for (const t of batch.midTiles) put(`index/mid/${tilePath(t.tile)}`, copy(t));
    for (const b of batch.bundles) put(`public/${entryBundlePath(b.bundle)}`, b.data);
    await Promise.all(puts);
  }

  readTiles(tiles: readonly TileId[]): Promise<(Uint8Array | undefined)[]> {
    return Promise.all(tiles.map((t) => this.storage.get(`public/${tilePath(t)}`)));
  }

  readMidTiles(tiles: readonly TileId[]): Promise<(Uint8Array | undefined)[]> {
    return Promise.all(tiles.map((t) => this.storage.get(`index/mid/${tilePath(t)}`)));
  }

  readBundle(bundle: EntryBundleId): Promise<Uint8Array | undefined> {
    return this.storage.get(`public/${entryBundlePath(bundle)}`);
  }

  publishCheckpoint(note: string): Promise<void> {
    return this.storage.put('public/checkpoint', new TextEncoder().encode(note));
  }
}

/** TileData.data may be a view into a larger builder buffer: write only its bytes. */
function copy(t: TileData): Uint8Array {
  return t.data.slice();
}
