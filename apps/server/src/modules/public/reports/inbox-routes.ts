// The officials' inbox of consumer reports (JSON under /api/v1): list, read, set status and note, photo.
// Officials only (second factor done); each sees the reports of their scope (reports-service.ts inboxScope).
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../../platform/auth/guard.ts';
import { contextOf } from '../../../platform/request-context.ts';
import { REPORT_CATEGORIES, REPORT_STATUSES } from './report-model.ts';
import type { ReportRow } from './report-store.ts';
import type { ReportsService } from './reports-service.ts';

const tags = ['public: reports'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

export const reportSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'integer' },
    category: { type: 'string', enum: [...REPORT_CATEGORIES] },
    message: { type: 'string' },
    contact: { type: ['string', 'null'] },
    hasPhoto: { type: 'boolean' },
    photoUrl: { type: ['string', 'null'] },
    ref: { type: 'string' },
    context: { type: 'object', additionalProperties: true },
    productId: { type: ['string', 'null'] },
    lotId: { type: ['string', 'null'] },
    organizationId: { type: ['string', 'null'] },
    communeId: { type: ['integer', 'null'] },
    sectors: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: [...REPORT_STATUSES] },
    note: { type: ['string', 'null'] },
    handledAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

export function presentReport(r: ReportRow) {
  return {
    id: r.id,
    number: r.number,
    category: r.category,
    message: r.message,
    contact: r.contact,
    hasPhoto: r.hasPhoto,
    photoUrl: r.hasPhoto ? `/api/v1/reports/${r.id}/photo` : null,
    ref: r.ref,
    context: r.context,
    productId: r.productId,
    lotId: r.lotId,
    organizationId: r.organizationId,
    communeId: r.communeId,
    sectors: r.sectors,
    status: r.status,
    note: r.note,
    handledAt: r.handledAt ? new Date(r.handledAt).toISOString() : null,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export async function inboxRoutes(app: FastifyInstance, reports: ReportsService): Promise<void> {
  app.get<{ Querystring: { status?: (typeof REPORT_STATUSES)[number]; limit: number; offset: number } }>('/reports', {
    schema: {
      tags,
      summary: 'Consumers\' reports of problems in the caller\'s scope (province: all; sector officer: the sector\'s products; commune officer: the commune\'s producers), newest first.',
      querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: [...REPORT_STATUSES] }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 }, lang: { type: 'string' } } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: reportSchema }, total: { type: 'integer' } } } },
    },
  }, async (request) => {
    requireUser(request);
    const page = await reports.list(contextOf(request), request.query);
    return { items: page.items.map(presentReport), total: page.total };
  });

  app.get<{ Params: { id: string } }>('/reports/:id', { schema: { tags, summary: 'One report with its stamp and scan context.', params: idParams, response: { 200: reportSchema } } }, async (request) => {
    requireUser(request);
    return presentReport(await reports.get(contextOf(request), request.params.id));
  });

  app.patch<{ Params: { id: string }; Body: { status: (typeof REPORT_STATUSES)[number]; note?: string | null } }>('/reports/:id', {
    schema: {
      tags,
      summary: 'Set a report\'s status (new, in progress, closed) and the official\'s note (audited).',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['status'], properties: { status: { type: 'string', enum: [...REPORT_STATUSES] }, note: { type: ['string', 'null'], maxLength: 2000 } } },
      response: { 200: reportSchema },
    },
  }, async (request) => {
    requireUser(request);
    return presentReport(await reports.update(contextOf(request), request.params.id, request.body));
  });

  app.get<{ Params: { id: string } }>('/reports/:id/photo', { schema: { tags, summary: 'The report\'s photo (re-encoded WebP, metadata removed).', params: idParams } }, async (request, reply) => {
    requireUser(request);
    const photo = await reports.photo(contextOf(request), request.params.id);
    return reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').type(photo.contentType).send(photo.bytes);
  });
}
