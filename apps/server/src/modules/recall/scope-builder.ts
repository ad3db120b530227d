// The affected scope of a recall: a forward trace from every target with no reader scope (every holder must be
// found, whoever may read whose events), then every identity reached and every party that had any of them, with
// the quantities it received, passed on and still holds, its contact, and a place on the map when it has one.
import { describeCanonical, holdersOf, type Directory, type Holder, type TraceLimits, type TraceService, type Truncation } from '../trace/index.ts';
import type { Contact, HolderStatus } from './model.ts';
import { RECALLING_STEP } from './recall-events.ts';
import type { AffectedRow, NewHolder } from './store.ts';

/** Generous caps: a recall that hits one still opens, and says where it was cut. */
export const RECALL_LIMITS: TraceLimits = { maxDepth: 100, maxNodes: 500_000, maxEvents: 1_000_000 };

export interface ComputedScope {
  readonly affected: readonly AffectedRow[];
  readonly holders: readonly NewHolder[];
  readonly truncations: readonly Truncation[];
}

const INSTANCE_KINDS = new Set(['item', 'shipment', 'asset']);

export async function computeScope(deps: { trace: TraceService; directory: Directory }, targets: readonly string[], owner: string, now: Date, limits: TraceLimits = RECALL_LIMITS): Promise<ComputedScope> {
  const ownerKey = `org:${owner}`;
  const view = await deps.trace.systemTrace(targets, ['forward'], limits, ownerKey);
  const affected: AffectedRow[] = view.nodes.map((n) => ({ identity: n.id, kind: n.kind, depth: n.forwardDepth ?? 0, catalogLotId: n.catalogLotId, productId: n.product?.id ?? null }));
  const ids = new Set(affected.map((a) => a.identity));
  // The recall's own events (recorded when it opened) are not custody: they would make the producer hold everything.
  const events = view.events.filter((e) => e.event.bizStep !== RECALLING_STEP);
  const movements = view.movements.filter((m) => m.bizStep !== RECALLING_STEP);
  const holders = holdersOf(events, movements, ids, (id) => `org:${id}`);
  const orgIds = holders.map((h) => h.party).filter((k) => k.startsWith('org:')).map((k) => k.slice(4));
  const [orgs, places] = await Promise.all([deps.directory.organizationsById(orgIds), deps.directory.locatedPlaceOf(orgIds)]);
  const suppliers = new Map<string, Set<string>>();
  for (const m of movements) {
    if (!m.to || !m.from || m.from === m.to || !m.what.some((q) => ids.has(q.id))) continue;
    suppliers.set(m.to, (suppliers.get(m.to) ?? new Set()).add(m.from));
  }
  const out: NewHolder[] = holders.map((h: Holder) => {
    const orgId = h.party.startsWith('org:') ? h.party.slice(4) : null;
    const org = orgId ? orgs.get(orgId) : undefined;
    const party = view.parties.get(h.party) ?? [...view.parties.values()].find((p) => p.key === h.party);
    const place = orgId ? places.get(orgId) : undefined;
    const contact: Contact = org
      ? { address: org.address, phone: org.phone, email: org.email, representative: org.representative, gln: org.gln, uri: party?.uri ?? null }
      : { address: null, phone: null, email: null, representative: null, gln: party?.gln ?? describeCanonical(h.party).gln ?? null, uri: h.party };
    const from = [...(suppliers.get(h.party) ?? [])];
    const status: HolderStatus = org ? 'notified' : 'unreachable';
    return {
      key: h.party, organizationId: org?.id ?? null, name: org?.name ?? party?.name ?? h.party, contact, communeId: org?.communeId ?? null, sectors: org ? [...org.sectors] : null,
      latitude: place?.latitude ?? null, longitude: place?.longitude ?? null, amounts: h.amounts, direct: from.includes(ownerKey), suppliedBy: from,
      firstReceivedAt: h.firstReceivedAt, lastMovedAt: h.lastMovedAt, status, notifiedAt: org ? now : null,
    };
  });
  return { affected, holders: out, truncations: view.truncations };
}

/** Instances go in an event's epcList, classes (lots, products) in its quantityList (EPCIS 2.0 §7.3.3). */
export function isInstance(row: Pick<AffectedRow, 'identity' | 'kind'>): boolean {
  return INSTANCE_KINDS.has(row.kind) || (row.kind === 'other' && !/\/id\/lot\//.test(row.identity));
}
