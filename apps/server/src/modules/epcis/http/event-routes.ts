// REST binding, events (OpenAPI /events, /events/{eventID}, and the top-level shortcuts /eventTypes, /epcs,
// /bizSteps, /bizLocations, /readPoints, /dispositions with their /{value}/events): the whole query language
// in the query string, answered as an EPCISQueryDocument in JSON-LD or XML, a page at a time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EPCIS_CONTEXT_URL, EVENT_TYPES, standardTerms, type EventQuery, type QueryFilter } from '@txng/epcis';
import type { Clock } from '../../../platform/clock.ts';
import { contextOf } from '../../../platform/request-context.ts';
import { requireReader } from '../access/policy.ts';
import type { QueryPage } from '../query/event-query.ts';
import { parseQuery, type QueryService } from '../query/query-service.ts';
import type { PrefixLengths } from './epc-format.ts';
import { checkVersions, epcisHeaders, send, writeQueryResults } from './epcis-output.ts';
import { linkNext } from './paging.ts';

/** GS1-Extensions: `prefix=IRI` pairs, comma-separated, declaring the prefixes that query parameters use. */
export function extensionNamespaces(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of [header ?? []].flat().join(',').split(',')) {
    const m = /^\s*([A-Za-z][\w.-]*)\s*=\s*(\S+)\s*$/.exec(part);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** The query-language parameters of a request: its query string as sent, without the server's own `lang`. */
export function queryParameters(request: FastifyRequest): URLSearchParams {
  const search = new URLSearchParams(request.url.split('?')[1] ?? '');
  search.delete('lang');
  return search;
}

export interface EventRouteDeps {
  readonly queries: QueryService;
  readonly clock: Clock;
  readonly prefixLengths: PrefixLengths;
}

/** Sends a page of results with its Link header. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: QueryPage, deps: EventRouteDeps, queryName: string, subscriptionID?: string): FastifyReply {
  if (page.nextPageToken) linkNext(reply, request, { nextPageToken: page.nextPageToken });
  const out = writeQueryResults(request, page.events.map((e) => e.event), { queryName, prefixLengths: deps.prefixLengths, now: deps.clock.now(), ...(subscriptionID ? { subscriptionID } : {}) });
  return send(reply, 200, out);
}

const SHORTCUTS: readonly { collection: string; param: string }[] = [
  { collection: 'eventTypes', param: 'eventType' },
  { collection: 'epcs', param: 'MATCH_anyEPC' },
  { collection: 'bizSteps', param: 'EQ_bizStep' },
  { collection: 'bizLocations', param: 'EQ_bizLocation' },
  { collection: 'readPoints', param: 'EQ_readPoint' },
  { collection: 'dispositions', param: 'EQ_disposition' },
];

function collection(members: readonly string[]) {
  return { '@context': [EPCIS_CONTEXT_URL], type: 'Collection', member: members };
}

export async function eventRoutes(app: FastifyInstance, deps: EventRouteDeps): Promise<void> {
  const { queries } = deps;
  const tags = ['epcis'];

  const run = async (request: FastifyRequest, reply: FastifyReply, label: string, fixed: readonly QueryFilter[] = []) => {
    checkVersions(request);
    const query: EventQuery = parseQuery(queryParameters(request), extensionNamespaces(request.headers['gs1-extensions']));
    const page = await queries.query(contextOf(request), query, label, fixed);
    return sendPage(request, reply, page, deps, 'SimpleEventQuery');
  };

  app.get('/events', { schema: { tags, summary: 'Events selected by the EPCIS query language (query-string parameters), a page at a time.' } },
    (request, reply) => run(request, reply, 'SimpleEventQuery'));

  app.get<{ Params: { eventID: string } }>('/events/:eventID', { schema: { tags, summary: 'One event by its eventID.' } }, async (request, reply) => {
    checkVersions(request);
    const found = await queries.getEvent(contextOf(request), request.params.eventID);
    return sendPage(request, reply, { events: found }, deps, 'SimpleEventQuery');
  });

  app.get('/', { schema: { tags, summary: 'Top-level resources of the EPCIS repository.' } }, async (request, reply) => {
    requireReader(request.actor);
    return epcisHeaders(reply).send(collection(['capture', 'events', 'eventTypes', 'epcs', 'bizSteps', 'bizLocations', 'readPoints', 'dispositions', 'queries']));
  });

  const statics: Record<string, () => readonly string[]> = {
    eventTypes: () => Object.keys(EVENT_TYPES),
    bizSteps: () => standardTerms('bizStep'),
    dispositions: () => standardTerms('disposition'),
  };
  for (const [name, members] of Object.entries(statics)) {
    app.get(`/${name}`, { schema: { tags, summary: `The ${name} the repository knows.` } }, async (request, reply) => {
      requireReader(request.actor);
      return epcisHeaders(reply).send(collection(members()));
    });
  }

  for (const { collection: name, param } of SHORTCUTS) {
    app.get<{ Params: { value: string } }>(`/${name}/:value`, { schema: { tags, summary: `Sub-resources of one member of ${name}.` } }, async (request, reply) => {
      requireReader(request.actor);
      return epcisHeaders(reply).send(collection(['events']));
    });
    app.get<{ Params: { value: string } }>(`/${name}/:value/events`, { schema: { tags, summary: `Events with ${param} = the path value, filtered further by the query language.` } },
      async (request, reply) => {
        // The path value is one value (no "|" list), ANDed with the query string's filters.
        const fixed = parseQuery({ [param]: [request.params.value] }).filters;
        return run(request, reply, `${name}/${request.params.value}`, fixed);
      });
  }
}
