// Static scripts: the encoding the client accepts, each with its own ETag, and 304 for what it already has.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendStaticAsset, staticAsset } from './static-asset.ts';

const SCRIPT = `(function(){${'var x = "Xác minh bằng chứng";'.repeat(200)}})();`;
const app = Fastify();
beforeAll(async () => {
  const asset = staticAsset(SCRIPT, 'text/javascript; charset=utf-8', 3600);
  app.get('/a.js', async (request, reply) => sendStaticAsset(request, reply, asset));
  await app.ready();
});
afterAll(() => app.close());

describe('static assets', () => {
  it('sends Brotli, gzip or identity as accepted, each decoding to the same script', async () => {
    const br = await app.inject({ url: '/a.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    const gz = await app.inject({ url: '/a.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(SCRIPT);
    const plain = await app.inject({ url: '/a.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    for (const res of [br, gz, plain]) {
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expect(res.headers.vary).toBe('Accept-Encoding');
    }
    expect(new Set([br, gz, plain].map((r) => r.headers.etag)).size).toBe(3);
  });

  it('answers 304 to the ETag of the representation it would send, not to another one', async () => {
    const first = await app.inject({ url: '/a.js', headers: { 'accept-encoding': 'br' } });
    const again = await app.inject({ url: '/a.js', headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const other = await app.inject({ url: '/a.js', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(SCRIPT);
  });
});
