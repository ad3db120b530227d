// A recall as the API answers it, for one reader: holders it may not see in full keep their status, quantities
// and commune, without name or contact (policy.ts seesHolder).
import type { Actor } from '../../platform/auth/actor.ts';
import { translateBoth } from '../../platform/i18n/messages.ts';
import { presentTruncation } from '../trace/index.ts';
import type { Campaign, HolderRecord } from './model.ts';
import { canActFor, canClose, seesHolder } from './policy.ts';
import type { CampaignDetail } from './recall-service.ts';
import { heldByDimension } from './report.ts';

export function presentCampaignSummary(c: Campaign) {
  return {
    id: c.id, number: c.number, status: c.status, severity: c.severity, severityLabel: translateBoth(`RECALL_SEVERITY_${c.severity}`),
    reason: c.reason, instructions: c.instructions, contact: c.contact, organizationId: c.organizationId, openerKind: c.openerKind,
    openedByLabel: c.openedByLabel, openedAt: c.openedAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null,
    criteria: c.criteria, targets: c.targets, truncated: c.scopeTruncations.length > 0,
  };
}

function presentHolder(actor: Actor, c: Campaign, h: HolderRecord, index: number) {
  const full = seesHolder(actor, c, h);
  return {
    key: full ? h.key : `hidden-${index + 1}`,
    visible: full,
    organizationId: full ? h.organizationId : null,
    name: full ? h.name : null,
    contact: full ? h.contact : null,
    communeId: h.communeId,
    latitude: full ? h.latitude : null,
    longitude: full ? h.longitude : null,
    registered: h.organizationId !== null,
    direct: h.direct,
    suppliedBy: full ? h.suppliedBy : [],
    amounts: h.amounts,
    held: heldByDimension(h),
    returned: h.returned,
    destroyed: h.destroyed,
    status: h.status,
    notifiedAt: h.notifiedAt?.toISOString() ?? null,
    acknowledgedAt: h.acknowledgedAt?.toISOString() ?? null,
    firstReceivedAt: h.firstReceivedAt?.toISOString() ?? null,
    canAct: full && c.status === 'open' && canActFor(actor, c, h),
  };
}

export function presentCampaign(actor: Actor, d: CampaignDetail) {
  const c = d.campaign;
  const holders = d.holders.map((h, i) => presentHolder(actor, c, h, i));
  const keyOf = new Map(d.holders.map((h, i) => [h.key, holders[i]!.key]));
  const count = (s: HolderRecord['status']) => d.holders.filter((h) => h.status === s).length;
  return {
    ...presentCampaignSummary(c),
    closingNote: c.closingNote,
    closedByLabel: c.closedByLabel,
    scopeComputedAt: c.scopeComputedAt.toISOString(),
    truncations: c.scopeTruncations.map(presentTruncation),
    openEventIds: c.openEventIds,
    closeEventIds: c.closeEventIds,
    report: c.report,
    affectedCount: d.affectedCount,
    summary: {
      holders: d.holders.length, direct: d.holders.filter((h) => h.direct).length,
      notified: count('notified'), unreachable: count('unreachable'), acknowledged: count('acknowledged'), completed: count('completed'),
    },
    holders,
    actions: d.actions.map((a) => ({ ...a, holderKey: keyOf.get(a.holderKey) ?? a.holderKey, recordedAt: a.recordedAt.toISOString(), recordedByLabel: holders.find((h) => h.key === keyOf.get(a.holderKey))?.visible ? a.recordedByLabel : null })),
    canClose: c.status === 'open' && canClose(actor, c),
  };
}

export type CampaignResponse = ReturnType<typeof presentCampaign>;
