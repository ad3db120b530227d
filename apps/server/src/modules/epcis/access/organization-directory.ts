// What the epcis module needs to know about organisations, provided by the identity module through the
// composition root (system.ts wires OrganizationService.findById); the epcis module never reads identity's tables.
// Cached briefly: scope checks look organisations up for every query and every streamed event.
import type { Placement } from '../../../platform/auth/actor.ts';

export interface OrganizationFacts extends Placement {
  readonly organizationId: string;
  /** GS1 Company Prefix (digits) and GLN of the organisation, when registered: events naming them as source or
   * destination party are readable by it. */
  readonly gs1CompanyPrefix: string | null;
  readonly gln: string | null;
}

export interface OrganizationDirectory {
  /** The organisation's placement and GS1 identities, or undefined when there is no such organisation. */
  get(organizationId: string): Promise<OrganizationFacts | undefined>;
}

/** A directory that remembers answers for `ttlMs` (organisation placement changes rarely and takes effect soon). */
export function cachedDirectory(inner: OrganizationDirectory, ttlMs = 30_000, now: () => number = Date.now): OrganizationDirectory {
  const cache = new Map<string, { at: number; value: OrganizationFacts | undefined }>();
  return {
    async get(id) {
      const hit = cache.get(id);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = await inner.get(id);
      if (cache.size > 10_000) cache.clear();
      cache.set(id, { at: now(), value });
      return value;
    },
  };
}
