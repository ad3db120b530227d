// Which events a trace may walk (issue 6 "scope rules"), deny by default:
// - a business (its users, or its API keys holding trace:read) walks its own events and the events that name it
//   as source or destination (its organisation URI, its GLN, a GLN under its GS1 Company Prefix): one step beyond
//   itself. Partners appear as the parties of those events; their internal events stay out of reach;
// - officials walk the events of the organisations their scope covers (platform/auth/actor.ts); the province
//   administrator and the system walk everything.
import { arrayContains, and, eq, sql, type SQL } from 'drizzle-orm';
import { actingOrganizationId, isOfficial, type Actor } from '../../platform/auth/actor.ts';
import { GuardErrors } from '../../platform/auth/guard.ts';
import { AppError, CommonErrors, forbidden } from '../../platform/errors.ts';
import type { Directory } from './directory.ts';
import { partyGlnOf } from './parties.ts';
import type { TraceEvent } from './graph.ts';

export type TraceScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'organization'; readonly organizationId: string; readonly partyUris: readonly string[]; readonly gln: string | null; readonly companyPrefix: string | null }
  | { readonly kind: 'organizations'; readonly organizationIds: readonly string[] };

export const ALL: TraceScope = Object.freeze({ kind: 'all' });

/** Throws unless the actor may trace at all. */
export function requireTracer(actor: Actor): void {
  if (actor.type === 'anonymous') throw new AppError('unauthorized', CommonErrors.UNAUTHENTICATED);
  if (actor.type === 'api_key' && !actor.permissions.includes('trace:read')) throw forbidden(GuardErrors.API_KEY_PERMISSION_MISSING, { permission: 'trace:read' });
  if (actor.type === 'user' && !actor.mfaSatisfied) throw forbidden(GuardErrors.MFA_ENROLMENT_REQUIRED);
}

export async function traceScopeOf(actor: Actor, directory: Directory): Promise<TraceScope> {
  requireTracer(actor);
  if (actor.type === 'system') return ALL;
  if (isOfficial(actor)) {
    const c = directory.orgColumns;
    let condition: SQL | undefined;
    switch (actor.role) {
      case 'province_admin':
        return ALL;
      case 'sector_officer':
        if (!actor.scope.sector) return { kind: 'organizations', organizationIds: [] };
        condition = arrayContains(c.sectors, [actor.scope.sector]);
        break;
      case 'commune_officer':
        if (actor.scope.communeId === null) return { kind: 'organizations', organizationIds: [] };
        condition = eq(c.communeId, actor.scope.communeId);
        break;
      case 'inspector':
        condition = and(actor.scope.sector ? arrayContains(c.sectors, [actor.scope.sector]) : undefined, actor.scope.communeId !== null ? eq(c.communeId, actor.scope.communeId) : undefined);
        if (!condition) return ALL;
        break;
    }
    return { kind: 'organizations', organizationIds: await directory.organizationIdsWhere(condition) };
  }
  const org = actingOrganizationId(actor);
  if (!org) throw forbidden();
  const facts = (await directory.organizationsById([org])).get(org);
  return { kind: 'organization', organizationId: org, partyUris: [directory.orgUri(org)], gln: facts?.gln ?? null, companyPrefix: facts?.gs1CompanyPrefix ?? null };
}

/**
 * The SQL condition on an `epcis.events` alias that keeps the events of a scope. The walk, trace.reach (trace
 * migration 0002), writes the same condition over its scope arguments (reach-sql.ts scopeArguments): change both.
 */
export function scopeSql(scope: TraceScope, alias: string): SQL {
  const a = sql.raw(alias);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'organizations':
      return scope.organizationIds.length ? sql`${a}.organization_id = any(${sql.param([...scope.organizationIds])}::uuid[])` : sql`false`;
    case 'organization': {
      const party = [
        sql`p.party = any(${sql.param([...scope.partyUris])}::text[])`,
        scope.gln ? sql`p.gln = ${scope.gln}` : undefined,
        scope.companyPrefix ? sql`p.gln like ${`${scope.companyPrefix}%`}` : undefined,
      ].filter((x): x is SQL => x !== undefined);
      // A scalar subquery, not EXISTS (as epcis/access/policy.ts, for the same reason): under OR, PostgreSQL plans
      // EXISTS as either a probe per candidate event or a hash of every party row naming the organisation, and
      // picks the hash whenever it expects many candidates, as in every level of the recursive walk. The scalar
      // form is always the probe (index event_parties (seq), epcis migration 0003), skipped for the reader's own events.
      return sql`(${a}.organization_id = ${scope.organizationId}::uuid or coalesce((select true from epcis.event_parties p where p.seq = ${a}.seq and (${sql.join(party, sql` or `)}) limit 1), false))`;
    }
  }
}

/** Whether a scope covers an event in memory, as scopeSql decides in SQL (tests' oracle). */
export function scopeCovers(scope: TraceScope, rec: TraceEvent): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organizations':
      return scope.organizationIds.includes(rec.organizationId);
    case 'organization': {
      if (rec.organizationId === scope.organizationId) return true;
      const parties = [...(rec.event.sourceList ?? []).map((s) => s.source), ...(rec.event.destinationList ?? []).map((d) => d.destination)];
      return parties.some((raw) => {
        const { canonical, gln } = partyGlnOf(raw);
        return scope.partyUris.includes(canonical) || (gln !== null && (gln === scope.gln || (scope.companyPrefix !== null && gln.startsWith(scope.companyPrefix))));
      });
    }
  }
}
