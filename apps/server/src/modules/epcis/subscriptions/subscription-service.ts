// Webhook subscriptions to named queries (REST binding /queries/{name}/subscriptions): `stream: true` delivers
// every newly captured event the query selects, a `schedule` runs the query at the given times and delivers what
// was captured since the previous run (`reportIfEmpty`: an empty result is delivered too). The client's
// `signatureToken` (or, when it gives none, one generated and shown once) signs every callback (signature.ts).
import { isIP } from 'node:net';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { AuditRecorder } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Orm } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { encryptField, randomToken } from '../../../platform/security/crypto.ts';
import type { Secrets } from '../../../platform/security/secrets.ts';
import { EpcisErrors } from '../messages.ts';
import type { NamedQueryService } from '../query/named-queries.ts';
import { ownerOf } from '../query/named-queries.ts';
import { subscriptions } from '../tables.ts';
import type { EpcFormat } from '../http/epc-format.ts';
import { readerOf } from './reader.ts';
import { nextRun, parseSchedule, type ScheduleSpec } from './schedule.ts';

export interface SubscriptionInput {
  readonly dest: string;
  readonly signatureToken?: string;
  readonly stream?: boolean;
  readonly schedule?: ScheduleSpec;
  readonly reportIfEmpty?: boolean;
  readonly initialRecordTime?: string;
}

export type Subscription = typeof subscriptions.$inferSelect;

/** Private, loopback and link-local targets are refused in production (SSRF); tests and demos may allow them. */
function destProblem(dest: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(dest);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https';
  if (url.username || url.password) return 'no credentials in the URL';
  if (allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return 'a local host name';
  if (isIP(host) === 4 && /^(0|10|127|169\.254|172\.(1[6-9]|2\d|3[01])|192\.168|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7]))\./.test(host)) return 'a private address';
  if (isIP(host) === 6 && /^(::1?$|f[cd]|fe[89ab]|::ffff:)/.test(host)) return 'a private address';
  return undefined;
}

export function createSubscriptionService(deps: {
  db: Database; clock: Clock; audit: AuditRecorder; secrets: Secrets; namedQueries: NamedQueryService; allowPrivateWebhooks: boolean;
}) {
  const { db, clock, audit, secrets, namedQueries } = deps;

  return {
    async create(ctx: RequestContext, queryName: string, input: SubscriptionInput, epcFormat: EpcFormat): Promise<{ subscription: Subscription; generatedToken?: string }> {
      const owner = ownerOf(ctx.actor);
      await namedQueries.get(ctx, queryName);
      const problem = destProblem(input.dest, deps.allowPrivateWebhooks);
      if (problem) throw new AppError('invalid', EpcisErrors.EPCIS_DEST_INVALID, { reason: problem }, [{ pointer: '/dest', code: EpcisErrors.EPCIS_DEST_INVALID, params: { reason: problem } }]);
      const stream = input.stream === true;
      if (stream === (input.schedule !== undefined)) {
        throw new AppError('invalid', EpcisErrors.EPCIS_SUBSCRIPTION_TRIGGER_REQUIRED, {}, [{ pointer: '/stream', code: EpcisErrors.EPCIS_SUBSCRIPTION_TRIGGER_REQUIRED }]);
      }
      const now = clock.now();
      const schedule = input.schedule ? parseSchedule(input.schedule) : undefined;
      const initial = input.initialRecordTime ? new Date(input.initialRecordTime) : now;
      if (Number.isNaN(initial.getTime())) throw new AppError('invalid', 'VALIDATION_FAILED', {}, [{ pointer: '/initialRecordTime', code: 'FIELD_FORMAT', params: { format: 'date-time' } }]);
      const generatedToken = input.signatureToken ? undefined : randomToken(32);
      const token = input.signatureToken ?? generatedToken!;
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(subscriptions).values({
          owner, queryName, reader: readerOf(ctx.actor), dest: input.dest, secretEnc: encryptField(secrets.fieldEncryption, token, 'epcis.subscription'),
          stream, schedule: input.schedule ?? null, reportIfEmpty: input.reportIfEmpty === true, epcFormat,
          initialRecordTime: initial, nextRunAt: schedule ? (nextRun(schedule, now) ?? null) : null, active: true,
        }).returning();
        await audit.record(tx, ctx, {
          action: 'epcis.subscription.create', resourceType: 'epcis.subscription', resourceId: row!.id,
          after: { queryName, dest: input.dest, stream, schedule: input.schedule ?? null, reportIfEmpty: row!.reportIfEmpty },
        });
        return { subscription: row!, ...(generatedToken ? { generatedToken } : {}) };
      });
    },

    async list(ctx: RequestContext, queryName: string, limit: number, afterId?: string): Promise<Subscription[]> {
      const owner = ownerOf(ctx.actor);
      await namedQueries.get(ctx, queryName);
      return db.orm.select().from(subscriptions)
        .where(and(eq(subscriptions.owner, owner), eq(subscriptions.queryName, queryName), eq(subscriptions.active, true), afterId ? gt(subscriptions.id, afterId) : undefined))
        .orderBy(asc(subscriptions.id)).limit(limit);
    },

    async get(ctx: RequestContext, queryName: string, id: string): Promise<Subscription> {
      const owner = ownerOf(ctx.actor);
      const [row] = /^[0-9a-f-]{36}$/i.test(id)
        ? await db.orm.select().from(subscriptions).where(and(eq(subscriptions.id, id), eq(subscriptions.owner, owner), eq(subscriptions.queryName, queryName), eq(subscriptions.active, true)))
        : [];
      if (!row) throw notFound(EpcisErrors.EPCIS_SUBSCRIPTION_NOT_FOUND, { subscriptionID: id });
      return row;
    },

    async delete(ctx: RequestContext, queryName: string, id: string): Promise<void> {
      const sub = await this.get(ctx, queryName, id);
      await db.transaction(async (tx) => {
        await tx.update(subscriptions).set({ active: false }).where(eq(subscriptions.id, sub.id));
        await audit.record(tx, ctx, { action: 'epcis.subscription.delete', resourceType: 'epcis.subscription', resourceId: sub.id, before: { queryName, dest: sub.dest } });
      });
    },

    /** Ends the subscriptions to a deleted named query (in the deleting transaction). */
    async dropForQuery(tx: Orm, owner: string, queryName: string): Promise<void> {
      await tx.update(subscriptions).set({ active: false }).where(and(eq(subscriptions.owner, owner), eq(subscriptions.queryName, queryName)));
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
