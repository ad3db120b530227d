// REST binding, named queries and webhook subscriptions (OpenAPI /queries, /queries/{queryName},
// /queries/{queryName}/events, /queries/{queryName}/subscriptions[/{subscriptionID}]).
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { contextOf } from '../../../platform/request-context.ts';
import { EpcisErrors, EpcisPackageCodes } from '../messages.ts';
import type { NamedQueryService } from '../query/named-queries.ts';
import { parseQuery } from '../query/query-service.ts';
import type { SubscriptionInput, SubscriptionService } from '../subscriptions/subscription-service.ts';
import { SCHEDULE_FIELDS } from '../subscriptions/schedule.ts';
import { parseEpcFormat } from './epc-format.ts';
import { checkVersions, epcisHeaders } from './epcis-output.ts';
import { extensionNamespaces, queryParameters, sendPage, type EventRouteDeps } from './event-routes.ts';
import { decodeKey, encodeKey, linkNext, perPageOf } from './paging.ts';
import { presentNamedQuery, presentSubscription } from './presenter.ts';

const scheduleSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, { type: 'string', maxLength: 200 }])),
};

export async function queryRoutes(app: FastifyInstance, deps: EventRouteDeps & { namedQueries: NamedQueryService; subscriptions: SubscriptionService }): Promise<void> {
  const { namedQueries, subscriptions, queries } = deps;
  const tags = ['epcis'];

  app.post<{ Body: { name: string; query: Record<string, unknown> } }>('/queries', {
    schema: {
      tags,
      summary: 'Create a named query (query-schema.json parameters).',
      body: {
        type: 'object', additionalProperties: false, required: ['name', 'query'],
        properties: { name: { type: 'string', minLength: 1, maxLength: 128 }, query: { type: 'object' } },
      },
    },
  }, async (request, reply) => {
    checkVersions(request);
    const q = await namedQueries.create(contextOf(request), request.body.name, request.body.query, extensionNamespaces(request.headers['gs1-extensions']));
    return epcisHeaders(reply).code(201).header('Location', `/epcis/queries/${encodeURIComponent(q.name)}`).send(presentNamedQuery(q));
  });

  app.get<{ Querystring: { perPage?: string; nextPageToken?: string } }>('/queries', { schema: { tags, summary: 'The caller’s named queries.' } }, async (request, reply) => {
    const perPage = perPageOf(request.query.perPage);
    const list = await namedQueries.list(contextOf(request), perPage + 1, request.query.nextPageToken ? decodeKey(request.query.nextPageToken) : undefined);
    const page = list.slice(0, perPage);
    if (list.length > perPage) linkNext(reply, request, { perPage: String(perPage), nextPageToken: encodeKey(page[page.length - 1]!.name) });
    return epcisHeaders(reply).send(page.map(presentNamedQuery));
  });

  app.get<{ Params: { name: string } }>('/queries/:name', { schema: { tags, summary: 'A named query’s definition.' } }, async (request, reply) =>
    epcisHeaders(reply).send(presentNamedQuery(await namedQueries.get(contextOf(request), request.params.name))));

  app.delete<{ Params: { name: string } }>('/queries/:name', { schema: { tags, summary: 'Delete a named query and its subscriptions.' } }, async (request, reply) => {
    await namedQueries.delete(contextOf(request), request.params.name, subscriptions.dropForQuery);
    return epcisHeaders(reply).code(204).send();
  });

  app.get<{ Params: { name: string } }>('/queries/:name/events', { schema: { tags, summary: 'Run a named query, a page at a time.' } }, async (request, reply) => {
    checkVersions(request);
    const ctx = contextOf(request);
    const named = await namedQueries.get(ctx, request.params.name);
    const params = queryParameters(request);
    const paging: Record<string, unknown> = {};
    const unknown: FieldProblem[] = [];
    for (const [k, v] of params) {
      if (k === 'perPage' || k === 'nextPageToken') paging[k] = v;
      else unknown.push({ in: 'query', pointer: k, code: EpcisPackageCodes.EPCIS_QUERY_UNKNOWN_PARAMETER, params: { name: k } } as FieldProblem);
    }
    if (unknown.length) throw new AppError('invalid', EpcisErrors.EPCIS_QUERY_REJECTED, {}, unknown);
    const query = parseQuery({ ...named.query, ...paging }, extensionNamespaces(request.headers['gs1-extensions']));
    const page = await queries.query(ctx, query, `queries/${named.name}`);
    return sendPage(request, reply, page, deps, named.name);
  });

  app.post<{ Params: { name: string }; Body: SubscriptionInput }>('/queries/:name/subscriptions', {
    schema: {
      tags,
      summary: 'Subscribe a webhook to a named query: stream every new matching event, or run on a schedule.',
      body: {
        type: 'object', additionalProperties: false, required: ['dest'],
        properties: {
          dest: { type: 'string', minLength: 8, maxLength: 2000 },
          signatureToken: { type: 'string', minLength: 16, maxLength: 512 },
          stream: { type: 'boolean' },
          schedule: scheduleSchema,
          reportIfEmpty: { type: 'boolean' },
          initialRecordTime: { type: 'string', format: 'date-time' },
        },
      },
    },
  }, async (request, reply) => {
    checkVersions(request);
    const { subscription, generatedToken } = await subscriptions.create(contextOf(request), request.params.name, request.body, parseEpcFormat(request.headers['gs1-epc-format']));
    return epcisHeaders(reply).code(201)
      .header('Location', `/epcis/queries/${encodeURIComponent(request.params.name)}/subscriptions/${subscription.id}`)
      // A token the server generated is shown this once, so that the subscriber can verify GS1-Signature.
      .send({ ...presentSubscription(subscription), ...(generatedToken ? { signatureToken: generatedToken } : {}) });
  });

  app.get<{ Params: { name: string }; Querystring: { perPage?: string; nextPageToken?: string } }>('/queries/:name/subscriptions', {
    schema: { tags, summary: 'Subscriptions to a named query.' },
  }, async (request, reply) => {
    const perPage = perPageOf(request.query.perPage);
    const list = await subscriptions.list(contextOf(request), request.params.name, perPage + 1, request.query.nextPageToken ? decodeKey(request.query.nextPageToken) : undefined);
    const page = list.slice(0, perPage);
    if (list.length > perPage) linkNext(reply, request, { perPage: String(perPage), nextPageToken: encodeKey(page[page.length - 1]!.id) });
    return epcisHeaders(reply).send(page.map(presentSubscription));
  });

  app.get<{ Params: { name: string; id: string } }>('/queries/:name/subscriptions/:id', { schema: { tags, summary: 'One subscription.' } }, async (request, reply) =>
    epcisHeaders(reply).send(presentSubscription(await subscriptions.get(contextOf(request), request.params.name, request.params.id))));

  app.delete<{ Params: { name: string; id: string } }>('/queries/:name/subscriptions/:id', { schema: { tags, summary: 'Unsubscribe.' } }, async (request, reply) => {
    await subscriptions.delete(contextOf(request), request.params.name, request.params.id);
    return epcisHeaders(reply).code(204).send();
  });
}
