// How a record enters the transparency ledger. A module calls `recordInLedger` inside the transaction that
// writes the record; an outbox row (topic `ledger.entry`, deduplicated by kind, id and hash) carries the leaf to
// the ledger's sequencer, so a record that exists is eventually logged and none is logged twice.
//
// A leaf is the RFC 8785 canonical JSON of {v, kind, id, sha256}: the kind of record, its public identifier and
// the SHA-256 of its canonical content. Anyone shown the record can recompute the leaf; no personal data enter it.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import { enqueue } from '../outbox/outbox.ts';
import { canonicalJson } from './canonical-json.ts';

export const LEDGER_TOPIC = 'ledger.entry';

/** What is logged (issue: every EPCIS event, stamp issuance/activation/status change, recall, master-data
 * version, approval decision, inspection result). Modules add kinds here as they come. */
export type LedgerKind =
  | 'epcis.event'
  | 'stamp.issue'
  | 'stamp.status'
  | 'recall'
  | 'product.version'
  | 'place.version'
  | 'lot.version'
  | 'organization.decision'
  | 'stamp-request.decision'
  | 'inspection';

export interface LedgerLeafFields {
  readonly v: 1;
  readonly kind: LedgerKind;
  readonly id: string;
  readonly sha256: string;
}

export function ledgerLeaf(kind: LedgerKind, id: string, sha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new TypeError('ledger leaves carry a lowercase hex SHA-256');
  return canonicalJson({ v: 1, kind, id, sha256: sha256Hex } satisfies LedgerLeafFields);
}

/** SHA-256 (hex) of a record's RFC 8785 canonical JSON: the `sha256` of its leaf. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export interface LedgerRecordInput {
  readonly kind: LedgerKind;
  /** The record's public identifier (event id, stamp serial/URI, product id@version…). */
  readonly id: string;
  /** Either the record's canonical content (hashed here) or its SHA-256 already computed (e.g. the CBV event hash). */
  readonly content?: unknown;
  readonly sha256?: string;
  readonly organizationId?: string | null;
}

export interface LedgerEntryMessage {
  readonly leaf: string;
  readonly kind: LedgerKind;
  readonly id: string;
  readonly sha256: string;
}

export async function recordInLedger(tx: Orm, input: LedgerRecordInput): Promise<LedgerEntryMessage> {
  const sha256 = input.sha256 ?? contentHash(input.content);
  const leaf = ledgerLeaf(input.kind, input.id, sha256);
  const message: LedgerEntryMessage = { leaf, kind: input.kind, id: input.id, sha256 };
  await enqueue(tx, { topic: LEDGER_TOPIC, payload: message, dedupeKey: `ledger:${input.kind}:${input.id}:${sha256}`, organizationId: input.organizationId ?? null });
  return message;
}

/**
 * Many records at once, in one statement: each row is exactly what `recordInLedger` enqueues (same topic, payload,
 * dedupe key and organisation). PostgreSQL builds the payloads and keys from five arrays, so a batch costs one
 * round trip and no JSON text of its own: an EPCIS capture or a spreadsheet import logs its records this way,
 * where one statement per record would cost more than everything else they write.
 */
export async function recordManyInLedger(tx: Orm, inputs: readonly LedgerRecordInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const kinds: string[] = [];
  const ids: string[] = [];
  const hashes: string[] = [];
  const leaves: string[] = [];
  const organizations: (string | null)[] = [];
  for (const input of inputs) {
    const sha256 = input.sha256 ?? contentHash(input.content);
    kinds.push(input.kind);
    ids.push(input.id);
    hashes.push(sha256);
    leaves.push(ledgerLeaf(input.kind, input.id, sha256));
    organizations.push(input.organizationId ?? null);
  }
  await tx.execute(sql`
    insert into platform.outbox (topic, payload, dedupe_key, organization_id, available_at)
    select ${LEDGER_TOPIC}, jsonb_build_object('leaf', u.leaf, 'kind', u.kind, 'id', u.id, 'sha256', u.sha256),
      'ledger:' || u.kind || ':' || u.id || ':' || u.sha256, u.organization_id, now()
    from unnest(${sql.param(kinds)}::text[], ${sql.param(ids)}::text[], ${sql.param(hashes)}::text[],
                ${sql.param(leaves)}::text[], ${sql.param(organizations)}::uuid[]) as u(kind, id, sha256, leaf, organization_id)
    on conflict (dedupe_key) do nothing`);
}
