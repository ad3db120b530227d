// The contract for the audit log (implemented by the identity module): every state-changing action records who,
// when, what, before and after, in the same transaction as the change, so the log and the data never disagree.
import type { Orm } from './db/database.ts';
import type { RequestContext } from './request-context.ts';

export interface AuditEntry {
  /** Dotted verb, e.g. `organization.approve`, `geo.unit.update`. */
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string;
  /** Whose data this is, for scoped viewing by officials. */
  readonly subject?: { organizationId?: string | null; communeId?: number | null; sectors?: readonly string[] };
  /** Presented (secret-free) state before and after the change. */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly outcome?: 'success' | 'denied' | 'failed';
}

export interface AuditRecorder {
  record(tx: Orm, ctx: RequestContext, entry: AuditEntry): Promise<void>;
}
