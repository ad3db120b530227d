import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import { departmentSchema, presentDepartment, presentSector, presentUnit, sectorSchema, unitSchema } from './presenter.ts';
import type { GeoService } from './service.ts';

export async function geoRoutes(app: FastifyInstance, opts: { geo: GeoService }): Promise<void> {
  const { geo } = opts;
  const tags = ['geo'];

  app.get<{ Querystring: { q?: string; kind?: 'xa' | 'phuong' } }>('/geo/units', {
    schema: {
      tags,
      summary: 'Communes and wards of Sơn La (search ignores diacritics).',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { q: { type: 'string', maxLength: 100 }, kind: { type: 'string', enum: ['xa', 'phuong'] }, lang: { type: 'string' } },
      },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: unitSchema } } } },
    },
  }, async (request) => ({ items: (await geo.listUnits(request.query)).map(presentUnit) }));

  app.get<{ Params: { id: number } }>('/geo/units/:id', {
    schema: {
      tags,
      summary: 'One commune or ward.',
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      response: { 200: unitSchema },
    },
  }, async (request, reply) => {
    const unit = await geo.getUnit(request.params.id);
    if (!unit) return reply.callNotFound();
    return presentUnit(unit);
  });

  app.patch<{ Params: { id: number }; Body: { name?: string; officialCode?: string | null } }>('/geo/units/:id', {
    schema: {
      tags,
      summary: 'Correct a unit name or set its official code (province administrator).',
      security: [{ session: [] }],
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      body: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { name: { type: 'string', minLength: 2, maxLength: 100 }, officialCode: { type: ['string', 'null'], maxLength: 5 } },
      },
      response: { 200: unitSchema },
    },
  }, async (request) => {
    requireUser(request, ['province_admin']);
    return presentUnit(await geo.updateUnit(contextOf(request), request.params.id, request.body));
  });

  app.get('/geo/sectors', {
    schema: { tags, summary: 'Sectors that supervise businesses.', response: { 200: { type: 'object', properties: { items: { type: 'array', items: sectorSchema } } } } },
  }, async () => ({ items: (await geo.listSectors()).map(presentSector) }));

  app.get('/geo/departments', {
    schema: { tags, summary: 'Provincial departments named in the plan.', response: { 200: { type: 'object', properties: { items: { type: 'array', items: departmentSchema } } } } },
  }, async () => ({ items: (await geo.listDepartments()).map(presentDepartment) }));
}
