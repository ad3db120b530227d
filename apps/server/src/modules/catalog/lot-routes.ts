// /lots: a product's batches, their GS1 identifiers and, in diary-routes.ts, their timeline.
import type { FastifyInstance } from 'fastify';
import { requireAuthenticated, requirePermission } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import { idParams, lotBody, lotListQuery, lotPatchBody, lotSchema, pageOf } from './http-schemas.ts';
import type { LotListQuery, LotService } from './lots-service.ts';
import type { LotInput } from './model.ts';
import { presentLot } from './presenter.ts';

const tags = ['catalog: lots'];

export async function lotRoutes(app: FastifyInstance, deps: { lots: LotService }): Promise<void> {
  const { lots } = deps;

  app.get<{ Querystring: LotListQuery }>('/lots', {
    schema: { tags, summary: 'Lots in the caller\'s reach, newest first.', querystring: lotListQuery, response: { 200: pageOf(lotSchema) } },
  }, async (request) => {
    requirePermission(request, 'catalog:read');
    const page = await lots.list(contextOf(request), request.query);
    const ids = await lots.identifiersOf(page.items);
    return { items: page.items.map((l) => presentLot(l, ids(l))), total: page.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.post<{ Body: LotInput }>('/lots', {
    schema: {
      tags,
      summary: 'Record a lot of one of the organisation\'s products. Lot codes are unique per product (GS1 AI 10); dates must be possible (expiry after production and harvest, none in the future).',
      body: lotBody,
      response: { 201: lotSchema },
    },
  }, async (request, reply) => {
    requirePermission(request, 'catalog:write');
    const lot = await lots.create(contextOf(request), request.body);
    const ids = await lots.identifiersOf([lot]);
    return reply.code(201).header('location', `/api/v1/lots/${lot.id}`).send(presentLot(lot, ids(lot)));
  });

  app.get<{ Params: { id: string } }>('/lots/:id', {
    schema: { tags, summary: 'One lot with its GTIN, LGTIN and GS1 Digital Link.', params: idParams, response: { 200: lotSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    const lot = await lots.get(contextOf(request), request.params.id);
    return presentLot(lot, (await lots.identifiersOf([lot]))(lot));
  });

  app.patch<{ Params: { id: string }; Body: Partial<Omit<LotInput, 'productId'>> }>('/lots/:id', {
    schema: { tags, summary: 'Correct a lot (code, dates, quantity, origin).', params: idParams, body: lotPatchBody, response: { 200: lotSchema } },
  }, async (request) => {
    requirePermission(request, 'catalog:write');
    const lot = await lots.update(contextOf(request), request.params.id, request.body);
    return presentLot(lot, (await lots.identifiersOf([lot]))(lot));
  });
}
