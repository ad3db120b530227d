// Reads and writes of the recall schema. Every write takes the caller's transaction, so a campaign, its scope, its
// notifications, its EPCIS events, its ledger entry and its audit record commit together or not at all.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import type { ActionRecord, Campaign, HolderAction, HolderRecord, HolderStatus, RecallReport } from './model.ts';

interface CampaignRow {
  id: string; number: string; status: Campaign['status']; severity: Campaign['severity']; reason: string; instructions: string | null; contact: string | null;
  organization_id: string; org_commune_id: number; org_sectors: string[]; opener_kind: Campaign['openerKind']; opened_by: string; opened_by_label: string;
  opened_at: Date | string; criteria: Campaign['criteria']; targets: string[]; scope_truncations: Campaign['scopeTruncations']; scope_computed_at: Date | string;
  open_event_ids: string[]; closed_at: Date | string | null; closed_by_label: string | null; closing_note: string | null; close_event_ids: string[];
  report: RecallReport | null; updated_at: Date | string;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function toCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id, number: r.number, status: r.status, severity: r.severity, reason: r.reason, instructions: r.instructions, contact: r.contact,
    organizationId: r.organization_id, orgCommuneId: r.org_commune_id, orgSectors: r.org_sectors, openerKind: r.opener_kind, openedBy: r.opened_by,
    openedByLabel: r.opened_by_label, openedAt: new Date(r.opened_at), criteria: r.criteria, targets: r.targets,
    scopeTruncations: r.scope_truncations.map((t) => ({ ...t })), scopeComputedAt: new Date(r.scope_computed_at), openEventIds: r.open_event_ids,
    closedAt: date(r.closed_at), closedByLabel: r.closed_by_label, closingNote: r.closing_note, closeEventIds: r.close_event_ids, report: r.report,
    updatedAt: new Date(r.updated_at),
  };
}

interface HolderRow {
  campaign_id: string; holder_key: string; organization_id: string | null; name: string; contact: HolderRecord['contact']; commune_id: number | null;
  sectors: string[] | null; latitude: number | null; longitude: number | null; amounts: HolderRecord['amounts']; direct: boolean; supplied_by: string[];
  first_received_at: Date | string | null; last_moved_at: Date | string | null; status: HolderStatus; notified_at: Date | string | null;
  acknowledged_at: Date | string | null; acknowledged_by: string | null; returned: Record<string, number>; destroyed: Record<string, number>;
}

function toHolder(r: HolderRow): HolderRecord {
  return {
    campaignId: r.campaign_id, key: r.holder_key, organizationId: r.organization_id, name: r.name, contact: r.contact, communeId: r.commune_id, sectors: r.sectors,
    latitude: r.latitude, longitude: r.longitude, amounts: r.amounts, direct: r.direct, suppliedBy: r.supplied_by, firstReceivedAt: date(r.first_received_at),
    lastMovedAt: date(r.last_moved_at), status: r.status, notifiedAt: date(r.notified_at), acknowledgedAt: date(r.acknowledged_at), acknowledgedBy: r.acknowledged_by,
    returned: r.returned, destroyed: r.destroyed,
  };
}

export async function nextNumber(tx: Orm, year: number): Promise<string> {
  const [r] = await rows<{ n: number }>(tx, sql`select nextval('recall.campaign_number')::int as n`);
  return `TH-${year}-${String(r!.n).padStart(4, '0')}`;
}

export type NewCampaign = Omit<Campaign, 'closedAt' | 'closedByLabel' | 'closingNote' | 'closeEventIds' | 'report' | 'updatedAt' | 'status'>;

export async function insertCampaign(tx: Orm, c: NewCampaign): Promise<void> {
  await tx.execute(sql`
    insert into recall.campaigns (id, number, status, severity, reason, instructions, contact, organization_id, org_commune_id, org_sectors, opener_kind,
      opened_by, opened_by_label, opened_at, criteria, targets, scope_truncations, scope_computed_at, open_event_ids)
    values (${c.id}::uuid, ${c.number}, 'open', ${c.severity}, ${c.reason}, ${c.instructions}, ${c.contact}, ${c.organizationId}::uuid, ${c.orgCommuneId},
      ${sql.param([...c.orgSectors])}::text[], ${c.openerKind}, ${c.openedBy}, ${c.openedByLabel}, ${c.openedAt.toISOString()}::timestamptz,
      ${JSON.stringify(c.criteria)}::jsonb, ${sql.param([...c.targets])}::text[], ${JSON.stringify(c.scopeTruncations)}::jsonb,
      ${c.scopeComputedAt.toISOString()}::timestamptz, ${sql.param([...c.openEventIds])}::text[])`);
}

export interface AffectedRow {
  readonly identity: string;
  readonly kind: string;
  readonly depth: number;
  readonly catalogLotId: string | null;
  readonly productId: string | null;
}

