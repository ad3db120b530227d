// Recall campaigns: open (scope computed from the trace graph, holders notified in-app and by e-mail, goods marked
// for every scan, EPCIS events and a ledger entry recorded, audited), follow each holder's acknowledgement and
// returns, refresh the scope as late events arrive, close with a report.
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Orm } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import { systemContext, type RequestContext } from '../../platform/request-context.ts';
import type { EventsService } from '../epcis/index.ts';
import type { NotificationService } from '../identity/index.ts';
import type { Directory, ProductInfo, TraceService } from '../trace/index.ts';
import { RecallErrors, RecallNotices } from './messages.ts';
import type { Campaign, Criteria, HolderRecord, Severity } from './model.ts';
import { canClose, canSeeCampaign, listCondition, openerKind } from './policy.ts';
import { recallEvents } from './recall-events.ts';
import type { RecallStatus } from './recall-status.ts';
import { buildReport } from './report.ts';
import { computeScope, isInstance } from './scope-builder.ts';
import * as store from './store.ts';
import { resolveTargets } from './targets.ts';

export interface OpenInput {
  readonly targets: Criteria;
  readonly reason: string;
  readonly severity: Severity;
  readonly instructions?: string | null;
  readonly contact?: string | null;
}

export interface RecallDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRecorder;
  readonly log: Logger;
  readonly trace: TraceService;
  readonly directory: Directory;
  readonly events: Pick<EventsService, 'captureEvents'>;
  readonly notifications: Pick<NotificationService, 'notifyOrganizationAdmins' | 'notifyOfficialsInCharge'>;
  readonly status: RecallStatus;
}

export interface CampaignDetail {
  readonly campaign: Campaign;
  readonly holders: readonly HolderRecord[];
  readonly actions: Awaited<ReturnType<typeof store.actionsOf>>;
  readonly affectedCount: number;
}

export const actorId = (ctx: RequestContext) => (ctx.actor.type === 'user' ? ctx.actor.userId : ctx.actor.type === 'api_key' ? ctx.actor.keyId : ctx.actor.type);
export const actorLabel = (ctx: RequestContext) => (ctx.actor.type === 'user' ? ctx.actor.email : ctx.actor.type === 'api_key' ? `API: ${ctx.actor.name}` : ctx.actor.type === 'system' ? `system: ${ctx.actor.reason}` : 'anonymous');

