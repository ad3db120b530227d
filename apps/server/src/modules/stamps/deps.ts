// What the stamps services need from the rest of the system, passed in by the composition root.
import type { Logger } from 'pino';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Catalog } from '../catalog/index.ts';
import type { CommuneLookup, OrganizationLookup } from './public-facts.ts';
import type { RecallStatusSource } from './recall-source.ts';

export interface StampsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly log: Logger;
  readonly audit: AuditRecorder;
  /** Products, lots, places and the completeness check, through the catalog's index only. */
  readonly catalog: Catalog;
  readonly organizations: OrganizationLookup;
  readonly communes: CommuneLookup;
  /** Origin of every printed URI (PUBLIC_BASE_URL). */
  readonly publicBaseUrl: string;
  /** Keys the HMAC of verification codes (serials.ts verificationCodeKey). */
  readonly codeKey: Buffer;
  readonly recall: RecallStatusSource;
  /** Folder for the scan spool (scans waiting for the database survive a crash there). */
  readonly dataDir: string;
  /** Tells the job runner new work is queued (optional: the runner polls anyway). */
  readonly wakeJobs?: () => void;
}

/** Who did something, as shown in histories (never a secret). */
export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'user':
      return actor.email;
    case 'api_key':
      return `API: ${actor.name}`;
    case 'system':
      return `system: ${actor.reason}`;
    default:
      return 'anonymous';
  }
}

/** The calendar date in Vietnam (UTC+7, no daylight saving), ISO `YYYY-MM-DD`: certificate and OCOP validity. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
