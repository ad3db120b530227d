// /recalls: open a recall, follow it (holders on a list and a map, their acknowledgements and returns), refresh
// its scope, close it with a report; its scope as XLSX/CSV; public: the printed notice and the recall status of
// any code (what a consumer's phone or the scan page asks).
import type { FastifyInstance } from 'fastify';
import { requireAuthenticated, requireUser } from '../../platform/auth/guard.ts';
import { translateBoth } from '../../platform/i18n/messages.ts';
import { contextOf } from '../../platform/request-context.ts';
import { notFound } from '../../platform/errors.ts';
import type { HolderActions } from './holder-actions.ts';
import { actionBody, campaignSchema, closeBody, formatQuery, idParams, listQuery, noticeParams, openBody, pageSchema, statusQuery, statusSchema } from './http-schemas.ts';
import { RecallErrors } from './messages.ts';
import type { HolderAction } from './model.ts';
import { noticePdf } from './notice-pdf.ts';
import { coversProducer } from './policy.ts';
import { presentCampaign, presentCampaignSummary } from './presenter.ts';
import type { OpenInput, RecallService } from './recall-service.ts';
import type { RecallStatus } from './recall-status.ts';
import { scopeFile } from './scope-export.ts';
import { affectedOf } from './store.ts';
import type { Database } from '../../platform/db/database.ts';

const tags = ['recall'];

export interface RecallRouteDeps {
  readonly recalls: RecallService;
  readonly actions: HolderActions;
  readonly status: RecallStatus;
  readonly db: Database;
  readonly publicBaseUrl: string;
  readonly publicRateLimit: number;
}

export async function recallRoutes(app: FastifyInstance, deps: RecallRouteDeps): Promise<void> {
  const { recalls, actions, status } = deps;
  const publicLimit = { public: true, rateLimit: { max: deps.publicRateLimit, timeWindow: 60_000 } };

  app.post<{ Body: OpenInput }>('/recalls', {
    schema: {
      tags,
      summary: 'Open a recall of lots, items or a product\'s lots in a date range (officials in scope of the producer, or the producer\'s administrator): the affected scope is computed from the trace graph, every holder is notified (in-app and e-mail), every scan of the goods shows the warning, and the recall is recorded as EPCIS events and in the ledger.',
      body: openBody,
      response: { 201: campaignSchema },
    },
  }, async (request, reply) => {
    requireUser(request);
    const d = await recalls.open(contextOf(request), request.body);
    return reply.code(201).header('location', `/api/v1/recalls/${d.campaign.id}`).send(presentCampaign(request.actor, d));
  });

  app.get<{ Querystring: { status?: 'open' | 'closed'; limit: number; offset: number } }>('/recalls', {
    schema: { tags, summary: 'Recalls the reader is concerned by (its own goods, goods it held, or its scope as an official), newest first.', querystring: listQuery, response: { 200: pageSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    const page = await recalls.list(contextOf(request), request.query);
    return { items: page.items.map(presentCampaignSummary), total: page.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.get<{ Querystring: { id: string; lot?: string } }>('/recalls/status', {
    config: publicLimit,
    schema: { tags, summary: 'Whether the goods a code names (any GS1 form) are recalled, with the notice (public).', querystring: statusQuery, response: { 200: statusSchema } },
  }, async (request) => {
    const notice = await status.recallStatusOf(request.query.id, request.query.lot);
    return { recalled: notice !== null, notice, messages: translateBoth(notice ? 'RECALL_PUBLIC_RECALLED' : 'RECALL_PUBLIC_NOT_RECALLED', { number: notice?.number ?? '' }) };
  });

  app.get<{ Params: { number: string } }>('/recalls/notices/:number', {
    config: publicLimit,
    schema: { tags, summary: 'The printed recall notice (PDF, Vietnamese and English; public: it is meant to be posted).', params: noticeParams },
  }, async (request, reply) => {
    const found = await recalls.publicNotice(request.params.number);
    if (!found) throw notFound(RecallErrors.RECALL_NOT_FOUND);
    const pdf = await noticePdf({
      campaign: found.campaign, productVi: found.product?.nameVi ?? null, productEn: found.product?.nameEn ?? null, producer: found.producer,
      url: `${deps.publicBaseUrl}/api/v1/recalls/notices/${found.campaign.number}`,
    });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="thong-bao-thu-hoi-${found.campaign.number}.pdf"`).send(pdf);
  });

  app.get<{ Params: { id: string } }>('/recalls/:id', {
    schema: { tags, summary: 'A recall with its holders (contact and map position where the reader may see them), their acknowledgements and returns, and the report once closed.', params: idParams, response: { 200: campaignSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return presentCampaign(request.actor, await recalls.get(contextOf(request), request.params.id));
  });

  app.get<{ Params: { id: string }; Querystring: { format?: 'xlsx' | 'csv' } }>('/recalls/:id/scope', {
    schema: { tags, summary: 'The recall\'s holders (and, for officials in charge, every affected identity) as XLSX or CSV.', params: idParams, querystring: formatQuery },
  }, async (request, reply) => {
    requireAuthenticated(request);
    const ctx = contextOf(request);
    const d = await recalls.get(ctx, request.params.id);
    const affected = coversProducer(request.actor, d.campaign) ? await affectedOf(deps.db.replica, d.campaign.id, 1_000_000) : null;
    const file = await scopeFile(presentCampaign(request.actor, d), affected, ctx.lang, request.query.format ?? 'xlsx');
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.bytes);
  });

  app.post<{ Params: { id: string }; Body: { holder: string; action: HolderAction; quantity?: number | null; uom?: string | null; note?: string | null } }>('/recalls/:id/actions', {
    schema: { tags, summary: 'Record a holder\'s acknowledgement, a quantity returned or destroyed, that it is done, or a note (the holder itself, the officials who see it, or the producer for its direct customers).', params: idParams, body: actionBody, response: { 200: campaignSchema } },
  }, async (request) => {
    requireUser(request);
    const { holder, ...input } = request.body;
    return presentCampaign(request.actor, await actions.act(contextOf(request), request.params.id, holder, input));
  });

  app.post<{ Params: { id: string } }>('/recalls/:id/refresh', {
    schema: { tags, summary: 'Compute the affected scope again (events recorded since it opened) and notify new holders.', params: idParams, response: { 200: campaignSchema } },
  }, async (request) => {
    requireUser(request);
    return presentCampaign(request.actor, await recalls.refresh(contextOf(request), request.params.id));
  });

  app.post<{ Params: { id: string }; Body: { note?: string | null } }>('/recalls/:id/close', {
    schema: { tags, summary: 'Close the recall with its report (recorded as EPCIS events and in the ledger).', params: idParams, body: closeBody, response: { 200: campaignSchema } },
  }, async (request) => {
    requireUser(request);
    return presentCampaign(request.actor, await recalls.close(contextOf(request), request.params.id, request.body.note ?? null));
  });
}