/** Adds affected identities (already known ones are kept as they are); returns how many were new. */
export async function addAffected(tx: Orm, campaignId: string, list: readonly AffectedRow[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < list.length; i += 5000) {
    const chunk = list.slice(i, i + 5000);
    const r = await rows<{ identity: string }>(tx, sql`
      insert into recall.affected (campaign_id, identity, kind, depth, catalog_lot_id, product_id)
      select ${campaignId}::uuid, u.identity, u.kind, u.depth, u.lot, u.product
      from unnest(${sql.param(chunk.map((a) => a.identity))}::text[], ${sql.param(chunk.map((a) => a.kind))}::text[], ${sql.param(chunk.map((a) => a.depth))}::int[],
        ${sql.param(chunk.map((a) => a.catalogLotId))}::uuid[], ${sql.param(chunk.map((a) => a.productId))}::uuid[]) as u(identity, kind, depth, lot, product)
      on conflict (campaign_id, identity) do nothing
      returning identity`);
    added += r.length;
  }
  return added;
}

export type NewHolder = Omit<HolderRecord, 'campaignId' | 'acknowledgedAt' | 'acknowledgedBy' | 'returned' | 'destroyed'>;

/**
 * Adds holders, or refreshes the figures of known ones (their acknowledgement, returns and status stay).
 * Returns the keys that were new.
 */
export async function upsertHolders(tx: Orm, campaignId: string, list: readonly NewHolder[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  // One statement for all holders (a recall reaches hundreds): the rows travel as one JSON document.
  for (let i = 0; i < list.length; i += 2000) {
    const chunk = list.slice(i, i + 2000).map((h) => ({
      key: h.key, organization_id: h.organizationId, name: h.name, contact: h.contact, commune_id: h.communeId, sectors: h.sectors ? [...h.sectors] : null,
      latitude: h.latitude, longitude: h.longitude, amounts: h.amounts, direct: h.direct, supplied_by: [...h.suppliedBy],
      first_received_at: h.firstReceivedAt?.toISOString() ?? null, last_moved_at: h.lastMovedAt?.toISOString() ?? null, status: h.status,
      notified_at: h.notifiedAt?.toISOString() ?? null,
    }));
    const r = await rows<{ holder_key: string; inserted: boolean }>(tx, sql`
      insert into recall.holders (campaign_id, holder_key, organization_id, name, contact, commune_id, sectors, latitude, longitude, amounts, direct, supplied_by,
        first_received_at, last_moved_at, status, notified_at)
      select ${campaignId}::uuid, h.key, h.organization_id, h.name, h.contact, h.commune_id, h.sectors, h.latitude, h.longitude, h.amounts, h.direct, h.supplied_by,
        h.first_received_at, h.last_moved_at, h.status, h.notified_at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as h(key text, organization_id uuid, name text, contact jsonb, commune_id integer, sectors text[],
        latitude double precision, longitude double precision, amounts jsonb, direct boolean, supplied_by text[], first_received_at timestamptz,
        last_moved_at timestamptz, status text, notified_at timestamptz)
      on conflict (campaign_id, holder_key) do update set amounts = excluded.amounts, direct = excluded.direct, supplied_by = excluded.supplied_by,
        first_received_at = excluded.first_received_at, last_moved_at = excluded.last_moved_at, updated_at = now()
      returning holder_key, (xmax = 0) as inserted`);
    const inserted = new Set(r.filter((x) => x.inserted).map((x) => x.holder_key));
    for (const h of chunk) if (inserted.has(h.key)) fresh.add(h.key);
  }
  return fresh;
}

export async function getCampaign(db: Orm, id: string, forUpdate = false): Promise<Campaign | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [r] = await rows<CampaignRow>(db, sql`select * from recall.campaigns where id = ${id}::uuid ${forUpdate ? sql`for update` : sql``}`);
  return r ? toCampaign(r) : undefined;
}

export async function campaignByNumber(db: Orm, number: string): Promise<Campaign | undefined> {
  const [r] = await rows<CampaignRow>(db, sql`select * from recall.campaigns where number = ${number}`);
  return r ? toCampaign(r) : undefined;
}

/** Campaigns matching `where` (a condition on alias c), newest first. */
export async function listCampaigns(db: Orm, where: SQL, limit: number, offset: number): Promise<{ items: Campaign[]; total: number }> {
  const [items, [count]] = await Promise.all([
    rows<CampaignRow>(db, sql`select c.* from recall.campaigns c where ${where} order by c.opened_at desc, c.id limit ${limit} offset ${offset}`),
    rows<{ n: number }>(db, sql`select count(*)::int as n from recall.campaigns c where ${where}`),
  ]);
  return { items: items.map(toCampaign), total: Number(count?.n ?? 0) };
}

export async function holdersOfCampaign(db: Orm, campaignId: string): Promise<HolderRecord[]> {
  const list = await rows<HolderRow>(db, sql`select * from recall.holders where campaign_id = ${campaignId}::uuid order by direct desc, name, holder_key`);
  return list.map(toHolder);
}

