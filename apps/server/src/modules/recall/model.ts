// A recall campaign and its holders as the recall module keeps them (migrations/0001_recall.sql).
import type { HeldAmount, Truncation } from '../trace/index.ts';

export const SEVERITIES = ['class_1', 'class_2', 'class_3'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type CampaignStatus = 'open' | 'closed';
export const HOLDER_STATUSES = ['notified', 'unreachable', 'acknowledged', 'completed'] as const;
export type HolderStatus = (typeof HOLDER_STATUSES)[number];
export const HOLDER_ACTIONS = ['acknowledged', 'returned', 'destroyed', 'completed', 'note'] as const;
export type HolderAction = (typeof HOLDER_ACTIONS)[number];

export interface Criteria {
  readonly ids?: readonly string[];
  readonly productId?: string;
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface Campaign {
  readonly id: string;
  readonly number: string;
  readonly status: CampaignStatus;
  readonly severity: Severity;
  readonly reason: string;
  readonly instructions: string | null;
  readonly contact: string | null;
  readonly organizationId: string;
  readonly orgCommuneId: number;
  readonly orgSectors: readonly string[];
  readonly openerKind: 'official' | 'producer';
  readonly openedBy: string;
  readonly openedByLabel: string;
  readonly openedAt: Date;
  readonly criteria: Criteria;
  readonly targets: readonly string[];
  readonly scopeTruncations: readonly Truncation[];
  readonly scopeComputedAt: Date;
  readonly openEventIds: readonly string[];
  readonly closedAt: Date | null;
  readonly closedByLabel: string | null;
  readonly closingNote: string | null;
  readonly closeEventIds: readonly string[];
  readonly report: RecallReport | null;
  readonly updatedAt: Date;
}

export interface Contact {
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly representative: string | null;
  readonly gln: string | null;
  readonly uri: string | null;
}

export interface HolderRecord {
  readonly campaignId: string;
  readonly key: string;
  readonly organizationId: string | null;
  readonly name: string;
  readonly contact: Contact;
  readonly communeId: number | null;
  readonly sectors: readonly string[] | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly amounts: readonly HeldAmount[];
  readonly direct: boolean;
  readonly suppliedBy: readonly string[];
  readonly firstReceivedAt: Date | null;
  readonly lastMovedAt: Date | null;
  readonly status: HolderStatus;
  readonly notifiedAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
  /** Per dimension (mass, volume, count), in base units. */
  readonly returned: Readonly<Record<string, number>>;
  readonly destroyed: Readonly<Record<string, number>>;
}

export interface ActionRecord {
  readonly id: number;
  readonly holderKey: string;
  readonly action: HolderAction;
  readonly quantity: number | null;
  readonly uom: string | null;
  readonly note: string | null;
  readonly recordedByLabel: string;
  readonly recordedAt: Date;
}

/** The closing report: what the campaign reached and recovered. */
export interface RecallReport {
  readonly affected: number;
  readonly holders: number;
  readonly registeredHolders: number;
  readonly unreachable: number;
  readonly acknowledged: number;
  readonly completed: number;
  /** Per dimension: held when the scope was computed, returned, destroyed (base units). */
  readonly quantities: Readonly<Record<string, { held: number; returned: number; destroyed: number }>>;
  readonly truncated: boolean;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly hoursOpen: number;
}
