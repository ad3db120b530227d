// The reader a subscription delivers to: recorded when it is created, so that every delivered event passes
// the same access rules (access/policy.ts) as a query by that reader would, evaluated when the event is delivered.
import { officialScopeCovers, type Actor, type OfficialRole, type OfficialScope } from '../../../platform/auth/actor.ts';
import { actingOrganizationId, isOfficial } from '../../../platform/auth/actor.ts';
import type { Orm } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OrganizationDirectory } from '../access/organization-directory.ts';
import { readScope, type ReadScope } from '../access/policy.ts';
import { EpcisErrors } from '../messages.ts';

export type Reader =
  | { readonly kind: 'organization'; readonly organizationId: string }
  | { readonly kind: 'official'; readonly userId: string; readonly role: OfficialRole; readonly scope: OfficialScope };

export function readerOf(actor: Actor): Reader {
  if (isOfficial(actor)) return { kind: 'official', userId: actor.userId, role: actor.role, scope: actor.scope };
  const org = actingOrganizationId(actor);
  if (org) return { kind: 'organization', organizationId: org };
  throw new AppError('forbidden', EpcisErrors.EPCIS_READ_FORBIDDEN);
}

/** The reader as an actor for the access rules (a system-side stand-in; it only ever reads). */
function actorOf(reader: Reader): Actor {
  if (reader.kind === 'official') {
    return { type: 'user', userId: reader.userId, email: '', role: reader.role, organizationId: null, scope: reader.scope, sessionId: 'subscription', mfaSatisfied: true };
  }
  return { type: 'api_key', keyId: 'subscription', name: 'subscription', organizationId: reader.organizationId, permissions: ['events:read'] };
}

export function scopeForReader(db: Orm, directory: OrganizationDirectory, reader: Reader): Promise<ReadScope> {
  return readScope(db, directory, actorOf(reader));
}

/** Whether an official reader's scope covers an organisation (streaming: one capturing organisation at a time). */
export async function officialCovers(directory: OrganizationDirectory, reader: Reader & { kind: 'official' }, organizationId: string): Promise<boolean> {
  if (reader.role === 'province_admin') return true;
  const facts = await directory.get(organizationId);
  const actor = actorOf(reader);
  return facts !== undefined && actor.type === 'user' && officialScopeCovers(actor, facts);
}
