// Uploaded files as objects in an S3-compatible bucket (TXNG_FILE_STORAGE=s3:<prefix>). The FileStorage
// contract holds as S3 states it: a PUT answered 200 is durably stored and replaces the object whole (readers
// get the old or the new object, never a mix), and the content type travels as the object's Content-Type.
import type { S3Client } from '../../../platform/object-storage/s3-client.ts';
import { checkStorageKey, type FileStorage, type StoredObject } from './file-storage.ts';

export class S3FileStorage implements FileStorage {
  /** `prefix` is empty or ends with `/` (`txng/files/`), so that one bucket can serve several uses. */
  constructor(
    private readonly client: S3Client,
    private readonly prefix = '',
  ) {}

  private objectKey(key: string): string {
    return `${this.prefix}${checkStorageKey(key)}`;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.putObject(this.objectKey(key), bytes, { contentType });
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const object = await this.client.getObject(this.objectKey(key));
    // Every object this storage writes has a Content-Type; a missing one is served as opaque bytes.
    return object && { bytes: object.body, contentType: object.contentType ?? 'application/octet-stream' };
  }

  async delete(key: string): Promise<void> {
    await this.client.deleteObject(this.objectKey(key));
  }
}
