// The audit log: written by every module through the AuditRecorder contract, read by officials within scope.
import { and, arrayOverlaps, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditRecorder } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/auth/actor.ts';
import type { Database, Orm } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { auditEvents } from './tables.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;

function actorColumns(ctx: RequestContext) {
  const a = ctx.actor;
  switch (a.type) {
    case 'user':
      return { actorType: 'user' as const, actorId: a.userId, actorLabel: a.email, actorRole: a.role, actorOrganizationId: a.organizationId };
    case 'api_key':
      return { actorType: 'api_key' as const, actorId: a.keyId, actorLabel: a.name, actorRole: null, actorOrganizationId: a.organizationId };
    case 'system':
      return { actorType: 'system' as const, actorId: null, actorLabel: a.reason, actorRole: null, actorOrganizationId: null };
    default:
      return { actorType: 'anonymous' as const, actorId: null, actorLabel: null, actorRole: null, actorOrganizationId: null };
  }
}

export function createAuditRecorder(): AuditRecorder {
  return {
    async record(tx: Orm, ctx: RequestContext, entry: AuditEntry): Promise<void> {
      await tx.insert(auditEvents).values({
        ...actorColumns(ctx),
        action: entry.action,
        resourceType: entry.resourceType,
        resourceId: entry.resourceId,
        subjectOrganizationId: entry.subject?.organizationId ?? null,
        subjectCommuneId: entry.subject?.communeId ?? null,
        subjectSectors: [...(entry.subject?.sectors ?? [])],
        outcome: entry.outcome ?? 'success',
        requestId: ctx.requestId,
        clientHash: ctx.clientHash,
        before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
        after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
      });
    },
  };
}

export interface AuditQuery {
  readonly action?: string;
  readonly actorId?: string;
  readonly organizationId?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly outcome?: 'success' | 'denied' | 'failed';
  readonly beforeId?: number;
  readonly limit: number;
}

/** What part of the log an actor may read: its scope as officials see organisations, or its own organisation. */
function scopeCondition(actor: UserActor): SQL | undefined {
  switch (actor.role) {
    case 'province_admin':
      return undefined;
    case 'sector_officer':
      return arrayOverlaps(auditEvents.subjectSectors, [actor.scope.sector!]);
    case 'commune_officer':
      return eq(auditEvents.subjectCommuneId, actor.scope.communeId!);
    case 'inspector':
      return and(
        actor.scope.sector ? arrayOverlaps(auditEvents.subjectSectors, [actor.scope.sector]) : undefined,
        actor.scope.communeId ? eq(auditEvents.subjectCommuneId, actor.scope.communeId) : undefined,
      );
    case 'org_admin':
      return or(eq(auditEvents.subjectOrganizationId, actor.organizationId!), eq(auditEvents.actorOrganizationId, actor.organizationId!));
    default:
      throw forbidden();
  }
}

export function createAuditService(deps: { db: Database }) {
  return {
    async search(actor: UserActor, q: AuditQuery): Promise<AuditEventRow[]> {
      const scope = scopeCondition(actor);
      return deps.db.orm
        .select()
        .from(auditEvents)
        .where(
          and(
            scope,
            q.action ? eq(auditEvents.action, q.action) : undefined,
            q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
            q.organizationId ? eq(auditEvents.subjectOrganizationId, q.organizationId) : undefined,
            q.resourceType ? eq(auditEvents.resourceType, q.resourceType) : undefined,
            q.resourceId ? eq(auditEvents.resourceId, q.resourceId) : undefined,
            q.outcome ? eq(auditEvents.outcome, q.outcome) : undefined,
            q.from ? gte(auditEvents.occurredAt, new Date(q.from)) : undefined,
            q.to ? lte(auditEvents.occurredAt, new Date(q.to)) : undefined,
            q.beforeId ? lt(auditEvents.id, q.beforeId) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(q.limit);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
