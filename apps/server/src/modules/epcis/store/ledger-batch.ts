// Ledger entries for a chunk of stored events: platform/ledger/ledger-entry.ts `recordManyInLedger`, one statement
// for the chunk (tests/service-api.test.ts checks the rows equal recordInLedger's, one by one).
import type { Orm } from '../../../platform/db/database.ts';
import { recordManyInLedger } from '../../../platform/ledger/ledger-entry.ts';

export interface EventLedgerItem {
  /** The stored event's eventID. */
  readonly id: string;
  /** Lowercase hex of the CBV 2.0 event hash. */
  readonly sha256: string;
}

export async function recordEventsInLedger(tx: Orm, items: readonly EventLedgerItem[], organizationId: string): Promise<void> {
  await recordManyInLedger(tx, items.map((i) => ({ kind: 'epcis.event', id: i.id, sha256: i.sha256, organizationId })));
}
