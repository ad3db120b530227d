// Sending a page: a strong ETag of its bytes (a reload that changed nothing costs a 304 of a few hundred bytes),
// Cache-Control by kind of page, and Vary on what picks the language. Compression is done once per response by
// the root hook in compress.ts. No Cross-Origin-Opener-Policy: see withoutOpenerIsolation.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withoutOpenerIsolation } from '../../../platform/http/security-headers.ts';

export interface PageCaching {
  /** Seconds shared caches and browsers may reuse the page; 0 = revalidate every time; null = never store. */
  readonly maxAge: number | null;
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, html: string, caching: PageCaching, status = 200): FastifyReply {
  withoutOpenerIsolation(reply).code(status).type('text/html; charset=utf-8').header('content-language', request.lang).header('vary', 'Accept-Language, Cookie, Accept-Encoding');
  if (caching.maxAge === null || status !== 200) return reply.header('cache-control', 'no-store').send(html);
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', `public, max-age=${caching.maxAge}, stale-while-revalidate=300`);
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((v) => v.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply.send(html);
}
