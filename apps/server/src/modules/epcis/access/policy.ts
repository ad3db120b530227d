// Who may capture and read EPCIS events (issue 4 "Access"), deny by default:
// - capture: an organisation's signed-in user, or its API key holding `events:capture`; events belong to it;
// - read: an organisation (its users, or its API keys holding `events:read`) reads its own events and those naming
//   it (its GLN, or a GLN under its GS1 Company Prefix) as source or destination party; officials read the events
//   of organisations their scope covers (platform/auth/actor.ts officialScopeCovers); nobody else reads.
import { sql } from 'drizzle-orm';
import { actingOrganizationId, isOfficial, officialScopeCovers, type Actor } from '../../../platform/auth/actor.ts';
import { AppError, CommonErrors } from '../../../platform/errors.ts';
import { GuardErrors } from '../../../platform/auth/guard.ts';
import { rows, type Orm } from '../../../platform/db/database.ts';
import { EpcisErrors } from '../messages.ts';
import type { OrganizationDirectory } from './organization-directory.ts';

/** The events a reader may see. */
export type ReadScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'organization'; readonly organizationId: string; readonly gln: string | null; readonly companyPrefix: string | null }
  | { readonly kind: 'organizations'; readonly organizationIds: readonly string[] };

/** The organisation an actor captures for; throws when it may not capture. */
export function captureOrganization(actor: Actor): string {
  if (actor.type === 'api_key') {
    if (!actor.permissions.includes('events:capture')) throw new AppError('forbidden', GuardErrors.API_KEY_PERMISSION_MISSING, { permission: 'events:capture' });
    return actor.organizationId;
  }
  if (actor.type === 'user') {
    if (!actor.mfaSatisfied) throw new AppError('forbidden', GuardErrors.MFA_ENROLMENT_REQUIRED);
    const org = actingOrganizationId(actor);
    if (org) return org;
    throw new AppError('forbidden', EpcisErrors.EPCIS_CAPTURE_FORBIDDEN);
  }
  if (actor.type === 'system') throw new AppError('forbidden', EpcisErrors.EPCIS_CAPTURE_FORBIDDEN);
  throw new AppError('unauthorized', CommonErrors.UNAUTHENTICATED);
}

/** Throws unless the actor may read EPCIS events at all (the scope then narrows what it sees). */
export function requireReader(actor: Actor): void {
  if (actor.type === 'anonymous') throw new AppError('unauthorized', CommonErrors.UNAUTHENTICATED);
  if (actor.type === 'api_key' && !actor.permissions.includes('events:read')) {
    throw new AppError('forbidden', GuardErrors.API_KEY_PERMISSION_MISSING, { permission: 'events:read' });
  }
  if (actor.type === 'user' && !actor.mfaSatisfied) throw new AppError('forbidden', GuardErrors.MFA_ENROLMENT_REQUIRED);
}

export async function readScope(db: Orm, directory: OrganizationDirectory, actor: Actor): Promise<ReadScope> {
  requireReader(actor);
  if (actor.type === 'system') return { kind: 'all' };
  if (isOfficial(actor)) {
    if (actor.role === 'province_admin') return { kind: 'all' };
    const owners = await rows<{ organization_id: string }>(db, sql`select organization_id from epcis.capturing_organizations`);
    const covered: string[] = [];
    for (const o of owners) {
      const facts = await directory.get(o.organization_id);
      if (facts && officialScopeCovers(actor, facts)) covered.push(o.organization_id);
    }
    return { kind: 'organizations', organizationIds: covered };
  }
  const org = actingOrganizationId(actor);
  if (!org) throw new AppError('forbidden', EpcisErrors.EPCIS_READ_FORBIDDEN);
  const facts = await directory.get(org);
  return { kind: 'organization', organizationId: org, gln: facts?.gln ?? null, companyPrefix: facts?.gs1CompanyPrefix ?? null };
}

/** The SQL condition on `epcis.events e` that keeps the events of a scope. */
export function scopeCondition(scope: ReadScope) {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'organizations':
      return sql`e.organization_id = any(${sql.param([...scope.organizationIds])}::uuid[])`;
    case 'organization': {
      const party = [
        scope.gln ? sql`p.gln = ${scope.gln}` : undefined,
        scope.companyPrefix ? sql`p.gln like ${`${scope.companyPrefix}%`}` : undefined,
      ].filter((x) => x !== undefined);
      if (!party.length) return sql`e.organization_id = ${scope.organizationId}::uuid`;
      // The party test is a scalar subquery (an index probe on event_parties (seq) per candidate row, skipped for
      // the owner's rows), not EXISTS: under OR, PostgreSQL plans EXISTS as an alternative between that probe and a
      // hash of every party row naming the organisation, and picks the hash whenever it expects to test many rows
      // — which it does for any ordered scan stopped by LIMIT (0.3 s per page at 10^5 party rows).
      return sql`(e.organization_id = ${scope.organizationId}::uuid
        or coalesce((select true from epcis.event_parties p where p.seq = e.seq and (${sql.join(party, sql` or `)}) limit 1), false))`;
    }
  }
}

/** Whether a scope covers one event (its owner and its party GLNs), as `scopeCondition` decides in SQL. */
export function scopeCovers(scope: ReadScope, owner: string, partyGlns: readonly string[]): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organizations':
      return scope.organizationIds.includes(owner);
    case 'organization':
      return owner === scope.organizationId
        || partyGlns.some((g) => g === scope.gln || (scope.companyPrefix !== null && g.startsWith(scope.companyPrefix)));
  }
}
