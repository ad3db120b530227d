// /stamps: lists and stock, activation by range or scanned serials, void/loss, recall of a lot, scan
// statistics and flags, and the public proof of a stamp's records in the transparency ledger.
import type { FastifyInstance } from 'fastify';
import { requireAuthenticated, requirePermission } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import { activateBody, bulkVoidBody, changeResultSchema, pageOf, recallBody, serialParams, stampListQuery, stampSchema, voidBody } from './http-schemas.ts';
import type { LifecycleService, SeqRange } from './lifecycle-service.ts';
import { presentFlags, presentStamp } from './presenter.ts';
import type { ScanInsights } from './scans/scan-insights.ts';
import type { StampListQuery, StampQueryService } from './stamps-query-service.ts';

const tags = ['stamps'];

export async function stampRoutes(app: FastifyInstance, deps: { query: StampQueryService; lifecycle: LifecycleService; insights: ScanInsights; publicRateLimit: number }): Promise<void> {
  const { query, lifecycle, insights } = deps;

  app.get<{ Querystring: StampListQuery }>('/stamps', {
    schema: { tags, summary: 'Stamps in reach, by request, lot, status or sequence range (and flagged ones).', querystring: stampListQuery, response: { 200: pageOf(stampSchema) } },
  }, async (request) => {
    requirePermission(request, 'stamps:read');
    const ctx = contextOf(request);
    const page = await query.list(ctx, request.query);
    return { items: page.items.map((s) => presentStamp(s, ctx.lang)), total: page.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.get<{ Querystring: { organizationId?: string } }>('/stamps/stock', {
    schema: { tags, summary: 'Stamps per status (issued, printed, active, void, lost, recalled) for each organisation in reach.', querystring: { type: 'object', additionalProperties: false, properties: { organizationId: { type: 'string', format: 'uuid' }, lang: { type: 'string' } } } },
  }, async (request) => {
    requirePermission(request, 'stamps:read');
    return { items: await query.stock(contextOf(request), request.query.organizationId) };
  });

  app.post<{ Body: { lotId: string; serials?: string[]; range?: SeqRange } }>('/stamps/activate', {
    schema: { tags, summary: 'Activate printed stamps by linking them to a lot: a sequence range of a request, or serials (or whole stamp URIs) scanned from labels.', body: activateBody, response: { 200: changeResultSchema } },
  }, async (request) => {
    requirePermission(request, 'stamps:write');
    const { lotId, serials, range } = request.body;
    return lifecycle.activate(contextOf(request), lotId, { ...(serials ? { serials } : {}), ...(range ? { range } : {}) });
  });

  app.post<{ Body: { reason: string; status: 'void' | 'lost'; range: SeqRange } }>('/stamps/void', {
    schema: { tags, summary: 'Void (or report lost) a sequence range of stamps, with a reason.', body: bulkVoidBody, response: { 200: changeResultSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return lifecycle.changeStatus(contextOf(request), request.body.status, { range: request.body.range }, request.body.reason);
  });

  app.post<{ Body: { lotId: string; reason: string } }>('/stamps/recall', {
    schema: { tags, summary: 'Recall every active stamp of a lot (the owner, or an official in scope); their pages say so at once.', body: recallBody, response: { 200: changeResultSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return lifecycle.recallLot(contextOf(request), request.body.lotId, request.body.reason);
  });

  app.get<{ Params: { serial: string } }>('/stamps/:serial', {
    schema: { tags, summary: 'One stamp with its history of status changes.', params: serialParams, response: { 200: stampSchema } },
  }, async (request) => {
    requirePermission(request, 'stamps:read');
    const ctx = contextOf(request);
    const s = await query.get(ctx, request.params.serial);
    return presentStamp({ ...s, history: s.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })) }, ctx.lang);
  });

  app.post<{ Params: { serial: string }; Body: { reason: string; status: 'void' | 'lost' } }>('/stamps/:serial/void', {
    schema: { tags, summary: 'Void (or report lost) one stamp, with a reason.', params: serialParams, body: voidBody, response: { 200: changeResultSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return lifecycle.changeStatus(contextOf(request), request.body.status, { serials: [request.params.serial] }, request.body.reason);
  });

  app.get<{ Params: { serial: string } }>('/stamps/:serial/scans', {
    schema: { tags, summary: 'Scan statistics and suspicion flags of a stamp (owners and officials in scope).', params: serialParams },
  }, async (request) => {
    requirePermission(request, 'stamps:read');
    const ctx = contextOf(request);
    const s = await insights.statistics(ctx, request.params.serial);
    const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
    return {
      ...s,
      firstScannedAt: iso(s.firstScannedAt),
      lastScannedAt: iso(s.lastScannedAt),
      codeVerifiedAt: iso(s.codeVerifiedAt),
      flags: presentFlags(s.flags, ctx.lang),
      places: s.places.map((p) => ({ ...p, at: iso(p.at) })),
    };
  });

  app.get<{ Params: { serial: string } }>('/stamps/:serial/proof', {
    config: { public: true, rateLimit: { max: deps.publicRateLimit, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: 'Public: the ledger records of a stamp (issuance batch, every status change), each with the stamp\'s RFC 9162 inclusion proof in the record\'s Merkle root. Check each record\'s SHA-256 against the ledger with GET /api/v1/ledger/proof.',
      params: serialParams,
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return query.proof(request.params.serial);
  });
}
