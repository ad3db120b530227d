// /stamp-requests: request, the approver's queue and decisions, print files (PDF, ZIP) and their log; quotas.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireAuthenticated, requirePermission, requireUser } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import { idParams, labelsQuery, organizationParams, pageOf, quotaBody, rejectBody, requestBody, requestListQuery, requestSchema } from './http-schemas.ts';
import type { LayoutPreset } from './model.ts';
import { presentRequest } from './presenter.ts';
import type { PrintService } from './print-service.ts';
import type { RequestListQuery, RequestService, StampRequestInput } from './requests-service.ts';
import type { StampQueryService } from './stamps-query-service.ts';

const tags = ['stamps: requests'];

interface LabelsQuery {
  from?: number;
  to?: number;
  reprint?: boolean;
  reason?: string;
  preset?: LayoutPreset;
}

export async function requestRoutes(app: FastifyInstance, deps: { requests: RequestService; print: PrintService; query: StampQueryService }): Promise<void> {
  const { requests, print, query } = deps;

  app.get<{ Querystring: RequestListQuery }>('/stamp-requests', {
    schema: { tags, summary: 'Stamp requests in the caller\'s reach; `status=pending&decidable=true` is the approver\'s queue (oldest first).', querystring: requestListQuery, response: { 200: pageOf(requestSchema) } },
  }, async (request) => {
    requirePermission(request, 'stamps:read');
    const ctx = contextOf(request);
    const page = await requests.list(ctx, request.query);
    return { items: page.items.map((r) => presentRequest(r, ctx.lang, { canDecide: requests.canDecide(ctx, r) })), total: page.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.post<{ Body: StampRequestInput }>('/stamp-requests', {
    schema: {
      tags,
      summary: 'Request N stamps for one of the organisation\'s products (optionally one lot): plain QR or QR with a scratch-off verification code, and a print layout (a preset or your own; layouts that cannot print a scannable QR code are refused).',
      body: requestBody,
      response: { 201: requestSchema },
    },
  }, async (request, reply) => {
    requirePermission(request, 'stamps:write');
    const ctx = contextOf(request);
    const row = await requests.create(ctx, request.body);
    return reply.code(201).header('location', `/api/v1/stamp-requests/${row.id}`).send(presentRequest(row, ctx.lang));
  });

  app.get<{ Params: { id: string } }>('/stamp-requests/:id', {
    schema: { tags, summary: 'One request with the approval checks (as they stand now while pending, as decided afterwards).', params: idParams, response: { 200: requestSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    const ctx = contextOf(request);
    const row = await requests.get(ctx, request.params.id);
    return presentRequest(row, ctx.lang, { checks: await requests.checksOf(row), canDecide: requests.canDecide(ctx, row) });
  });

  app.post<{ Params: { id: string } }>('/stamp-requests/:id/approve', {
    schema: { tags, summary: 'Approve (province administrator or the product\'s sector officer) when every check passes; issuance starts as a background job.', params: idParams, response: { 200: requestSchema } },
  }, async (request) => {
    requireUser(request);
    const ctx = contextOf(request);
    return presentRequest(await requests.approve(ctx, request.params.id), ctx.lang);
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/stamp-requests/:id/reject', {
    schema: { tags, summary: 'Reject with a reason.', params: idParams, body: rejectBody, response: { 200: requestSchema } },
  }, async (request) => {
    requireUser(request);
    const ctx = contextOf(request);
    return presentRequest(await requests.reject(ctx, request.params.id, request.body.reason), ctx.lang);
  });

  const labels = (format: 'pdf' | 'zip') => async (request: FastifyRequest<{ Params: { id: string }; Querystring: LabelsQuery }>, reply: FastifyReply) => {
    requirePermission(request, 'stamps:write');
    const q = request.query;
    const file = await print.print(contextOf(request), request.params.id, {
      format,
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(q.reprint ? { reprint: true } : {}),
      ...(q.reason ? { reason: q.reason } : {}),
      ...(q.preset ? { preset: q.preset } : {}),
    });
    const stream = new PassThrough();
    file.write(stream).catch((err) => {
      request.log.error({ err, printJobId: file.printJobId }, 'print file failed while streaming');
      stream.destroy(err as Error);
    });
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .header('x-label-count', String(file.count))
      .header('x-print-job', file.printJobId)
      .send(stream);
  };
  const summary = (what: string) => `The request's labels as ${what}, for a sequence range (default: all, up to the per-file limit). The first print moves the stamps to "printed"; printing again needs reprint=true and a reason, and draws new verification codes.`;
  app.get('/stamp-requests/:id/labels.pdf', { schema: { tags, summary: summary('a print-ready PDF (A4 sheets or roll)'), params: idParams, querystring: labelsQuery } }, labels('pdf'));
  app.get('/stamp-requests/:id/labels.zip', { schema: { tags, summary: summary('a ZIP of SVG labels, PNG QR codes and a CSV'), params: idParams, querystring: labelsQuery } }, labels('zip'));

  app.get<{ Params: { id: string } }>('/stamp-requests/:id/print-jobs', {
    schema: { tags, summary: 'Every print and reprint of the request (who, when, which range).', params: idParams },
  }, async (request) => {
    requirePermission(request, 'stamps:read');
    const jobs = await print.printJobs(contextOf(request), request.params.id);
    return { items: jobs.map((j) => ({ ...j, createdAt: new Date(j.createdAt).toISOString() })) };
  });

  app.get<{ Params: { organizationId: string } }>('/stamp-quotas/:organizationId', {
    schema: { tags, summary: 'An organisation\'s yearly stamp quota and use.', params: organizationParams },
  }, async (request) => {
    requirePermission(request, 'stamps:read');
    return query.quota(contextOf(request), request.params.organizationId);
  });

  app.put<{ Params: { organizationId: string }; Body: { yearlyLimit: number } }>('/stamp-quotas/:organizationId', {
    schema: { tags, summary: 'Set an organisation\'s yearly stamp quota (province administrator).', params: organizationParams, body: quotaBody },
  }, async (request) => {
    requireUser(request);
    return query.setQuota(contextOf(request), request.params.organizationId, request.body.yearlyLimit);
  });
}