export async function holderOf(db: Orm, campaignId: string, key: string, forUpdate = false): Promise<HolderRecord | undefined> {
  const [r] = await rows<HolderRow>(db, sql`select * from recall.holders where campaign_id = ${campaignId}::uuid and holder_key = ${key} ${forUpdate ? sql`for update` : sql``}`);
  return r ? toHolder(r) : undefined;
}

export async function affectedCount(db: Orm, campaignId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from recall.affected where campaign_id = ${campaignId}::uuid`);
  return Number(r?.n ?? 0);
}

export async function affectedOf(db: Orm, campaignId: string, limit: number): Promise<AffectedRow[]> {
  const list = await rows<{ identity: string; kind: string; depth: number; catalog_lot_id: string | null; product_id: string | null }>(db, sql`
    select identity, kind, depth, catalog_lot_id, product_id from recall.affected where campaign_id = ${campaignId}::uuid order by depth, identity limit ${limit}`);
  return list.map((a) => ({ identity: a.identity, kind: a.kind, depth: a.depth, catalogLotId: a.catalog_lot_id, productId: a.product_id }));
}

export async function updateHolder(tx: Orm, campaignId: string, key: string, patch: { status: HolderStatus; acknowledgedAt?: Date; acknowledgedBy?: string; returned?: Record<string, number>; destroyed?: Record<string, number> }): Promise<void> {
  await tx.execute(sql`
    update recall.holders set status = ${patch.status},
      acknowledged_at = coalesce(acknowledged_at, ${patch.acknowledgedAt?.toISOString() ?? null}::timestamptz),
      acknowledged_by = coalesce(acknowledged_by, ${patch.acknowledgedBy ?? null}),
      returned = coalesce(${patch.returned ? JSON.stringify(patch.returned) : null}::jsonb, returned),
      destroyed = coalesce(${patch.destroyed ? JSON.stringify(patch.destroyed) : null}::jsonb, destroyed),
      updated_at = now()
    where campaign_id = ${campaignId}::uuid and holder_key = ${key}`);
  await tx.execute(sql`update recall.campaigns set updated_at = now() where id = ${campaignId}::uuid`);
}

export async function insertAction(tx: Orm, a: { campaignId: string; holderKey: string; action: HolderAction; quantity: number | null; uom: string | null; note: string | null; recordedBy: string; recordedByLabel: string; at: Date }): Promise<void> {
  await tx.execute(sql`
    insert into recall.holder_actions (campaign_id, holder_key, action, quantity, uom, note, recorded_by, recorded_by_label, recorded_at)
    values (${a.campaignId}::uuid, ${a.holderKey}, ${a.action}, ${a.quantity}, ${a.uom}, ${a.note}, ${a.recordedBy}, ${a.recordedByLabel}, ${a.at.toISOString()}::timestamptz)`);
}

export async function actionsOf(db: Orm, campaignId: string): Promise<ActionRecord[]> {
  const list = await rows<{ id: number; holder_key: string; action: HolderAction; quantity: number | null; uom: string | null; note: string | null; recorded_by_label: string; recorded_at: Date | string }>(db, sql`
    select id, holder_key, action, quantity, uom, note, recorded_by_label, recorded_at from recall.holder_actions where campaign_id = ${campaignId}::uuid order by id`);
  return list.map((r) => ({ id: Number(r.id), holderKey: r.holder_key, action: r.action, quantity: r.quantity, uom: r.uom, note: r.note, recordedByLabel: r.recorded_by_label, recordedAt: new Date(r.recorded_at) }));
}

export async function updateScope(tx: Orm, campaignId: string, truncations: Campaign['scopeTruncations'], at: Date): Promise<void> {
  await tx.execute(sql`update recall.campaigns set scope_truncations = ${JSON.stringify(truncations)}::jsonb, scope_computed_at = ${at.toISOString()}::timestamptz, updated_at = now() where id = ${campaignId}::uuid`);
}

export async function closeCampaign(tx: Orm, id: string, c: { at: Date; by: string; byLabel: string; note: string | null; eventIds: readonly string[]; report: RecallReport }): Promise<void> {
  await tx.execute(sql`
    update recall.campaigns set status = 'closed', closed_at = ${c.at.toISOString()}::timestamptz, closed_by = ${c.by}, closed_by_label = ${c.byLabel},
      closing_note = ${c.note}, close_event_ids = ${sql.param([...c.eventIds])}::text[], report = ${JSON.stringify(c.report)}::jsonb, updated_at = now()
    where id = ${id}::uuid`);
}

/** The product of the recalled goods: the nearest affected identity that is a known product (the targets first). */
export async function firstProductOf(db: Orm, campaignId: string): Promise<string | null> {
  const [r] = await rows<{ product_id: string }>(db, sql`
    select product_id from recall.affected where campaign_id = ${campaignId}::uuid and product_id is not null order by depth, identity limit 1`);
  return r?.product_id ?? null;
}
