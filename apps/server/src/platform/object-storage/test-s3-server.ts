// For tests: a real S3-compatible HTTP server (the `@20minutes/s3rver` fork of s3rver, which checks Signature
// Version 4 signatures; the original `s3rver` 3.x accepts any signature) over a temporary folder, on a free
// loopback port. Its data stays on this machine and is removed on close.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
interface AccountModel {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

/** Names used with `serviceEndpoint`: `<bucket>.s3.txng.test` is a virtual-host request (`.test`, RFC 2606). */
export const TEST_S3_SERVICE_DOMAIN = 'txng.test';

export interface TestS3Server {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  /** The TXNG_S3_* variables for this server and `bucket`. */
  env(bucket: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * `allowMismatchedSignatures` only for virtual-host requests: s3rver signs those over `/<bucket>/<key>` (the
 * Signature Version 2 resource), where S3 and the published SigV4 examples (sigv4.unit.test.ts) sign the path
 * as sent, `/<key>`.
 */
export async function startTestS3Server(buckets: readonly string[], options: { allowMismatchedSignatures?: boolean } = {}): Promise<TestS3Server> {
  const S3rver = require('@20minutes/s3rver') as S3rverClass;
  const accounts = require('@20minutes/s3rver/lib/models/account.js') as AccountModel;
  // A key pair of our own (the built-in one has the same id and secret, which would hide a leaked secret).
  const accessKeyId = 'TXNGTESTACCESSKEY';
  const secretAccessKey = 'txng/test+secret-access-key-0123456789';
  accounts.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  const directory = await mkdtemp(path.join(os.tmpdir(), 'txng-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    serviceEndpoint: TEST_S3_SERVICE_DOMAIN,
    configureBuckets: buckets.map((name) => ({ name })),
    allowMismatchedSignatures: options.allowMismatchedSignatures ?? false,
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    port: address.port,
    accessKeyId,
    secretAccessKey,
    region: 'us-east-1',
    env: (bucket) => ({
      TXNG_S3_ENDPOINT: endpoint,
      TXNG_S3_REGION: 'us-east-1',
      TXNG_S3_BUCKET: bucket,
      TXNG_S3_ACCESS_KEY_ID: accessKeyId,
      TXNG_S3_SECRET_ACCESS_KEY: secretAccessKey,
      TXNG_S3_FORCE_PATH_STYLE: 'true',
    }),
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
