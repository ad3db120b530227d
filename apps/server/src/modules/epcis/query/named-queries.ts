// Named queries (REST binding /queries): a query definition (query-schema.json parameters) saved under a name by
// its owner, an organisation or an official, and run through /queries/{name}/events or subscriptions.
import { and, asc, eq, gt } from 'drizzle-orm';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { actingOrganizationId, isOfficial, type Actor } from '../../../platform/auth/actor.ts';
import type { AuditRecorder } from '../../../platform/audit.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { requireReader } from '../access/policy.ts';
import { EpcisErrors } from '../messages.ts';
import { queries } from '../tables.ts';
import { parseQuery } from './query-service.ts';

export interface NamedQuery {
  readonly name: string;
  /** The parameters as given (JSON values per query-schema.json). */
  readonly query: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

/** Whose queries an actor sees and creates: its organisation's, or (officials) its own. */
export function ownerOf(actor: Actor): string {
  requireReader(actor);
  if (isOfficial(actor)) return `user:${actor.userId}`;
  const org = actingOrganizationId(actor);
  if (org) return `org:${org}`;
  throw new AppError('forbidden', EpcisErrors.EPCIS_READ_FORBIDDEN);
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;

export function createNamedQueryService(deps: { db: Database; audit: AuditRecorder }) {
  const { db, audit } = deps;

  return {
    async create(ctx: RequestContext, name: string, query: Record<string, unknown>, namespaces: Record<string, string> = {}): Promise<NamedQuery> {
      const owner = ownerOf(ctx.actor);
      if (!NAME.test(name)) throw new AppError('invalid', 'VALIDATION_FAILED', {}, [{ pointer: '/name', code: 'FIELD_PATTERN' }]);
      // The definition must be a valid query now; it is parsed again (same result) whenever it runs.
      parseQuery(query, namespaces, 'body');
      if (query.nextPageToken !== undefined || query.perPage !== undefined) {
        throw new AppError('invalid', 'VALIDATION_FAILED', {}, [{ pointer: '/query', code: 'FIELD_UNKNOWN', params: { property: 'perPage/nextPageToken' } }]);
      }
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(queries).values({ owner, name, query, createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : ctx.actor.type === 'api_key' ? ctx.actor.keyId : null })
          .onConflictDoNothing().returning();
        if (!row) throw conflict(EpcisErrors.EPCIS_NAMED_QUERY_EXISTS, { name });
        await audit.record(tx, ctx, { action: 'epcis.query.create', resourceType: 'epcis.named_query', resourceId: `${owner}/${name}`, after: { name, query } });
        return { name: row.name, query: row.query as Record<string, unknown>, createdAt: row.createdAt };
      });
    },

    async list(ctx: RequestContext, limit: number, afterName?: string): Promise<NamedQuery[]> {
      const owner = ownerOf(ctx.actor);
      const list = await db.orm.select().from(queries).where(and(eq(queries.owner, owner), afterName ? gt(queries.name, afterName) : undefined)).orderBy(asc(queries.name)).limit(limit);
      return list.map((r) => ({ name: r.name, query: r.query as Record<string, unknown>, createdAt: r.createdAt }));
    },

    async get(ctx: RequestContext, name: string): Promise<NamedQuery> {
      const owner = ownerOf(ctx.actor);
      const [row] = await db.orm.select().from(queries).where(and(eq(queries.owner, owner), eq(queries.name, name)));
      if (!row) throw notFound(EpcisErrors.EPCIS_NAMED_QUERY_NOT_FOUND, { name });
      return { name: row.name, query: row.query as Record<string, unknown>, createdAt: row.createdAt };
    },

    /** Deletes a query and the subscriptions to it. */
    async delete(ctx: RequestContext, name: string, dropSubscriptions: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], owner: string, name: string) => Promise<void>): Promise<void> {
      const owner = ownerOf(ctx.actor);
      await db.transaction(async (tx) => {
        const [row] = await tx.delete(queries).where(and(eq(queries.owner, owner), eq(queries.name, name))).returning();
        if (!row) throw notFound(EpcisErrors.EPCIS_NAMED_QUERY_NOT_FOUND, { name });
        await dropSubscriptions(tx, owner, name);
        await audit.record(tx, ctx, { action: 'epcis.query.delete', resourceType: 'epcis.named_query', resourceId: `${owner}/${name}`, before: { name, query: row.query } });
      });
    },
  };
}

export type NamedQueryService = ReturnType<typeof createNamedQueryService>;
