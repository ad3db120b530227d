// Who may open, see and work on a recall, deny by default:
// - open: an official whose scope covers the producer, or the producer's own administrator (its own goods);
// - see: officials whose scope covers the producer or one of the holders; the producer; every holder;
// - holders in full (name, contact): officials covering the producer see all; others see the holders their scope
//   covers; the producer sees its direct customers (one step forward); a holder sees itself. Everyone who sees a
//   recall sees every holder's status and quantities, with the name withheld where they may not see it;
// - record a holder's acknowledgement or returns: the holder itself, the officials who see it in full, and the
//   producer for its direct customers (it is the one who calls them);
// - close: officials covering the producer; the producer when it opened the recall itself.
import { sql, type SQL } from 'drizzle-orm';
import { actingOrganizationId, isOfficial, officialScopeCovers, type Actor, type Placement } from '../../platform/auth/actor.ts';
import type { Campaign, HolderRecord } from './model.ts';

export const producerPlacement = (c: Pick<Campaign, 'organizationId' | 'orgCommuneId' | 'orgSectors'>): Placement => ({ organizationId: c.organizationId, communeId: c.orgCommuneId, sectors: c.orgSectors });

const signedIn = (actor: Actor) => actor.type === 'system' || (actor.type === 'user' && actor.mfaSatisfied);

/** How the actor opens a recall of goods owned by `owner`, or null when it may not. */
export function openerKind(actor: Actor, owner: Placement): 'official' | 'producer' | null {
  if (actor.type !== 'user' || !actor.mfaSatisfied) return null;
  if (isOfficial(actor)) return officialScopeCovers(actor, owner) ? 'official' : null;
  return actor.role === 'org_admin' && actor.organizationId === owner.organizationId ? 'producer' : null;
}

export function coversProducer(actor: Actor, c: Campaign): boolean {
  if (actor.type === 'system') return true;
  return isOfficial(actor) && actor.mfaSatisfied && officialScopeCovers(actor, producerPlacement(c));
}

function coversHolder(actor: Actor, h: HolderRecord): boolean {
  if (!isOfficial(actor) || !actor.mfaSatisfied || h.communeId === null) return false;
  return officialScopeCovers(actor, { organizationId: h.organizationId, communeId: h.communeId, sectors: h.sectors ?? [] });
}

/** Whether the actor sees this holder's name and contact. */
export function seesHolder(actor: Actor, c: Campaign, h: HolderRecord): boolean {
  if (coversProducer(actor, c) || coversHolder(actor, h)) return true;
  const org = actingOrganizationId(actor);
  if (!org || !signedIn(actor)) return false;
  if (h.organizationId === org) return true;
  return org === c.organizationId && (h.direct || h.key === `org:${c.organizationId}`);
}

export function canSeeCampaign(actor: Actor, c: Campaign, holders: readonly HolderRecord[]): boolean {
  if (!signedIn(actor) && actor.type !== 'api_key') return false;
  if (coversProducer(actor, c)) return true;
  if (holders.some((h) => coversHolder(actor, h))) return true;
  const org = actingOrganizationId(actor);
  return org !== null && (org === c.organizationId || holders.some((h) => h.organizationId === org));
}

export function canActFor(actor: Actor, c: Campaign, h: HolderRecord): boolean {
  if (actor.type !== 'user' || !actor.mfaSatisfied) return false;
  if (coversProducer(actor, c) || coversHolder(actor, h)) return true;
  if (actor.organizationId !== null && actor.organizationId === h.organizationId) return true;
  return actor.role === 'org_admin' && actor.organizationId === c.organizationId && h.direct;
}

export function canClose(actor: Actor, c: Campaign): boolean {
  if (actor.type !== 'user' || !actor.mfaSatisfied) return false;
  if (coversProducer(actor, c)) return true;
  return c.openerKind === 'producer' && actor.role === 'org_admin' && actor.organizationId === c.organizationId;
}

/** The SQL condition on `recall.campaigns c` keeping the campaigns an actor may see (as canSeeCampaign). */
export function listCondition(actor: Actor): SQL {
  if (actor.type === 'system') return sql`true`;
  if (actor.type === 'user' && !actor.mfaSatisfied) return sql`false`;
  if (isOfficial(actor)) {
    const { sector, communeId } = actor.scope;
    const placed = (communeCol: SQL, sectorsCol: SQL): SQL => {
      switch (actor.role) {
        case 'province_admin':
          return sql`true`;
        case 'sector_officer':
          return sector ? sql`${sectorsCol} && ${sql.param([sector])}::text[]` : sql`false`;
        case 'commune_officer':
          return communeId !== null ? sql`${communeCol} = ${communeId}` : sql`false`;
        default:
          return sql`(${sector ? sql`${sectorsCol} && ${sql.param([sector])}::text[]` : sql`true`} and ${communeId !== null ? sql`${communeCol} = ${communeId}` : sql`true`})`;
      }
    };
    return sql`(${placed(sql`c.org_commune_id`, sql`c.org_sectors`)} or exists (select 1 from recall.holders h where h.campaign_id = c.id and ${placed(sql`h.commune_id`, sql`h.sectors`)}))`;
  }
  const org = actingOrganizationId(actor);
  if (!org) return sql`false`;
  return sql`(c.organization_id = ${org}::uuid or exists (select 1 from recall.holders h where h.campaign_id = c.id and h.organization_id = ${org}::uuid))`;
}

