// A holder's part in a recall: it acknowledges the notice, reports what it returned or destroyed, or says it is
// done (sold out before the recall, nothing left). Each step is kept (holder_actions) and audited; a holder whose
// returns and destructions cover what it held is completed.
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { RecallErrors } from './messages.ts';
import type { HolderAction, HolderRecord, HolderStatus } from './model.ts';
import { canActFor, canSeeCampaign } from './policy.ts';
import { actorId, actorLabel, type RecallService } from './recall-service.ts';
import { heldByDimension } from './report.ts';
import * as store from './store.ts';

export interface ActionInput {
  readonly action: HolderAction;
  readonly quantity?: number | null;
  readonly uom?: string | null;
  readonly note?: string | null;
}

/** UN/CEFACT Rec. 20 units a holder reports in, by dimension and factor to its base unit. */
const UNITS: Readonly<Record<string, { dimension: string; factor: number }>> = {
  KGM: { dimension: 'mass', factor: 1 }, GRM: { dimension: 'mass', factor: 0.001 }, TNE: { dimension: 'mass', factor: 1000 },
  LTR: { dimension: 'volume', factor: 1 }, MLT: { dimension: 'volume', factor: 0.001 }, H87: { dimension: 'count', factor: 1 },
};

/** Covered: every dimension the holder held something of is returned or destroyed in full. */
export function covers(h: Pick<HolderRecord, 'amounts' | 'returned' | 'destroyed'>): boolean {
  const held = heldByDimension(h as HolderRecord);
  const dims = Object.entries(held).filter(([, v]) => v > 0);
  return dims.length > 0 && dims.every(([d, v]) => (h.returned[d] ?? 0) + (h.destroyed[d] ?? 0) >= v - 1e-9);
}

export function createHolderActions(deps: { db: Database; clock: Clock; audit: AuditRecorder; recalls: RecallService }) {
  const { db, clock, audit } = deps;
  return {
    async act(ctx: RequestContext, campaignId: string, holderKey: string, input: ActionInput) {
      const d = await deps.recalls.detail(campaignId).catch(() => undefined);
      if (!d || !canSeeCampaign(ctx.actor, d.campaign, d.holders)) throw notFound(RecallErrors.RECALL_NOT_FOUND);
      const holder = d.holders.find((h) => h.key === holderKey);
      if (!holder) throw notFound(RecallErrors.RECALL_HOLDER_NOT_FOUND);
      if (!canActFor(ctx.actor, d.campaign, holder)) throw new AppError('forbidden', RecallErrors.RECALL_ACT_FORBIDDEN);
      if (d.campaign.status === 'closed') throw conflict(RecallErrors.RECALL_CLOSED, { number: d.campaign.number });
      let amount: { dimension: string; value: number } | null = null;
      if (input.action === 'returned' || input.action === 'destroyed') {
        if (input.quantity === undefined || input.quantity === null || !input.uom) throw fieldInvalid('/quantity', RecallErrors.RECALL_QUANTITY_REQUIRED);
        const unit = UNITS[input.uom.toUpperCase()];
        if (!unit) throw fieldInvalid('/uom', RecallErrors.RECALL_UOM_UNKNOWN, { uom: input.uom });
        amount = { dimension: unit.dimension, value: input.quantity * unit.factor };
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const h = (await store.holderOf(tx, campaignId, holderKey, true))!;
        const returned = { ...h.returned };
        const destroyed = { ...h.destroyed };
        if (amount && input.action === 'returned') returned[amount.dimension] = (returned[amount.dimension] ?? 0) + amount.value;
        if (amount && input.action === 'destroyed') destroyed[amount.dimension] = (destroyed[amount.dimension] ?? 0) + amount.value;
        const acknowledging = input.action !== 'note';
        let status: HolderStatus = h.status;
        if (acknowledging && (status === 'notified' || status === 'unreachable')) status = 'acknowledged';
        if (input.action === 'completed' || covers({ amounts: h.amounts, returned, destroyed })) status = 'completed';
        await store.insertAction(tx, { campaignId, holderKey, action: input.action, quantity: input.quantity ?? null, uom: input.uom?.toUpperCase() ?? null, note: input.note ?? null, recordedBy: actorId(ctx), recordedByLabel: actorLabel(ctx), at: now });
        await store.updateHolder(tx, campaignId, holderKey, { status, ...(acknowledging ? { acknowledgedAt: now, acknowledgedBy: actorLabel(ctx) } : {}), returned, destroyed });
        await audit.record(tx, ctx, {
          action: `recall.holder.${input.action}`, resourceType: 'recall.holder', resourceId: `${campaignId}/${holderKey}`,
          subject: { organizationId: h.organizationId, communeId: h.communeId, sectors: h.sectors ?? [] },
          before: { status: h.status, returned: h.returned, destroyed: h.destroyed }, after: { status, returned, destroyed, quantity: input.quantity ?? null, uom: input.uom ?? null, note: input.note ?? null },
        });
        return deps.recalls.detail(campaignId, tx);
      });
    },
  };
}

export type HolderActions = ReturnType<typeof createHolderActions>;
