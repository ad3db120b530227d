// Ledger entries for a chunk of stored events in one statement. Each row is exactly what
// platform/ledger/ledger-entry.ts `recordInLedger(tx, { kind: 'epcis.event', id, sha256, organizationId })`
// enqueues (same topic, payload, dedupe key and organisation; tests/service-api.test.ts compares them), written with
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
  // The payload is built by PostgreSQL from three text arrays (jsonb_build_object: the same jsonb value as the
  // message's JSON), and the dedupe key likewise: no JSON text of the batch to write, send and parse again.
  const kind = 'epcis.event' satisfies LedgerEntryMessage['kind'];
  const leaves = items.map((i) => ledgerLeaf(kind, i.id, i.sha256));
  await tx.execute(sql`
    insert into platform.outbox (topic, payload, dedupe_key, organization_id, available_at)
    select ${LEDGER_TOPIC}, jsonb_build_object('leaf', u.leaf, 'kind', ${kind}::text, 'id', u.id, 'sha256', u.sha256),
      ${`ledger:${kind}:`}::text || u.id || ':' || u.sha256, ${organizationId}::uuid, now()
    from unnest(${sql.param(leaves)}::text[], ${sql.param(items.map((i) => i.id))}::text[], ${sql.param(items.map((i) => i.sha256))}::text[]) as u(leaf, id, sha256)
    on conflict (dedupe_key) do nothing`);
}
