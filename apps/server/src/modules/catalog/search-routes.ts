// GET /search: public for published products; wider when signed in (within the caller's reach).
import type { FastifyInstance } from 'fastify';
import { SECTORS } from '../../platform/auth/actor.ts';
import { contextOf } from '../../platform/request-context.ts';
import { OCOP_STARS, PROTECTED_MARK_KINDS, RISK_CLASSES } from './model.ts';
import { SEARCH_TYPES, type SearchQuery, type SearchService } from './search-service.ts';

export async function searchRoutes(app: FastifyInstance, deps: { search: SearchService; publicRateLimit: number }): Promise<void> {
  app.get<{ Querystring: SearchQuery }>('/search', {
    config: { public: false, rateLimit: { max: deps.publicRateLimit, timeWindow: 60_000 } },
    schema: {
      tags: ['catalog: search'],
      summary: 'Search products, organisations, places and lots without diacritics ("xoai yen chau" finds "Xoài tròn Yên Châu"). Anonymous callers find published products only.',
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['q'],
        properties: {
          q: { type: 'string', minLength: 1, maxLength: 200 },
          types: { type: 'array', items: { type: 'string', enum: SEARCH_TYPES }, uniqueItems: true },
          communeId: { type: 'integer', minimum: 1 },
          sector: { type: 'string', enum: SECTORS },
          ocopStars: { type: 'integer', enum: OCOP_STARS },
          riskClass: { type: 'string', enum: RISK_CLASSES },
          gi: { type: 'string', enum: ['any', ...PROTECTED_MARK_KINDS] },
          limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
          lang: { type: 'string' },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  type: { type: 'string' },
                  id: { type: 'string' },
                  title: { type: 'string' },
                  subtitle: { type: ['string', 'null'] },
                  communeId: { type: ['integer', 'null'] },
                  organizationId: { type: 'string' },
                  status: { type: 'string' },
                  ocopStars: { type: ['integer', 'null'] },
                  gtin: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
      },
    },
  }, async (request) => deps.search.search(contextOf(request), request.query));
}
