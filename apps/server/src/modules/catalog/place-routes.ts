// /places: farms, planting areas, barns, processing facilities, warehouses and shops of an organisation.
import type { FastifyInstance } from 'fastify';
import { requireAuthenticated, requirePermission } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import { idParams, pageOf, placeBody, placeListQuery, placePatchBody, placeSchema, versionSchema } from './http-schemas.ts';
import type { PlaceInput } from './model.ts';
import type { PlaceListQuery, PlaceService } from './places-service.ts';
import { presentPlaceView } from './presenter.ts';

const tags = ['catalog: places'];

export async function placeRoutes(app: FastifyInstance, deps: { places: PlaceService; publicBaseUrl: string }): Promise<void> {
  const { places } = deps;
  const present = (p: Parameters<typeof presentPlaceView>[0]) => presentPlaceView(p, deps.publicBaseUrl);

  app.get<{ Querystring: PlaceListQuery }>('/places', {
    schema: { tags, summary: 'Places in the caller\'s reach; search ignores diacritics.', querystring: placeListQuery, response: { 200: pageOf(placeSchema) } },
  }, async (request) => {
    requirePermission(request, 'catalog:read');
    const page = await places.list(contextOf(request), request.query);
    return { items: page.items.map(present), total: page.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.post<{ Body: PlaceInput }>('/places', {
    schema: {
      tags,
      summary: 'Register a place. A planting area needs its planting-area code (mã số vùng trồng) and area in ha; a GLN must carry the organisation\'s GS1 prefix; without an internal code one is generated.',
      body: placeBody,
      response: { 201: placeSchema },
    },
  }, async (request, reply) => {
    requirePermission(request, 'catalog:write');
    const place = await places.create(contextOf(request), request.body);
    return reply.code(201).header('location', `/api/v1/places/${place.id}`).send(present(place));
  });

  app.get<{ Params: { id: string } }>('/places/:id', {
    schema: { tags, summary: 'One place (404 outside the caller\'s reach).', params: idParams, response: { 200: placeSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return present(await places.get(contextOf(request), request.params.id));
  });

  app.patch<{ Params: { id: string }; Body: Partial<PlaceInput> & { archived?: boolean } }>('/places/:id', {
    schema: { tags, summary: 'Change a place (a new version) or archive it.', params: idParams, body: placePatchBody, response: { 200: placeSchema } },
  }, async (request) => {
    requirePermission(request, 'catalog:write');
    return present(await places.update(contextOf(request), request.params.id, request.body));
  });

  app.get<{ Params: { id: string } }>('/places/:id/history', {
    schema: { tags, summary: 'Every version of the place, newest first.', params: idParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: versionSchema } } } } },
  }, async (request) => {
    requireAuthenticated(request);
    const versions = await places.history(contextOf(request), request.params.id);
    return { items: versions.map((v) => ({ version: v.version, recordedAt: v.recordedAt.toISOString(), recordedBy: v.recordedBy, contentSha256: v.contentSha256, content: v.content })) };
  });
}
