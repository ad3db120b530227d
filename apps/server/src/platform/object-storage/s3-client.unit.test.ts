// The S3 client against a real S3-compatible server on loopback (s3rver, which checks SigV4 signatures):
// binary round trips, content types, missing objects, both addressing styles, a wrong secret, and retries
// through a fault-injecting proxy in front of the same server.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Client, S3RequestError, type S3ClientOptions } from './s3-client.ts';
import { startTestS3Server, TEST_S3_SERVICE_DOMAIN, type TestS3Server } from './test-s3-server.ts';

let s3: TestS3Server;
let options: S3ClientOptions;

beforeAll(async () => {
  s3 = await startTestS3Server(['txng-files']);
  options = {
    endpoint: s3.endpoint,
    region: s3.region,
    bucket: 'txng-files',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    retryBaseMs: 5,
  };
});
afterAll(async () => s3?.close());

describe('S3 client on a real S3-compatible server', () => {
  it('puts, gets, heads and deletes binary objects with their content type', async () => {
    const client = new S3Client(options);
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const big = randomBytes(3 * 1024 * 1024 + 7);
    await client.putObject('bytes/every.bin', every, { contentType: 'application/octet-stream' });
    await client.putObject('images/0b1c/large.webp', big, { contentType: 'image/webp' });
    const got = await client.getObject('images/0b1c/large.webp');
    expect(got?.contentType).toBe('image/webp');
    expect(Buffer.compare(got!.body, big)).toBe(0);
    expect(Buffer.compare((await client.getObject('bytes/every.bin'))!.body, every)).toBe(0);
    expect(await client.headObject('images/0b1c/large.webp')).toMatchObject({ contentType: 'image/webp', contentLength: big.length });
    // A put of an existing key replaces it whole.
    await client.putObject('images/0b1c/large.webp', Buffer.from('small'), { contentType: 'text/plain' });
    expect((await client.getObject('images/0b1c/large.webp'))!.body.toString()).toBe('small');
    await client.deleteObject('images/0b1c/large.webp');
    expect(await client.getObject('images/0b1c/large.webp')).toBeUndefined();
  });

  it('answers undefined for a missing object, and deleting one succeeds', async () => {
    const client = new S3Client(options);
    expect(await client.getObject('nothing/here.bin')).toBeUndefined();
    expect(await client.headObject('nothing/here.bin')).toBeUndefined();
    await expect(client.deleteObject('nothing/here.bin')).resolves.toBeUndefined();
  });

  it('signs keys that need encoding (spaces, plus, Vietnamese letters) as the server reads them', async () => {
    const client = new S3Client(options);
    const key = 'imports/Bảng giá 1+1=2 (mới)$.csv';
    await client.putObject(key, Buffer.from('a,b\n'), { contentType: 'text/csv' });
    expect((await client.getObject(key))?.body.toString()).toBe('a,b\n');
  });

  it('addresses the bucket virtual-host style (<bucket>.<endpoint host>)', async () => {
    // s3rver checks virtual-host signatures over `/<bucket>/<key>` where S3 signs `/<key>` (the published
    // examples, all virtual-host style, pin that down in sigv4.unit.test.ts), so this server skips the check;
    // what is tested here is the addressing: the bucket travels in the Host header and the object lands in it.
    const vhost = await startTestS3Server(['txng-vhost'], { allowMismatchedSignatures: true });
    // `*.s3.txng.test` resolves to loopback for this client only: nothing leaves the machine.
    const agent = new http.Agent({ lookup: (_host, opts, cb) => (opts.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)) });
    try {
      const client = new S3Client({ ...options, bucket: 'txng-vhost', endpoint: `http://s3.${TEST_S3_SERVICE_DOMAIN}:${vhost.port}`, forcePathStyle: false, agent });
      expect(client.objectUrl('a/b.txt').href).toBe(`http://txng-vhost.s3.${TEST_S3_SERVICE_DOMAIN}:${vhost.port}/a/b.txt`);
      await client.putObject('a/b.txt', Buffer.from('vhost'), { contentType: 'text/plain' });
      // The object landed in that bucket: a path-style client of the same bucket reads it.
      const pathStyle = new S3Client({ ...options, endpoint: vhost.endpoint, bucket: 'txng-vhost' });
      expect((await pathStyle.getObject('a/b.txt'))?.body.toString()).toBe('vhost');
      expect((await client.getObject('a/b.txt'))?.body.toString()).toBe('vhost');
    } finally {
      agent.destroy();
      await vhost.close();
    }
  });

  it('reports a wrong secret clearly, at once and without the secret', async () => {
    const secret = 'wrong-secret-that-must-not-leak-42';
    const client = new S3Client({ ...options, secretAccessKey: secret, retries: 3, retryBaseMs: 2_000 });
    const started = Date.now();
    const err = await client.putObject('x.bin', Buffer.from('x')).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_500); // a 403 is not retried
    expect(err).toBeInstanceOf(S3RequestError);
    const e = err as S3RequestError;
    expect(e).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch', operation: 'PUT', key: 'x.bin' });
    expect(e.message).toContain('s3://txng-files/x.bin');
    expect(e.message).toContain('check the access key ID, the secret access key');
    for (const text of [e.message, e.stack ?? '', inspect(e, { depth: 5 }), JSON.stringify(e), inspect(client, { depth: 5 }), JSON.stringify(client)]) {
      expect(text).not.toContain(secret);
    }
    expect((await client.getObject('x.bin').catch((x: unknown) => x)) as S3RequestError).toMatchObject({ status: 403 });
  });

  it('names a missing bucket', async () => {
    const err = (await new S3Client({ ...options, bucket: 'no-such-bucket' }).putObject('a', Buffer.from('a')).catch((e: unknown) => e)) as S3RequestError;
    expect(err.message).toMatch(/HTTP 404 NoSuchBucket/);
  });

  it('retries 5xx answers, timeouts and refused connections with backoff, then gives up with the reason', async () => {
    // A fault injector in front of the real server: the first requests fail as the plan says.
    const plan: ('503' | 'hang' | 'pass')[] = ['503', 'hang', 'pass', '503', '503', '503'];
    const proxy = http.createServer((req, res) => {
      const step = plan.shift() ?? 'pass';
      if (step === '503') {
        req.resume();
        res.writeHead(503, { 'content-type': 'application/xml' }).end('<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>');
        return;
      }
      if (step === 'hang') return; // never answers
      const upstream = http.request({ host: '127.0.0.1', port: s3.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    try {
      // Signed for the proxy's host: the server checks the signature against the Host it receives.
      const client = new S3Client({ ...options, endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300, retries: 2 });
      await client.putObject('retry/a.txt', Buffer.from('third time'), { contentType: 'text/plain' });
      expect(plan).toEqual(['503', '503', '503']);
      const err = (await client.getObject('retry/a.txt').catch((e: unknown) => e)) as S3RequestError;
      expect(err).toMatchObject({ status: 503, code: 'SlowDown', retryable: true });
      expect(plan).toEqual([]);
      expect((await client.getObject('retry/a.txt'))?.body.toString()).toBe('third time');
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
    const closed = new S3Client({ ...options, endpoint: `http://127.0.0.1:${port}`, retries: 1 });
    const refused = (await closed.getObject('a').catch((e: unknown) => e)) as S3RequestError;
    expect(refused).toBeInstanceOf(S3RequestError);
    expect(refused.message).toMatch(/S3 GET s3:\/\/txng-files\/a at 127\.0\.0\.1:\d+ failed after 2 attempt\(s\): .*ECONNREFUSED/);
  });
});
