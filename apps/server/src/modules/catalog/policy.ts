// Who may read and change catalog records. Deny by default: an organisation's users and its API keys (with
// catalog:read / catalog:write) reach only their own records; officials read within their scope
// (officialScopeCovers); nobody else reads anything but published products. Records out of reach answer 404.
import { and, arrayOverlaps, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { canReadPlacement, isOfficialRole, type Actor, type Placement } from '../../platform/auth/actor.ts';
import { GuardErrors } from '../../platform/auth/guard.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { CatalogErrors } from './messages.ts';

export interface CatalogRecord {
  readonly organizationId: string;
  readonly orgCommuneId: number;
  readonly orgSectors: readonly string[];
}

export function placementOfRecord(r: CatalogRecord): Placement {
  return { organizationId: r.organizationId, communeId: r.orgCommuneId, sectors: r.orgSectors };
}

export function canReadRecord(actor: Actor, record: CatalogRecord): boolean {
  return canReadPlacement(actor, placementOfRecord(record), 'catalog:read');
}

/** The organisation on whose behalf the actor may write catalog records; throws when it may not write at all. */
export function writingOrganization(actor: Actor): string {
  if (actor.type === 'api_key') {
    if (!actor.permissions.includes('catalog:write')) throw forbidden(GuardErrors.API_KEY_PERMISSION_MISSING, { permission: 'catalog:write' });
    return actor.organizationId;
  }
  if (actor.type === 'user' && actor.mfaSatisfied && !isOfficialRole(actor.role) && actor.organizationId) return actor.organizationId;
  if (actor.type === 'user' && isOfficialRole(actor.role)) throw new AppError('forbidden', CatalogErrors.CATALOG_ORGANIZATION_REQUIRED);
  throw forbidden();
}

export function canWriteRecord(actor: Actor, record: { organizationId: string }): boolean {
  if (actor.type === 'api_key') return actor.permissions.includes('catalog:write') && actor.organizationId === record.organizationId;
  return actor.type === 'user' && actor.mfaSatisfied && !isOfficialRole(actor.role) && actor.organizationId === record.organizationId;
}

interface ScopedColumns {
  readonly organizationId: PgColumn;
  readonly orgCommuneId: PgColumn;
  readonly orgSectors: PgColumn;
}

/**
 * The SQL filter of a list to what the actor may read (the same rule as canReadRecord). Returns `false` when it
 * may read nothing, so callers answer an empty list rather than an error.
 */
export function readScope(actor: Actor, t: ScopedColumns): SQL | undefined | false {
  if (actor.type === 'api_key') return actor.permissions.includes('catalog:read') ? eq(t.organizationId, actor.organizationId) : false;
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
      return and(
        actor.scope.sector ? arrayOverlaps(t.orgSectors, [actor.scope.sector]) : undefined,
        actor.scope.communeId !== null ? eq(t.orgCommuneId, actor.scope.communeId) : undefined,
      ) ?? sql`true`;
    case 'org_admin':
    case 'org_staff':
      return actor.organizationId ? eq(t.organizationId, actor.organizationId) : false;
    default:
      return false;
  }
}
