// A stamp's own ledger records — the issuance chunk it was issued in and each status change it went through
// (print, activate, void, lost, recall) — and the product and lot it is on, read with ONE indexed statement
// (stamps by serial, issue_batches by (request_id, seq_from), stamp_events by serial) over the tables the stamps
// module exports. The resolver's resolution does not carry these ids, and the stamps module's `proof()` computes
// every Merkle path (reads whole issue chunks), far too much for a scan; the ids are the ones `proof()` gives
// (`stamp-issue:<request>:<from>-<to>`, `stamp-status:<change>`), which public-ledger-badge.test.ts checks.
//
// Cached per serial; an entry carries the stamp's status when read, and the scan page only uses an entry whose
// status is the one the resolver just read (a status change adds a record, so a stale entry would undercount).
//
// Most scans are of a stamp this process has not seen (a label is scanned a few times in its life), so the read is
// on the path of nearly every scan: the serials asked for within one turn of the event loop (concurrent scans) go
// to PostgreSQL as one statement (`serial = any($1)`, each still the same indexed probes), as the resolver's own
// read does (resolve-store.ts). One statement per scan cost more than the rest of the scan's reads together.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import { rows, type Database } from '../../../platform/db/database.ts';
import { turnBatcher } from '../../../platform/db/turn-batcher.ts';
import { translateBoth } from '../../../platform/i18n/messages.ts';
import { pgArray, stampsTables } from '../../stamps/index.ts';
import { Memo } from '../facts/memo.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import type { LedgerRef } from './ledger-records.ts';

export interface StampRecords {
  readonly serial: string;
  readonly productId: string;
  readonly lotId: string | null;
  /** The stamp's lifecycle status when read (what the resolver calls `lifecycle`). */
  readonly status: string;
  /** Issuance first, then status changes in commit order. */
  readonly refs: readonly LedgerRef[];
}

interface Row {
  serial: string;
  productId: string;
  lotId: string | null;
  status: string;
  requestId: string;
  chunk: string | null;
  changes: { id: string; toStatus: string }[] | string | null;
}

const { stamps, issueBatches, stampEvents, statusChanges } = stampsTables;

export function stampRecordsOf(serial: string, row: Row): StampRecords {
  const refs: LedgerRef[] = [];
  if (row.chunk) refs.push({ kind: 'stamp.issue', id: `stamp-issue:${row.requestId}:${row.chunk}`, label: translateBoth(SiteTexts.PUBLIC_KIND_stamp_issue) });
  // node-postgres parses json; PGlite may hand it over as text.
  const changes = typeof row.changes === 'string' ? (JSON.parse(row.changes) as { id: string; toStatus: string }[]) : (row.changes ?? []);
  for (const c of changes) refs.push({ kind: 'stamp.status', id: `stamp-status:${c.id}`, label: translateBoth(SiteTexts.PUBLIC_KIND_stamp_status, { status: c.toStatus }) });
  return { serial, productId: row.productId, lotId: row.lotId, status: row.status, refs };
}

export function createStampRecords(deps: { db: Database; clock: Clock; onError: (err: unknown) => void }) {
  async function read(serials: readonly string[]): Promise<Map<string, Row>> {
    const found = await rows<Row>(deps.db.replica, sql`
      select s.serial, s.product_id as "productId", s.lot_id as "lotId", s.status, s.request_id as "requestId",
        (select b.seq_from || '-' || b.seq_to from ${issueBatches} b
          where b.request_id = s.request_id and b.seq_from <= s.seq and b.seq_to >= s.seq order by b.seq_from desc limit 1) as chunk,
        (select json_agg(json_build_object('id', c.id, 'toStatus', c.to_status) order by c.seq)
          from ${stampEvents} e join ${statusChanges} c on c.id = e.change_id where e.serial = s.serial) as changes
      from ${stamps} s where s.serial = any(${pgArray(serials)}::text[])`);
    return new Map(found.map((r) => [r.serial, r]));
  }

  const rowOf = turnBatcher(read);

  const memo = new Memo<StampRecords | null>(deps.clock, async (serial) => {
    const row = await rowOf(serial);
    return row ? stampRecordsOf(serial, row) : null;
  }, { ttlMs: 10 * 60_000, max: 100_000, onError: deps.onError, versionOf: (r) => r?.status ?? '' });

  return {
    /** The records (any cached status, else read now): warms the scan page before the resolver runs. */
    get: (serial: string) => memo.get(serial),
    /** The records as of `status` when cached, else undefined (a read starts in the background). */
    peek: (serial: string, status: string) => memo.peek(serial, status),
    memo,
  };
}

export type StampRecordsCache = ReturnType<typeof createStampRecords>;
