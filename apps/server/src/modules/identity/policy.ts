// Who may do what with organisations, users and API keys. Every function denies unless a rule allows.
import { and, arrayContains, eq, type SQL } from 'drizzle-orm';
import {
  canReadPlacement,
  isOfficialRole,
  type Actor,
  type Placement,
  type UserActor,
} from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import { organizations } from './tables.ts';

export interface OrganizationPlacement {
  readonly id: string;
  readonly communeId: number;
  readonly sectors: readonly string[];
}

export function placementOf(org: OrganizationPlacement): Placement {
  return { organizationId: org.id, communeId: org.communeId, sectors: org.sectors };
}

export function canViewOrganization(actor: Actor, org: OrganizationPlacement): boolean {
  return canReadPlacement(actor, placementOf(org), 'organization:read');
}

/** Approving, rejecting, suspending: the province administrator, or an officer of one of the organisation's sectors. */
export function canDecideOrganization(actor: Actor, org: OrganizationPlacement): boolean {
  if (actor.type !== 'user' || !actor.mfaSatisfied) return false;
  if (actor.role === 'province_admin') return true;
  return actor.role === 'sector_officer' && actor.scope.sector !== null && org.sectors.includes(actor.scope.sector);
}

export type OrganizationEditScope = 'all' | 'contact' | 'none';

/** The province administrator edits everything; an organisation's admin edits its contact and GS1 details. */
export function organizationEditScope(actor: Actor, org: OrganizationPlacement): OrganizationEditScope {
  if (actor.type !== 'user' || !actor.mfaSatisfied) return 'none';
  if (actor.role === 'province_admin') return 'all';
  if (actor.role === 'org_admin' && actor.organizationId === org.id) return 'contact';
  return 'none';
}

/** Managing an organisation's users: its own admins, and the province administrator. */
export function canManageUsers(actor: Actor, organizationId: string): boolean {
  if (actor.type !== 'user' || !actor.mfaSatisfied) return false;
  return actor.role === 'province_admin' || (actor.role === 'org_admin' && actor.organizationId === organizationId);
}

/** Listing an organisation's users: those who manage them, and officials whose scope covers the organisation. */
export function canListUsers(actor: Actor, org: OrganizationPlacement): boolean {
  if (canManageUsers(actor, org.id)) return true;
  return actor.type === 'user' && actor.mfaSatisfied && isOfficialRole(actor.role) && canViewOrganization(actor, org);
}

/** API keys are created only by the organisation's own admins; the province administrator may list and revoke. */
export function canCreateApiKey(actor: Actor, organizationId: string): boolean {
  return actor.type === 'user' && actor.mfaSatisfied && actor.role === 'org_admin' && actor.organizationId === organizationId;
}

export function canListOrRevokeApiKeys(actor: Actor, organizationId: string): boolean {
  return canCreateApiKey(actor, organizationId) || (actor.type === 'user' && actor.mfaSatisfied && actor.role === 'province_admin');
}

export function canManageOfficials(actor: Actor): actor is UserActor {
  return actor.type === 'user' && actor.mfaSatisfied && actor.role === 'province_admin';
}

/** The SQL filter limiting an organisation list to what the actor may see; throws when it may see none. */
export function organizationListScope(actor: Actor): SQL | undefined {
  if (actor.type === 'api_key') {
    if (!actor.permissions.includes('organization:read')) throw forbidden();
    return eq(organizations.id, actor.organizationId);
  }
  if (actor.type !== 'user' || !actor.mfaSatisfied) throw forbidden();
  switch (actor.role) {
    case 'province_admin':
      return undefined;
    case 'sector_officer':
      return arrayContains(organizations.sectors, [actor.scope.sector!]);
    case 'commune_officer':
      return eq(organizations.communeId, actor.scope.communeId!);
    case 'inspector':
      return and(
        actor.scope.sector ? arrayContains(organizations.sectors, [actor.scope.sector]) : undefined,
        actor.scope.communeId ? eq(organizations.communeId, actor.scope.communeId) : undefined,
      );
    case 'org_admin':
    case 'org_staff':
      return eq(organizations.id, actor.organizationId!);
    default:
      throw forbidden();
  }
}

/** Registrations (pending organisations) are seen by officials in scope; commune officers see but cannot decide. */
export function registrationListScope(actor: Actor): SQL | undefined {
  if (actor.type !== 'user' || !actor.mfaSatisfied || !isOfficialRole(actor.role)) throw forbidden();
  return organizationListScope(actor);
}
