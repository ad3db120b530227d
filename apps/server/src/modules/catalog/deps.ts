// What the catalog's services need from the rest of the system, passed in by the composition root.
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { FileStorage } from './storage/file-storage.ts';

/** The organisation facts the catalog uses (identity's OrganizationService.findById satisfies it). */
export interface OrganizationFacts {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly taxCode: string | null;
  readonly communeId: number;
  readonly sectors: readonly string[];
  readonly gs1CompanyPrefix: string | null;
  readonly status: string;
}

export interface OrganizationDirectory {
  findById(id: string): Promise<OrganizationFacts | undefined>;
}

export interface CommuneDirectory {
  getUnit(id: number): Promise<{ id: number; name: string; kind: string } | undefined>;
  listUnits(): Promise<readonly { id: number; name: string; kind: string }[]>;
}

export interface CatalogDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRecorder;
  readonly organizations: OrganizationDirectory;
  readonly communes: CommuneDirectory;
  readonly storage: FileStorage;
  /** Origin of public URIs (Digital Links): PUBLIC_BASE_URL. */
  readonly publicBaseUrl: string;
}

/** Who did something, as shown in histories and timelines (never a password or key secret). */
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
