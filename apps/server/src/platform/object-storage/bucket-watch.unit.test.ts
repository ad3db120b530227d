// The bucket watch against a real S3-compatible server on loopback: a usable bucket, a missing bucket, a wrong
// secret and a closed port each get their state, the log says what is wrong without the secret, and a bucket that
// comes back is reported again.
import { connect, createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchBucket } from './bucket-watch.ts';
import { S3Client, type S3ClientOptions } from './s3-client.ts';
import { startTestS3Server, type TestS3Server } from './test-s3-server.ts';

let s3: TestS3Server;
let options: S3ClientOptions;
beforeAll(async () => {
  s3 = await startTestS3Server(['txng-files']);
  options = { endpoint: s3.endpoint, region: s3.region, bucket: 'txng-files', accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, retries: 0, timeoutMs: 5_000 };
});
afterAll(async () => s3?.close());

function capturedLog(): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString()), cb()) }));
  return { log, lines };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('bucket watch', () => {
  it('reports a usable bucket', async () => {
    const { log, lines } = capturedLog();
    const watch = watchBucket(new S3Client(options), log);
    try {
      expect(await watch.check()).toBe('ok');
      expect(watch.state).toBe('ok');
      expect(lines.join('')).toContain('object storage bucket reachable');
    } finally {
      watch.stop();
    }
  });

  it.each([
    ['a bucket that does not exist', { bucket: 'no-such-bucket' }, 'refused', /NoSuchBucket/],
    ['a wrong secret', { secretAccessKey: 'wrong-secret-access-key-000' }, 'refused', /SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied/],
  ] as const)('reports %s as refused, saying why but not the secret', async (_what, change, state, reason) => {
    const { log, lines } = capturedLog();
    const watch = watchBucket(new S3Client({ ...options, ...change }), log);
    try {
      expect(await watch.check()).toBe(state);
      const text = lines.join('');
      expect(text).toMatch(reason);
      expect(text).toContain('"level":50');
      expect(text).not.toContain(options.secretAccessKey);
      expect(text).not.toContain('wrong-secret-access-key-000');
    } finally {
      watch.stop();
    }
  });

  it('reports a closed port as unreachable, and the bucket as reachable again once something answers there', async () => {
    const { log, lines } = capturedLog();
    const port = await closedPort();
    const watch = watchBucket(new S3Client({ ...options, endpoint: `http://127.0.0.1:${port}` }), log);
    // The service comes back on that port (a TCP relay to the S3 server: the signed Host header is unchanged).
    const relay = createServer((inbound) => {
      const outbound = connect(s3.port, '127.0.0.1');
      inbound.pipe(outbound).pipe(inbound);
      const close = () => (inbound.destroy(), outbound.destroy());
      inbound.on('error', close);
      outbound.on('error', close);
    });
    try {
      expect(await watch.check()).toBe('unreachable');
      expect(lines.join('')).toContain('"state":"unreachable"');
      await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
      expect(await watch.check()).toBe('ok');
      expect(lines.join('')).toContain('reachable again');
    } finally {
      watch.stop();
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});
