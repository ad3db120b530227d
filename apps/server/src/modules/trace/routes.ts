// /trace: the chain of any identifier (one step back and forward, whole traces), its exports (XLSX, CSV, the FSMA 204
// sortable spreadsheet), mass balance of a lot, and transformation yields per product.
import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import type { TraceExports } from './exports/export-service.ts';
import { exportQuery, fsmaQuery, massBalanceQuery, massBalanceResponse, traceQuery, traceSchema, yieldBody, yieldParams, yieldSchema } from './http-schemas.ts';
import { presentMassBalance, presentParty, presentTrace } from './presenter.ts';
import type { TraceDirection, TraceService } from './trace-service.ts';
import type { YieldInput, YieldService } from './yields.ts';

const tags = ['trace'];

interface TraceQuery {
  id: string;
  lot?: string;
  direction?: TraceDirection;
  depth?: number;
  limit?: number;
}

export async function traceRoutes(app: FastifyInstance, deps: { trace: TraceService; yields: YieldService; exports: TraceExports }): Promise<void> {
  const { trace, yields, exports } = deps;

  app.get<{ Querystring: TraceQuery }>('/trace', {
    schema: {
      tags,
      summary: 'The chain of an item, lot, shipment, product or place: one step back and forward for the reader\'s party, and the whole trace across transformation, packing, association and transactions, within the reader\'s scope. A cap that cut the trace is reported (`truncated`, `truncations`), never silent.',
      querystring: traceQuery,
      response: { 200: traceSchema },
    },
  }, async (request) => {
    requirePermission(request, 'trace:read');
    const q = request.query;
    const outcome = await trace.trace(contextOf(request), q);
    return presentTrace({ target: outcome.target, direction: outcome.direction, maxDepth: outcome.limits.maxDepth, maxNodes: outcome.limits.maxNodes, view: outcome.view });
  });

  app.get<{ Querystring: TraceQuery & { format?: 'xlsx' | 'csv' } }>('/trace/export', {
    schema: { tags, summary: 'A trace as a spreadsheet (XLSX: summary, identities, events, movements; CSV: the events), as the screen shows it.', querystring: exportQuery },
  }, async (request, reply) => {
    requirePermission(request, 'trace:read');
    const file = await exports.trace(contextOf(request), request.query, request.query.format ?? 'xlsx');
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.bytes);
  });

  app.get<{ Querystring: { lots: string[]; from?: string; to?: string; format?: 'xlsx' | 'csv' } }>('/trace/fsma204', {
    schema: {
      tags,
      summary: 'The FDA FSMA 204 sortable spreadsheet for a set of lots and a date range: traceability lot code, its source, critical tracking event, date, quantity and unit, product, location, previous source or next recipient, reference document.',
      querystring: fsmaQuery,
    },
  }, async (request, reply) => {
    requirePermission(request, 'trace:read');
    const q = request.query;
    const file = await exports.fsma204(contextOf(request), { lots: q.lots, from: q.from ?? null, to: q.to ?? null }, q.format ?? 'xlsx');
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.bytes);
  });

  app.get<{ Querystring: { id: string; lot?: string } }>('/trace/mass-balance', {
    schema: { tags, summary: 'Mass balance of a lot: each transformation that made it against its yield, and what each party received against what it passed on.', querystring: massBalanceQuery, response: { 200: massBalanceResponse } },
  }, async (request) => {
    requirePermission(request, 'trace:read');
    const r = await trace.massBalance(contextOf(request), request.query.id, request.query.lot);
    const parties = new Map([...r.view.parties.values()].map((p) => [p.key, presentParty(p)]));
    return { id: r.target.canonical, kind: r.target.kind, balance: r.balance ? presentMassBalance(r.balance) : null, parties: [...parties.values()] };
  });

  app.get<{ Params: { productId: string } }>('/trace/yields/:productId', {
    schema: { tags, summary: 'The transformation yield of a product (input per unit of output); 204 when none is set.', params: yieldParams, response: { 200: yieldSchema } },
  }, async (request, reply) => {
    requirePermission(request, 'trace:read');
    const y = await yields.get(contextOf(request), request.params.productId);
    if (!y) return reply.code(204).send();
    return { ...y, updatedAt: y.updatedAt.toISOString() };
  });

  app.put<{ Params: { productId: string }; Body: YieldInput }>('/trace/yields/:productId', {
    schema: { tags, summary: 'Set the transformation yield of one of the organisation\'s products (e.g. 3.5 kg fresh longan per kg dried), used by mass balance.', params: yieldParams, body: yieldBody, response: { 200: yieldSchema } },
  }, async (request) => {
    requirePermission(request, 'catalog:write');
    const y = await yields.set(contextOf(request), request.params.productId, request.body);
    return { ...y, updatedAt: y.updatedAt.toISOString() };
  });
}
