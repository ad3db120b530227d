// Where uploaded bytes live (product images and their renditions, scanned certificates, imported spreadsheets).
//
// Contract of every implementation:
// - `put` returns only once the object is durably stored (fsync'ed on disk; a 200 answer from S3); a put of an
//   existing key replaces it whole — readers see the old or the new bytes, never a mix (on disk: write to a
//   temporary name, then rename; an S3 PUT is atomic).
// - Keys are opaque ASCII paths chosen by the catalog (`images/<uuid>/thumb.webp`); no user input enters them.
// - `get` of a missing key resolves to undefined; `delete` of a missing key succeeds (idempotent).
//
// Implemented: `DiskFileStorage` (the default, under TXNG_DATA_DIR/files) and `S3FileStorage`
// (`s3-file-storage.ts`, TXNG_FILE_STORAGE=s3:<prefix>, any S3-compatible service); `storage-for-config.ts`
// picks one.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface StoredObject {
  readonly bytes: Buffer;
  readonly contentType: string;
}

export interface FileStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9._/-]{0,200}$/;

/** Refuses a key outside the catalog's own shapes (a bug, never user input), whatever the storage. */
export function checkStorageKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new TypeError(`unsafe storage key: ${key}`);
  return key;
}

export class DiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    return path.join(this.root, checkStorageKey(key));
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.resolve(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    // The content type travels beside the bytes, so that `get` answers exactly what was put.
    const meta = `${file}.type`;
    const metaTemp = `${meta}.${randomUUID()}.tmp`;
    const mh = await open(metaTemp, 'w');
    try {
      await mh.writeFile(contentType);
      await mh.sync();
    } finally {
      await mh.close();
    }
    await rename(metaTemp, meta);
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const file = this.resolve(key);
    try {
      const [bytes, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, 'utf8')]);
      return { bytes, contentType };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.resolve(key);
    await rm(file, { force: true });
    await rm(`${file}.type`, { force: true });
  }
}
