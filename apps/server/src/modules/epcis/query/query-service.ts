// Reading events: the query language over the REST binding's parameters, named queries' definitions, and
// the service API's typed queries, always within the reader's scope (access/policy.ts) and always audited.
import { sql } from 'drizzle-orm';
import { parseQueryParameters, type EpcisIssue, type EventQuery, type QueryFilter, type QueryInput } from '@txng/epcis';
import type { AuditRecorder } from '../../../platform/audit.ts';
import { rows, type Database, type Orm } from '../../../platform/db/database.ts';
import { AppError, notFound, type FieldProblem } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import type { OrganizationDirectory } from '../access/organization-directory.ts';
import { readScope, scopeCondition, type ReadScope } from '../access/policy.ts';
import { EpcisErrors } from '../messages.ts';
import type { MasterDataScope } from '../store/master-data.ts';
import { runQuery, type QueryPage, type StoredEvent } from './event-query.ts';

/** Query problems as field problems naming the parameter (RFC 9457 `errors`, `in: query`). */
export function queryProblems(issues: readonly EpcisIssue[], where: 'query' | 'body' = 'query'): AppError {
  const fields = issues.map((i) => ({
    in: where,
    pointer: String(i.params?.name ?? ''),
    code: i.code,
    params: i.params ?? {},
  }) as FieldProblem);
  return new AppError('invalid', EpcisErrors.EPCIS_QUERY_REJECTED, {}, fields);
}

/** Parses query parameters or throws a 400 naming every faulty parameter. */
export function parseQuery(input: QueryInput, namespaces: Readonly<Record<string, string>> = {}, where: 'query' | 'body' = 'query'): EventQuery {
  const parsed = parseQueryParameters(input, { namespaces });
  if (!parsed.ok) throw queryProblems(parsed.errors, where);
  return parsed.query;
}

function masterDataScope(scope: ReadScope): MasterDataScope {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'organizations') return scope.organizationIds;
  return [scope.organizationId];
}

function subjectOf(ctx: RequestContext, scope: ReadScope) {
  return scope.kind === 'organization' ? { organizationId: scope.organizationId } : { organizationId: ctx.actor.type === 'api_key' ? ctx.actor.organizationId : null };
}

export function createQueryService(deps: { db: Database; directory: OrganizationDirectory; audit: AuditRecorder }) {
  const { db, directory, audit } = deps;

  async function scopeOf(ctx: RequestContext): Promise<ReadScope> {
    return readScope(db.orm, directory, ctx.actor);
  }

  return {
    scopeOf,

    /**
     * Runs a query for a reader: `fixed` filters (a REST shortcut's path value) are ANDed to the parsed ones.
     * `label` names the query in the audit log (SimpleEventQuery, a named query, a shortcut).
     */
    async query(ctx: RequestContext, query: EventQuery, label: string, fixed: readonly QueryFilter[] = []): Promise<QueryPage> {
      const scope = await scopeOf(ctx);
      const full: EventQuery = { ...query, filters: [...query.filters, ...fixed] };
      const page = await runQuery(db.orm, scope, full, { masterData: masterDataScope(scope) });
      await audit.record(db.orm, ctx, {
        action: 'epcis.query',
        resourceType: 'epcis.events',
        resourceId: label,
        subject: subjectOf(ctx, scope),
        after: { filters: full.filters.map((f) => f.param), returned: page.events.length, page: query.nextPageToken ? 'next' : 'first' },
      });
      return page;
    },

    /**
     * The event with this eventID and, when it was declared erroneous, its error declaration (EPCIS 2.0 §7.4.1.2),
     * original first; only when the reader's scope covers them (404 otherwise, not revealing existence).
     */
    async getEvent(ctx: RequestContext, eventId: string): Promise<StoredEvent[]> {
      const scope = await scopeOf(ctx);
      const found = await rows<{ seq: number; organization_id: string; body: StoredEvent['event'] }>(db.orm, sql`
        select e.seq, e.organization_id, e.body from epcis.events e
        where e.seq in (select i.seq from epcis.event_ids i where i.event_id = ${eventId}) and ${scopeCondition(scope)}
        order by e.declaration_time nulls first, e.seq`);
      await audit.record(db.orm, ctx, {
        action: 'epcis.event.read', resourceType: 'epcis.event', resourceId: eventId, subject: subjectOf(ctx, scope), outcome: found.length ? 'success' : 'denied',
      });
      if (!found.length) throw notFound(EpcisErrors.EPCIS_EVENT_NOT_FOUND, { eventID: eventId });
      return found.map((row) => ({ seq: Number(row.seq), organizationId: row.organization_id, event: row.body }));
    },

    /** The typed query of the service API, inside a caller's transaction when one is given. */
    async queryAst(ctx: RequestContext, query: EventQuery, tx?: Orm): Promise<QueryPage> {
      const executor = tx ?? db.orm;
      const scope = await readScope(executor, directory, ctx.actor);
      return runQuery(executor, scope, query, { masterData: masterDataScope(scope) });
    },
  };
}

export type QueryService = ReturnType<typeof createQueryService>;
