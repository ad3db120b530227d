// Small scripts the public pages load (the ledger's browser verifier, the proof and place scripts): compressed
// once at start with Brotli and gzip, each encoding with its own strong ETag, so a phone on a slow link gets the
// 12 KB verifier as ~5 KB and a reload that changed nothing costs a 304.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Representation {
  readonly body: Buffer;
  readonly etag: string;
  readonly encoding?: 'br' | 'gzip';
}

export interface StaticAsset {
  readonly type: string;
  readonly maxAgeSeconds: number;
  readonly identity: Representation;
  readonly br: Representation;
  readonly gzip: Representation;
}

export function staticAsset(content: string | Buffer, type: string, maxAgeSeconds: number): StaticAsset {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    type,
    maxAgeSeconds,
    identity: { body, etag: `"${tag}"` },
    br: { body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }), etag: `"${tag}-br"`, encoding: 'br' },
    gzip: { body: gzipSync(body, { level: 9 }), etag: `"${tag}-gz"`, encoding: 'gzip' },
  };
}

/** The representation the client accepts (Brotli, then gzip, else as is), or 304 when it already has it. */
export function sendStaticAsset(request: FastifyRequest, reply: FastifyReply, asset: StaticAsset): FastifyReply {
  const accept = String(request.headers['accept-encoding'] ?? '');
  const chosen = /\bbr\b/.test(accept) ? asset.br : /\bgzip\b/.test(accept) ? asset.gzip : asset.identity;
  reply.header('etag', chosen.etag).header('cache-control', `public, max-age=${asset.maxAgeSeconds}`).header('vary', 'Accept-Encoding').type(asset.type);
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((v) => v.trim().replace(/^W\//, '') === chosen.etag)) return reply.code(304).send();
  if (chosen.encoding) reply.header('content-encoding', chosen.encoding);
  return reply.send(chosen.body);
}