export function createRecallService(deps: RecallDeps) {
  const { db, clock, audit } = deps;

  /** Notice parameters in both languages (each recipient's e-mail and notification uses its own). */
  const noticeParams = (c: Pick<Campaign, 'number' | 'severity' | 'reason' | 'instructions'>, product: ProductInfo | null) => ({
    number: c.number, reason: c.reason, instructions: c.instructions ?? '',
    severityVi: translate(`RECALL_SEVERITY_${c.severity}`, 'vi'), severityEn: translate(`RECALL_SEVERITY_${c.severity}`, 'en'),
    productVi: product?.nameVi ?? c.number, productEn: product?.nameEn ?? product?.nameVi ?? c.number,
  });

  async function productOf(c: Campaign): Promise<ProductInfo | null> {
    const id = await store.firstProductOf(db.replica, c.id);
    return id ? ((await deps.directory.productsById([id])).get(id) ?? null) : null;
  }

  async function notifyHolders(tx: Orm, c: Campaign, holders: readonly HolderRecord[] | readonly store.NewHolder[], product: ProductInfo | null): Promise<void> {
    const params = noticeParams(c, product);
    for (const h of holders) {
      if (!h.organizationId || (h.organizationId === c.organizationId && c.openerKind === 'producer')) continue;
      const code = h.organizationId === c.organizationId ? RecallNotices.RECALL_NOTICE_OWNER : RecallNotices.RECALL_NOTICE_HOLDER;
      await deps.notifications.notifyOrganizationAdmins(tx, h.organizationId, { kind: 'recall', messageCode: code, params, link: `/recalls/${c.id}`, mailSubjectCode: RecallNotices.RECALL_MAIL_SUBJECT });
    }
  }

  async function detail(id: string, tx: Orm = db.orm): Promise<CampaignDetail> {
    const campaign = await store.getCampaign(tx, id);
    if (!campaign) throw notFound(RecallErrors.RECALL_NOT_FOUND);
    // One after another: `tx` may be a transaction's single client, which must not get concurrent queries (pg
    // queues them today with a deprecation warning; pg 9 will refuse them).
    const holders = await store.holdersOfCampaign(tx, id);
    const actions = await store.actionsOf(tx, id);
    const affectedCount = await store.affectedCount(tx, id);
    return { campaign, holders, actions, affectedCount };
  }

  async function visible(ctx: RequestContext, id: string): Promise<CampaignDetail> {
    const d = await detail(id);
    // Out of reach answers 404, so a recall's existence is not revealed to those it does not concern.
    if (!canSeeCampaign(ctx.actor, d.campaign, d.holders)) throw notFound(RecallErrors.RECALL_NOT_FOUND);
    return d;
  }

  return {
    async open(ctx: RequestContext, input: OpenInput): Promise<CampaignDetail> {
      const resolved = await resolveTargets({ db: db.orm, directory: deps.directory, trace: deps.trace }, input.targets);
      const owner = resolved.owner;
      const kind = openerKind(ctx.actor, { organizationId: owner.id, communeId: owner.communeId, sectors: owner.sectors });
      if (!kind) throw new AppError('forbidden', RecallErrors.RECALL_OPEN_FORBIDDEN);
      const now = clock.now();
      const scope = await computeScope(deps, resolved.targets, owner.id, now);
      const nearest = [...scope.affected].sort((a, b) => a.depth - b.depth).find((a) => a.productId)?.productId;
      const product = resolved.product ?? (nearest ? ((await deps.directory.productsById([nearest])).get(nearest) ?? null) : null);
      const id = randomUUID();
      const result = await db.transaction(async (tx) => {
        const number = await store.nextNumber(tx, Number(new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 4)));
        const base = { number, reason: input.reason, severity: input.severity };
        const captured = await deps.events.captureEvents(tx, systemContext(`recall ${number}`), recallEvents(base, scope.affected.map((a) => ({ ...a, instance: isInstance(a) })), now, 'open'), { organizationId: owner.id });
        const campaign: store.NewCampaign = {
          id, ...base, instructions: input.instructions ?? null, contact: input.contact ?? null, organizationId: owner.id, orgCommuneId: owner.communeId,
          orgSectors: owner.sectors, openerKind: kind, openedBy: actorId(ctx), openedByLabel: actorLabel(ctx), openedAt: now, criteria: input.targets,
          targets: resolved.targets, scopeTruncations: scope.truncations, scopeComputedAt: now, openEventIds: captured.map((e) => e.eventId),
        };
        await store.insertCampaign(tx, campaign);
        await store.addAffected(tx, id, scope.affected);
        await store.upsertHolders(tx, id, scope.holders);
        const full = (await store.getCampaign(tx, id))!;
        await notifyHolders(tx, full, scope.holders, product);
        await deps.notifications.notifyOfficialsInCharge(tx, { communeId: owner.communeId, sectors: owner.sectors }, {
          kind: 'recall', messageCode: RecallNotices.RECALL_NOTICE_OFFICIALS, link: `/recalls/${id}`,
          params: { ...noticeParams(full, product), producer: owner.name, holders: scope.holders.length },
        });
        const content = { number, severity: input.severity, reason: input.reason, organizationId: owner.id, targets: resolved.targets, openedAt: now.toISOString(), affected: scope.affected.length, holders: scope.holders.length, eventIds: campaign.openEventIds };
        await recordInLedger(tx, { kind: 'recall', id: `${number}/open`, content, organizationId: owner.id });
        await audit.record(tx, ctx, {
          action: 'recall.open', resourceType: 'recall.campaign', resourceId: id, subject: { organizationId: owner.id, communeId: owner.communeId, sectors: owner.sectors },
          after: { ...content, truncated: scope.truncations.length > 0, openerKind: kind },
        });
        return detail(id, tx);
      });
      deps.status.invalidate();
      return result;
    },

    async list(ctx: RequestContext, q: { status?: 'open' | 'closed'; limit: number; offset: number }): Promise<{ items: Campaign[]; total: number }> {
      const where = q.status ? sqlAnd(listCondition(ctx.actor), q.status) : listCondition(ctx.actor);
      return store.listCampaigns(db.orm, where, q.limit, q.offset);
    },

    get: visible,

    /** Computes the scope again (late events: a shipment recorded after the recall opened) and notifies new holders. */
    async refresh(ctx: RequestContext, id: string): Promise<CampaignDetail> {
      const d = await visible(ctx, id);
      if (!canClose(ctx.actor, d.campaign)) throw forbidden(RecallErrors.RECALL_ACT_FORBIDDEN);
      if (d.campaign.status === 'closed') throw conflict(RecallErrors.RECALL_CLOSED, { number: d.campaign.number });
      const now = clock.now();
      const scope = await computeScope(deps, d.campaign.targets, d.campaign.organizationId, now);
      // Read before the transaction: productOf reads outside it, which on PGlite's one connection waits for the
      // transaction to end (a deadlock when awaited inside it).
      const product = await productOf(d.campaign);
      const result = await db.transaction(async (tx) => {
        const added = await store.addAffected(tx, id, scope.affected);
        const fresh = await store.upsertHolders(tx, id, scope.holders);
        await store.updateScope(tx, id, scope.truncations, now);
        await notifyHolders(tx, d.campaign, scope.holders.filter((h) => fresh.has(h.key)), product);
        await audit.record(tx, ctx, {
          action: 'recall.refresh', resourceType: 'recall.campaign', resourceId: id, subject: { organizationId: d.campaign.organizationId, communeId: d.campaign.orgCommuneId, sectors: d.campaign.orgSectors },
          after: { addedAffected: added, addedHolders: [...fresh], truncated: scope.truncations.length > 0 },
        });
        return detail(id, tx);
      });
      deps.status.invalidate();
      return result;
    },

    async close(ctx: RequestContext, id: string, note: string | null): Promise<CampaignDetail> {
      const d = await visible(ctx, id);
      if (!canClose(ctx.actor, d.campaign)) throw forbidden(RecallErrors.RECALL_ACT_FORBIDDEN);
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        const c = (await store.getCampaign(tx, id, true))!;
        if (c.status === 'closed') throw conflict(RecallErrors.RECALL_CLOSED, { number: c.number });
        const holders = await store.holdersOfCampaign(tx, id);
        const report = buildReport(c, holders, d.affectedCount, now);
        const affected = await store.affectedOf(tx, id, 10_000_000);
        const outcome = `${report.completed}/${report.holders}`;
        const captured = await deps.events.captureEvents(tx, systemContext(`recall ${c.number}`), recallEvents(c, affected.map((a) => ({ ...a, instance: isInstance(a) })), now, 'close', outcome), { organizationId: c.organizationId });
        await store.closeCampaign(tx, id, { at: now, by: actorId(ctx), byLabel: actorLabel(ctx), note, eventIds: captured.map((e) => e.eventId), report });
        await recordInLedger(tx, { kind: 'recall', id: `${c.number}/close`, content: { number: c.number, closedAt: now.toISOString(), report, eventIds: captured.map((e) => e.eventId) }, organizationId: c.organizationId });
        await audit.record(tx, ctx, {
          action: 'recall.close', resourceType: 'recall.campaign', resourceId: id, subject: { organizationId: c.organizationId, communeId: c.orgCommuneId, sectors: c.orgSectors },
          before: { status: 'open' }, after: { status: 'closed', note, report },
        });
        return detail(id, tx);
      });
      deps.status.invalidate();
      return result;
    },

    /** A campaign by its public number (the printed notice), with no reader check: what a notice says is public. */
    async publicNotice(number: string): Promise<{ campaign: Campaign; product: ProductInfo | null; producer: string | null } | null> {
      const c = await store.campaignByNumber(db.replica, number);
      if (!c) return null;
      const org = (await deps.directory.organizationsById([c.organizationId])).get(c.organizationId);
      return { campaign: c, product: await productOf(c), producer: org?.name ?? null };
    },

    detail,
  };
}

function sqlAnd(where: SQL, status: 'open' | 'closed'): SQL {
  return sql`(${where}) and c.status = ${status}`;
}

export type RecallService = ReturnType<typeof createRecallService>;
