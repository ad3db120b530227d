// Shapes of the server's JSON responses (apps/server/src/modules/*/presenter.ts and http-schemas.ts).
export const ROLES = ['province_admin', 'sector_officer', 'commune_officer', 'inspector', 'org_admin', 'org_staff'] as const;
export type Role = (typeof ROLES)[number];
export const OFFICIAL_ROLES = ['province_admin', 'sector_officer', 'commune_officer', 'inspector'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];
export const ORGANIZATION_ROLES = ['org_admin', 'org_staff'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const SECTORS = ['agriculture-environment', 'industry-trade', 'health'] as const;
export type Sector = (typeof SECTORS)[number];

export const ORGANIZATION_KINDS = ['enterprise', 'cooperative', 'cooperative_group', 'household_business', 'individual', 'state_agency'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
/** Kinds that must give a tax code (the server's rule; households and individuals may register without one). */
export const TAX_CODE_REQUIRED_KINDS: readonly OrganizationKind[] = ['enterprise', 'cooperative', 'cooperative_group', 'state_agency'];

export const ORGANIZATION_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

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

export function isOfficialRole(role: Role): role is OfficialRole {
  return (OFFICIAL_ROLES as readonly string[]).includes(role);
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface Items<T> {
  readonly items: T[];
}

export interface Organization {
  readonly id: string;
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly taxCode: string | null;
  readonly address: string;
  readonly communeId: number;
  readonly representative: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly sectors: Sector[];
  readonly gs1CompanyPrefix: string | null;
  readonly gln: string | null;
  readonly status: OrganizationStatus;
  readonly statusReason: string | null;
  readonly decidedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type UserStatus = 'pending' | 'active' | 'disabled';

export interface User {
  readonly id: string;
  readonly organizationId: string | null;
  readonly email: string;
  readonly fullName: string;
  readonly phone: string | null;
  readonly role: Role;
  readonly scope: { readonly sector: Sector | null; readonly communeId: number | null; readonly departmentCode: string | null };
  readonly status: UserStatus;
  readonly totpEnabled: boolean;
  readonly locale: string;
  readonly lastLoginAt: string | null;
  readonly createdAt: string;
}

export interface Me {
  readonly user: User;
  readonly organization: Organization | null;
  readonly csrfToken: string;
  readonly mfaEnrolmentRequired: boolean;
}

export interface CreatedUser {
  readonly user: User;
  /** Shown once: the link for the new person to choose a password. */
  readonly setupLink: string | null;
}

export type ApiKeyState = 'active' | 'expired' | 'revoked';

export interface ApiKey {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly prefix: string;
  readonly permissions: ApiPermission[];
  readonly state: ApiKeyState;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly createdAt: string;
}

export interface CreatedApiKey {
  readonly key: ApiKey;
  /** The only time the secret is ever sent. */
  readonly secret: string;
}

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEvent {
  readonly id: number;
  readonly occurredAt: string;
  readonly actor: { readonly type?: string; readonly id?: string | null; readonly label?: string | null; readonly role?: string | null; readonly organizationId?: string | null };
  readonly action: string;
  readonly resource: { readonly type?: string; readonly id?: string };
  readonly subject: { readonly organizationId?: string | null; readonly communeId?: number | null; readonly sectors?: string[] };
  readonly outcome: AuditOutcome;
  readonly requestId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditPage {
  readonly items: AuditEvent[];
  readonly nextBeforeId: number | null;
}

export interface AppNotification {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly messages: { readonly vi: string; readonly en: string };
  readonly link: string | null;
  readonly read: boolean;
  readonly createdAt: string;
}

export interface AdminUnit {
  readonly id: number;
  readonly kind: 'xa' | 'phuong';
  readonly name: string;
  readonly fullName: string;
  readonly nameAscii: string;
  readonly officialCode: string | null;
}

export interface SectorInfo {
  readonly code: Sector;
  readonly name: { readonly vi: string; readonly en: string };
  readonly departmentCode: string;
}

export interface Department {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly isLead: boolean;
}

export interface RegistrationInput {
  readonly organization: {
    kind: OrganizationKind;
    name: string;
    taxCode: string | null;
    address: string;
    communeId: number;
    representative: string;
    phone: string | null;
    email: string | null;
    website: string | null;
    sectors: Sector[];
    gs1CompanyPrefix: string | null;
    gln: string | null;
  };
  readonly admin: { fullName: string; email: string; phone: string | null; password: string };
  readonly acceptTerms: boolean;
  readonly locale: 'vi' | 'en';
}

export interface OrganizationListQuery {
  status?: OrganizationStatus;
  q?: string;
  communeId?: number;
  sector?: Sector;
  kind?: OrganizationKind;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
  limit?: number;
  offset?: number;
}
