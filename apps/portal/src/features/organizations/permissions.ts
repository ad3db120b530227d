// The server's rules (apps/server/src/modules/identity/policy.ts) mirrored to decide which buttons to show; the
// server enforces them regardless.
import type { Me, Organization } from '../../api/types.ts';

/** Approve, reject, suspend, reinstate: the province administrator, or an officer of one of the organisation's sectors. */
export function canDecide(me: Me, org: Pick<Organization, 'sectors'>): boolean {
  if (me.user.role === 'province_admin') return true;
  return me.user.role === 'sector_officer' && me.user.scope.sector !== null && org.sectors.includes(me.user.scope.sector);
}

/** 'all' for the province administrator, 'contact' for the organisation's own admin. */
export function editScope(me: Me, org: Pick<Organization, 'id'>): 'all' | 'contact' | 'none' {
  if (me.user.role === 'province_admin') return 'all';
  if (me.user.role === 'org_admin' && me.user.organizationId === org.id) return 'contact';
  return 'none';
}

export function canManageUsers(me: Me, organizationId: string): boolean {
  return me.user.role === 'province_admin' || (me.user.role === 'org_admin' && me.user.organizationId === organizationId);
}

export function canSeeApiKeys(me: Me, organizationId: string): boolean {
  return canManageUsers(me, organizationId);
}
