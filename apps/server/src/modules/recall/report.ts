// The closing report of a recall: how many holders were reached, acknowledged and finished, and how much of what
// they held came back or was destroyed, per dimension in base units (kg, L, pieces).
import type { Campaign, HolderRecord, RecallReport } from './model.ts';

export function buildReport(c: Campaign, holders: readonly HolderRecord[], affected: number, closedAt: Date): RecallReport {
  const quantities: Record<string, { held: number; returned: number; destroyed: number }> = {};
  const slot = (d: string) => (quantities[d] ??= { held: 0, returned: 0, destroyed: 0 });
  for (const h of holders) {
    for (const a of h.amounts) if (a.dimension && a.held !== null && !a.container) slot(a.dimension).held += a.held;
    for (const [d, v] of Object.entries(h.returned)) slot(d).returned += v;
    for (const [d, v] of Object.entries(h.destroyed)) slot(d).destroyed += v;
  }
  return {
    affected,
    holders: holders.length,
    registeredHolders: holders.filter((h) => h.organizationId !== null).length,
    unreachable: holders.filter((h) => h.status === 'unreachable').length,
    acknowledged: holders.filter((h) => h.acknowledgedAt !== null).length,
    completed: holders.filter((h) => h.status === 'completed').length,
    quantities,
    truncated: c.scopeTruncations.length > 0,
    openedAt: c.openedAt.toISOString(),
    closedAt: closedAt.toISOString(),
    hoursOpen: Math.round(((closedAt.getTime() - c.openedAt.getTime()) / 3_600_000) * 10) / 10,
  };
}

/** Held per dimension of one holder (what it still had when the scope was computed). */
export function heldByDimension(h: HolderRecord): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of h.amounts) if (a.dimension && a.held !== null && !a.container) out[a.dimension] = (out[a.dimension] ?? 0) + a.held;
  return out;
}
