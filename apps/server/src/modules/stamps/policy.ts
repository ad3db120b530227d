// Who may do what with stamps. Deny by default. An organisation's users and its API keys (stamps:read /
// stamps:write) reach only their own requests and stamps; officials read within their scope
// (officialScopeCovers); the province administrator, or the officer of the product's sector, decides requests
// and may void or recall stamps in scope. Records out of reach answer 404, so their existence is not revealed.
import { and, arrayOverlaps, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { canReadPlacement, isOfficialRole, type Actor, type Placement } from '../../platform/auth/actor.ts';
import { GuardErrors } from '../../platform/auth/guard.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { StampErrors } from './messages.ts';

export interface StampPlacement {
  readonly organizationId: string;
  readonly orgCommuneId: number;
  readonly orgSectors: readonly string[];
  /** The product's sector, when it names one: then only that sector's officer decides. */
  readonly productSector?: string | null;
}

const placementOf = (r: StampPlacement): Placement => ({ organizationId: r.organizationId, communeId: r.orgCommuneId, sectors: r.orgSectors });

export function canReadStamps(actor: Actor, record: StampPlacement): boolean {
  return canReadPlacement(actor, placementOf(record), 'stamps:read');
}

/** The organisation on whose behalf the actor requests and handles stamps; throws when it may not. */
export function operatingOrganization(actor: Actor): string {
  if (actor.type === 'api_key') {
    if (!actor.permissions.includes('stamps:write')) throw forbidden(GuardErrors.API_KEY_PERMISSION_MISSING, { permission: 'stamps:write' });
    return actor.organizationId;
  }
  if (actor.type === 'user' && actor.mfaSatisfied && !isOfficialRole(actor.role) && actor.organizationId) return actor.organizationId;
  if (actor.type === 'user' && isOfficialRole(actor.role)) throw new AppError('forbidden', StampErrors.STAMP_ORGANIZATION_REQUIRED);
  throw forbidden();
}

/** Printing, activating, voiding and reporting loss: the owning organisation's users and stamps:write keys. */
export function canOperate(actor: Actor, record: { organizationId: string }): boolean {
  if (actor.type === 'api_key') return actor.permissions.includes('stamps:write') && actor.organizationId === record.organizationId;
  return actor.type === 'user' && actor.mfaSatisfied && !isOfficialRole(actor.role) && actor.organizationId === record.organizationId;
}

/** Approving or rejecting a request: the province administrator, or the officer of the product's sector. */
export function canDecide(actor: Actor, record: StampPlacement): boolean {
  if (actor.type !== 'user' || !actor.mfaSatisfied) return false;
  if (actor.role === 'province_admin') return true;
  if (actor.role !== 'sector_officer' || actor.scope.sector === null) return false;
  return record.productSector ? record.productSector === actor.scope.sector : record.orgSectors.includes(actor.scope.sector);
}

/** Officials who may void or recall stamps they can read (fraud, withdrawal): as for deciding requests. */
export const canIntervene = canDecide;

/** Setting quotas: the province administrator only. */
export function canSetQuota(actor: Actor): boolean {
  return actor.type === 'user' && actor.mfaSatisfied && actor.role === 'province_admin';
}

interface ScopedColumns {
  readonly organizationId: PgColumn;
  readonly orgCommuneId: PgColumn;
  readonly orgSectors: PgColumn;
}

/** SQL filter of a list to what the actor may read (the rule of canReadStamps); `false` = nothing. */
export function readScope(actor: Actor, t: ScopedColumns): SQL | undefined | false {
  if (actor.type === 'api_key') return actor.permissions.includes('stamps:read') ? eq(t.organizationId, actor.organizationId) : false;
  if (actor.type === 'system') return undefined;
  if (actor.type !== 'user' || !actor.mfaSatisfied) return false;
  switch (actor.role) {
    case 'province_admin':
      return undefined;
    case 'sector_officer':
      return actor.scope.sector ? arrayOverlaps(t.orgSectors, [actor.scope.sector]) : false;
    case 'commune_officer':
      return actor.scope.communeId !== null ? eq(t.orgCommuneId, actor.scope.communeId) : false;
    case 'inspector':
      return (
        and(
          actor.scope.sector ? arrayOverlaps(t.orgSectors, [actor.scope.sector]) : undefined,
          actor.scope.communeId !== null ? eq(t.orgCommuneId, actor.scope.communeId) : undefined,
        ) ?? sql`true`
      );
    case 'org_admin':
    case 'org_staff':
      return actor.organizationId ? eq(t.organizationId, actor.organizationId) : false;
    default:
      return false;
  }
}
