// Ledger entries for a chunk of stored events in one statement. Each row is exactly what
// platform/ledger/ledger-entry.ts `recordInLedger(tx, { kind: 'epcis.event', id, sha256, organizationId })`
// enqueues (same topic, payload, dedupe key and organisation; ledger-batch.test.ts compares them), written with
// one multi-row insert instead of one statement per event: at 1,000 events per chunk the per-event round trips
// cost more than everything else in a capture.
import { sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/database.ts';
import { LEDGER_TOPIC, ledgerLeaf, type LedgerEntryMessage } from '../../../platform/ledger/ledger-entry.ts';

export interface EventLedgerItem {
  /** The stored event's eventID. */
  readonly id: string;
  /** Lowercase hex of the CBV 2.0 event hash. */
  readonly sha256: string;
}

export async function recordEventsInLedger(tx: Orm, items: readonly EventLedgerItem[], organizationId: string): Promise<void> {
  if (items.length === 0) return;
  const payloads = items.map((i): LedgerEntryMessage => ({ leaf: ledgerLeaf('epcis.event', i.id, i.sha256), kind: 'epcis.event', id: i.id, sha256: i.sha256 }));
  const keys = items.map((i) => `ledger:epcis.event:${i.id}:${i.sha256}`);
  await tx.execute(sql`
    insert into platform.outbox (topic, payload, dedupe_key, organization_id, available_at)
    select ${LEDGER_TOPIC}, p.value, k.key, ${organizationId}::uuid, now()
    from jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) with ordinality as p(value, n)
    join unnest(${sql.param(keys)}::text[]) with ordinality as k(key, n) using (n)
    on conflict (dedupe_key) do nothing`);
}
