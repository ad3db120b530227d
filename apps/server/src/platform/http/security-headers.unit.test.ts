// The headers computed once equal what helmet sets on a live response for the same options, and the cached
// client pseudonym equals the HMAC it stands for.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { afterEach, describe, expect, it } from 'vitest';
import { hmacHex } from '../security/crypto.ts';
import { clientHasher } from './client-hash.ts';
import { securityHeaders } from './security-headers.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Headers helmet's own middleware puts on a real response (what @fastify/helmet did per request). */
async function liveHelmet(options: HelmetOptions): Promise<Record<string, string>> {
  const mw = helmet(options);
  server = createServer((req, res) => mw(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const out: Record<string, string> = {};
  const transport = new Set(['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding']);
  res.headers.forEach((v, k) => {
    if (!transport.has(k)) out[k] = v;
  });
  return out;
}

describe('security headers computed once', () => {
  const options: HelmetOptions[] = [
    {
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    },
    { strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true }, referrerPolicy: { policy: ['no-referrer', 'strict-origin'] } },
    {},
  ];
  for (const [i, o] of options.entries()) {
    it(`equal helmet's on a live response (options ${i + 1})`, async () => {
      const once = securityHeaders(o);
      expect(Object.keys(once).length).toBeGreaterThan(8);
      expect(once).toEqual(await liveHelmet(o));
    });
  }
});

describe('client pseudonym', () => {
  const key = Buffer.alloc(32, 7);
  it('is the first 32 hex digits of the HMAC of the address, cached or not, and differs between addresses', () => {
    const hash = clientHasher(key, 3);
    const ips = ['198.51.100.1', '198.51.100.2', '2001:db8::1', '203.0.113.9', '198.51.100.1'];
    for (let round = 0; round < 2; round++) for (const ip of ips) expect(hash(ip)).toBe(hmacHex(key, ip).slice(0, 32));
    expect(hash('198.51.100.1')).not.toBe(hash('198.51.100.2'));
    expect(clientHasher(Buffer.alloc(32, 8))('198.51.100.1')).not.toBe(hash('198.51.100.1'));
  });
});
