// The configured FileStorage: files on disk under TXNG_DATA_DIR/files (default) or objects in the S3 bucket.
import path from 'node:path';
import type { Config } from '../../../config/config.ts';
import { s3ClientFor } from '../../../platform/object-storage/s3-for-config.ts';
import { DiskFileStorage, type FileStorage } from './file-storage.ts';
import { S3FileStorage } from './s3-file-storage.ts';

export type FileStorageConfig = Pick<Config, 'dataDir'> & Partial<Pick<Config, 'fileStorage' | 's3'>>;

export function fileStorageFor(config: FileStorageConfig): FileStorage {
  const chosen = config.fileStorage ?? { kind: 'disk' };
  if (chosen.kind === 's3') {
    // loadConfig sets `s3` whenever a storage is `s3:`; a hand-built config without it is a programming error.
    if (!config.s3) throw new TypeError('TXNG_FILE_STORAGE is s3 but no TXNG_S3_* configuration was given');
    return new S3FileStorage(s3ClientFor(config.s3), chosen.prefix);
  }
  return new DiskFileStorage(path.join(config.dataDir, 'files'));
}
