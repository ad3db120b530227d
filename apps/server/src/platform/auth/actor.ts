// Who is making a request. The identity module resolves it (session cookie or API key); every module's policy
// decides from it. Deny by default: an action is allowed only where a policy says so.
export const ROLES = ['province_admin', 'sector_officer', 'commune_officer', 'inspector', 'org_admin', 'org_staff'] as const;
export type Role = (typeof ROLES)[number];
export const OFFICIAL_ROLES = ['province_admin', 'sector_officer', 'commune_officer', 'inspector'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];
export const ORGANIZATION_ROLES = ['org_admin', 'org_staff'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const SECTORS = ['agriculture-environment', 'industry-trade', 'health'] as const;
export type Sector = (typeof SECTORS)[number];

/** What an API key may do; organisation admins grant a subset when they create a key. */
export const API_PERMISSIONS = [
  'organization:read',
  'catalog:read',
  'catalog:write',
  'events:read',
  'events:capture',
  'stamps:read',
  'stamps:write',
  'trace:read',
  'devices:write',
] as const;
export type ApiPermission = (typeof API_PERMISSIONS)[number];

export interface OfficialScope {
  /** Sector officers (and scoped inspectors) see only organisations of this sector. */
  readonly sector: Sector | null;
  /** Commune officers (and scoped inspectors) see only organisations of this commune. */
  readonly communeId: number | null;
  readonly departmentCode: string | null;
}

export type Actor =
  | { readonly type: 'anonymous' }
  | {
      readonly type: 'user';
      readonly userId: string;
      readonly email: string;
      readonly role: Role;
      readonly organizationId: string | null;
      readonly scope: OfficialScope;
      readonly sessionId: string;
      /** False while an official who must use a second factor has not enrolled one: only enrolment is allowed. */
      readonly mfaSatisfied: boolean;
    }
  | {
      readonly type: 'api_key';
      readonly keyId: string;
      readonly name: string;
      readonly organizationId: string;
      readonly permissions: readonly ApiPermission[];
    }
  | { readonly type: 'system'; readonly reason: string };

export type UserActor = Extract<Actor, { type: 'user' }>;
export type ApiKeyActor = Extract<Actor, { type: 'api_key' }>;

export const ANONYMOUS: Actor = Object.freeze({ type: 'anonymous' });

export function isOfficialRole(role: Role): role is OfficialRole {
  return (OFFICIAL_ROLES as readonly string[]).includes(role);
}

export function isOfficial(actor: Actor): actor is UserActor & { role: OfficialRole } {
  return actor.type === 'user' && isOfficialRole(actor.role);
}

export function isProvinceAdmin(actor: Actor): boolean {
  return actor.type === 'user' && actor.role === 'province_admin';
}

/** The organisation an actor acts for (organisation users and API keys), or null for officials/anonymous. */
export function actingOrganizationId(actor: Actor): string | null {
  if (actor.type === 'api_key') return actor.organizationId;
  if (actor.type === 'user' && !isOfficialRole(actor.role)) return actor.organizationId;
  return null;
}

/** Where a record sits, for scope checks: its organisation, that organisation's commune and sectors. */
export interface Placement {
  readonly organizationId: string | null;
  readonly communeId: number | null;
  readonly sectors: readonly string[];
}

/**
 * Whether an official's scope covers a record. Province admins see all; sector officers their sector; commune
 * officers their commune; inspectors their sector and/or commune when scoped, else the whole province.
 */
export function officialScopeCovers(actor: UserActor, placement: Placement): boolean {
  switch (actor.role) {
    case 'province_admin':
      return true;
    case 'sector_officer':
      return actor.scope.sector !== null && placement.sectors.includes(actor.scope.sector);
    case 'commune_officer':
      return actor.scope.communeId !== null && placement.communeId === actor.scope.communeId;
    case 'inspector': {
      const sectorOk = actor.scope.sector === null || placement.sectors.includes(actor.scope.sector);
      const communeOk = actor.scope.communeId === null || placement.communeId === actor.scope.communeId;
      return sectorOk && communeOk;
    }
    default:
      return false;
  }
}

/** Read access to an organisation's records: its own users and keys (with a read permission), or an official in scope. */
export function canReadPlacement(actor: Actor, placement: Placement, apiPermission?: ApiPermission): boolean {
  if (actor.type === 'user') {
    if (!actor.mfaSatisfied) return false;
    if (isOfficialRole(actor.role)) return officialScopeCovers(actor, placement);
    return actor.organizationId !== null && actor.organizationId === placement.organizationId;
  }
  if (actor.type === 'api_key') {
    return actor.organizationId === placement.organizationId && (apiPermission === undefined || actor.permissions.includes(apiPermission));
  }
  return actor.type === 'system';
}
