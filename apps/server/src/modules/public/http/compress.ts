// Compresses HTML pages (ours and the resolver's scan pages) with Brotli or gzip as the client accepts: a scan
// page of ~20 KB of HTML travels as ~5 KB. Only complete HTML strings from 1 KB up; streams (the portal's files)
// and responses already encoded pass untouched. Brotli at quality 5 costs well under a millisecond per page.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export function registerHtmlCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || payload.length < 1024 || reply.getHeader('content-encoding')) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    const accept = String(request.headers['accept-encoding'] ?? '');
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (/\bbr\b/.test(accept)) {
      reply.header('content-encoding', 'br').removeHeader('content-length');
      return brotliCompressSync(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: payload.length } });
    }
    if (/\bgzip\b/.test(accept)) {
      reply.header('content-encoding', 'gzip').removeHeader('content-length');
      return gzipSync(payload, { level: 6 });
    }
    return payload;
  });
}
