// The S3 client for the configured service (TXNG_S3_*): one per use, sharing nothing but the configuration.
import type { S3Config } from '../../config/config.ts';
import { S3Client } from './s3-client.ts';

export function s3ClientFor(config: S3Config): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    bucket: config.bucket,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    forcePathStyle: config.forcePathStyle,
  });
}
