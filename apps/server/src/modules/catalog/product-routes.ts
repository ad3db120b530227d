// /products: register, edit, publish, read, history and completeness. Handlers: guard → one service call → presenter.
import type { FastifyInstance } from 'fastify';
import { requireAuthenticated, requirePermission } from '../../platform/auth/guard.ts';
import { translateBoth } from '../../platform/i18n/messages.ts';
import { contextOf } from '../../platform/request-context.ts';
import type { CompletenessReport } from './completeness.ts';
import { completenessSchema, idParams, pageOf, productBody, productListQuery, productPatchBody, productSchema, versionSchema } from './http-schemas.ts';
import { missingFieldCode } from './messages.ts';
import type { ProductInput } from './model.ts';
import { presentProduct } from './presenter.ts';
import type { ProductListQuery, ProductService } from './products-service.ts';

const tags = ['catalog: products'];

export function presentCompleteness(report: CompletenessReport) {
  return { ...report, missing: report.missing.map((m) => ({ ...m, messages: translateBoth(missingFieldCode(m.field)) })) };
}

export async function productRoutes(app: FastifyInstance, deps: { products: ProductService }): Promise<void> {
  const { products } = deps;

  app.get<{ Querystring: ProductListQuery }>('/products', {
    schema: { tags, summary: 'Products in the caller\'s reach (own organisation, or officials\' scope); search ignores diacritics.', querystring: productListQuery, response: { 200: pageOf(productSchema) } },
  }, async (request) => {
    requirePermission(request, 'catalog:read');
    const page = await products.list(contextOf(request), request.query);
    return { items: page.items.map(presentProduct), total: page.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.post<{ Body: ProductInput }>('/products', {
    schema: { tags, summary: 'Register a product (draft). Without a GS1 prefix it may have no GTIN yet; with one, the GTIN must start with it.', body: productBody, response: { 201: productSchema } },
  }, async (request, reply) => {
    requirePermission(request, 'catalog:write');
    const product = await products.create(contextOf(request), request.body);
    return reply.code(201).header('location', `/api/v1/products/${product.id}`).send(presentProduct(product));
  });

  app.get<{ Params: { id: string } }>('/products/:id', {
    schema: { tags, summary: 'One product (404 outside the caller\'s reach).', params: idParams, response: { 200: productSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return presentProduct(await products.get(contextOf(request), request.params.id));
  });

  app.patch<{ Params: { id: string }; Body: Partial<ProductInput> }>('/products/:id', {
    schema: { tags, summary: 'Change a product: a new version, kept in its history and recorded in the ledger.', params: idParams, body: productPatchBody, response: { 200: productSchema } },
  }, async (request) => {
    requirePermission(request, 'catalog:write');
    return presentProduct(await products.update(contextOf(request), request.params.id, request.body));
  });

  for (const [action, status] of [['publish', 'published'], ['unpublish', 'draft']] as const) {
    app.post<{ Params: { id: string } }>(`/products/:id/${action}`, {
      schema: {
        tags,
        summary: action === 'publish' ? 'Publish a product: from now on it is public (search, product page).' : 'Take a product back to draft: no longer public.',
        params: idParams,
        body: { type: ['object', 'null'], additionalProperties: false, properties: {} },
        response: { 200: productSchema },
      },
    }, async (request) => {
      requirePermission(request, 'catalog:write');
      return presentProduct(await products.setStatus(contextOf(request), request.params.id, status));
    });
  }

  app.get<{ Params: { id: string } }>('/products/:id/history', {
    schema: { tags, summary: 'Every version of the product, newest first, as recorded in the ledger.', params: idParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: versionSchema } } } } },
  }, async (request) => {
    requireAuthenticated(request);
    const versions = await products.history(contextOf(request), request.params.id);
    return { items: versions.map((v) => ({ version: v.version, recordedAt: v.recordedAt.toISOString(), recordedBy: v.recordedBy, contentSha256: v.contentSha256, content: v.content })) };
  });

  app.get<{ Params: { id: string } }>('/products/:id/completeness', {
    schema: { tags, summary: 'Which fields required by Circular 02/2024 Art. 6.5 and Decree 37/2026 Art. 32 are still missing.', params: idParams, response: { 200: completenessSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return presentCompleteness(await products.completeness(contextOf(request), request.params.id));
  });
}
