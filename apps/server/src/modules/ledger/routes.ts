// HTTP: the C2SP tlog-tiles read path under /ledger (checkpoint, hash tiles, entry bundles), the browser
// verifier, and JSON helpers under /api/v1/ledger. All public: no session lookup, a per-client rate limit.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseTilePath, TILE_WIDTH } from '@txng/tlog';
import { notFound } from '../../platform/errors.ts';
import { sendStaticAsset, staticAsset } from '../../platform/http/static-asset.ts';
import { LedgerErrors } from './messages.ts';
import { checkpointSchema, consistencySchema, keysSchema, presentCheckpoint, presentConsistency, presentKeys, presentProof, proofSchema } from './presenter.ts';
import type { LedgerService } from './service.ts';

export const VERIFIER_BUNDLE = fileURLToPath(new URL('./browser/tlog-verify.min.js', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';
const tags = ['ledger'];
const TILE_BUDGET_FACTOR = 20;

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export async function ledgerRoutes(app: FastifyInstance, deps: { ledger: LedgerService; publicRateLimit: number }): Promise<void> {
  const { ledger } = deps;
  const config = { public: true, rateLimit: { max: deps.publicRateLimit, timeWindow: 60_000 } };
  // Public data that third-party monitors and pages may read from any origin.
  const open = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

  app.get('/ledger/checkpoint', {
    config,
    schema: { tags, summary: 'The latest published checkpoint (c2sp.org/tlog-checkpoint), signed by the log and cosigned by its witnesses.' },
  }, async (_request, reply) => {
    const checkpoint = await ledger.publishedCheckpoint();
    // tlog-tiles §Checkpoints: mutable, "SHOULD prevent caching beyond a few seconds".
    return open(reply).header('cache-control', 'public, max-age=2').type('text/plain; charset=utf-8').send(checkpoint.note);
  });

  app.get<{ Params: { '*': string } }>('/ledger/tile/*', {
    // A monitor or a mirror reads every tile of the log (~2 requests per 256 entries): tiles are immutable and
    // cacheable, so they get a larger budget than pages, still per client.
    config: { ...config, rateLimit: { ...config.rateLimit, max: deps.publicRateLimit * TILE_BUDGET_FACTOR } },
    schema: { tags, summary: 'A hash tile tile/<L>/<N>[.p/<W>] or an entry bundle tile/entries/<N>[.p/<W>] (c2sp.org/tlog-tiles).' },
  }, async (request, reply) => {
    const path = `tile/${request.params['*']}`;
    const resource = parseTilePath(path);
    const data = resource.ok ? await ledger.readResource(resource.value) : undefined;
    if (!resource.ok || !data) throw notFound(LedgerErrors.LEDGER_TILE_NOT_FOUND, { path });
    const width = resource.value.kind === 'hash' ? resource.value.tile.width : resource.value.bundle.width;
    // Full tiles never change; a partial one is replaced by wider ones as the log grows.
    open(reply).header('cache-control', width === TILE_WIDTH ? IMMUTABLE : 'public, max-age=3600').type('application/octet-stream');
    // tlog-tiles §Log entries: bundles "SHOULD be compressed at the HTTP layer"; hashes do not compress.
    if (resource.value.kind === 'entries') {
      reply.header('vary', 'accept-encoding');
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(gzipSync(data));
      }
    }
    return reply.send(asBuffer(data));
  });

  const verifier = staticAsset(await readFile(VERIFIER_BUNDLE), 'text/javascript; charset=utf-8', 3600);
  app.get('/ledger/verify.js', {
    config,
    schema: { tags, summary: 'The browser verifier of tlog-proofs (ES module built from @txng/tlog/browser: verifyRecordProof).' },
  }, async (request, reply) => sendStaticAsset(request, reply, verifier));

  app.get('/api/v1/ledger/key', {
    config,
    schema: { tags, summary: 'The log\'s verifier key, its origin and its witnesses\' keys.', response: { 200: keysSchema } },
  }, async () => presentKeys(ledger.keys()));

  app.get('/api/v1/ledger/checkpoint', {
    config,
    schema: { tags, summary: 'The latest published checkpoint as JSON.', response: { 200: checkpointSchema } },
  }, async () => presentCheckpoint(await ledger.publishedCheckpoint()));

  app.get<{ Querystring: { kind: string; id: string; sha256?: string } }>('/api/v1/ledger/proof', {
    config,
    schema: {
      tags,
      summary: 'Proof that a record is in the ledger: its leaf, an RFC 9162 inclusion proof, the checkpoint and a c2sp.org/tlog-proof.',
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'id'],
        properties: {
          kind: { type: 'string', pattern: '^[a-z][a-z0-9.-]{0,63}$' },
          id: { type: 'string', minLength: 1, maxLength: 1024 },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          lang: { type: 'string' },
        },
      },
      response: { 200: proofSchema },
    },
  }, async (request) => presentProof(await ledger.proofFor(request.query.kind, request.query.id, request.query.sha256)));

  app.get<{ Querystring: { from: number; to?: number } }>('/api/v1/ledger/consistency', {
    config,
    schema: {
      tags,
      summary: 'RFC 9162 consistency proof between two published tree sizes (to defaults to the latest).',
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['from'],
        properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 }, lang: { type: 'string' } },
      },
      response: { 200: consistencySchema },
    },
  }, async (request) => {
    const { from, to } = request.query;
    return presentConsistency(await ledger.consistency(BigInt(from), to === undefined ? undefined : BigInt(to)));
  });
}
