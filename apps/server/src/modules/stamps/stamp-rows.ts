// Writing a chunk of issued stamps. On PostgreSQL the rows go by COPY FROM STDIN (binary format) on the issuing
// transaction's own connection: no statement to parse, no array parameter to expand, ids sent as 16 bytes, and
// PostgreSQL writes the heap with one WAL record per page instead of one per row. PGlite has no COPY FROM STDIN through its driver:
// there the chunk is one `insert … select from unnest` statement. Both write the same rows, inside the
// caller's transaction (a failed chunk leaves nothing).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import type { Orm } from '../../platform/db/database.ts';
import { SERIAL_LENGTH } from './serials.ts';
import { serialCount, serialStrings } from './serial-block.ts';
import { transactionClient } from '../../platform/db/transaction-client.ts';
import { pgArray } from './sql-arrays.ts';

export interface StampOwner {
  readonly id: string;
  readonly organizationId: string;
  readonly productId: string;
  readonly lotId: string | null;
}

const COPY_STATEMENT = 'copy stamps.stamps (serial, request_id, seq, organization_id, product_id, lot_id, status) from stdin (format binary)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PostgreSQL manual, COPY, "Binary Format": signature, flags field, header extension length; a tuple is a
// 16-bit field count and each field as a 32-bit length (-1 for NULL) and its bytes; -1 as field count ends it.
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
const FIELDS = 7;

function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new TypeError(`not a UUID: ${id}`);
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function field(bytes: Buffer | null): Buffer {
  const out = Buffer.alloc(4 + (bytes?.length ?? 0));
  out.writeInt32BE(bytes ? bytes.length : -1, 0);
  bytes?.copy(out, 4);
  return out;
}

/**
 * COPY binary rows of stamps seq [seqFrom, seqFrom + n) of a block of serials: serial, request, seq, owner ids,
 * lot (NULL when none), 'issued'. Every row has the same length and differs only in its serial and seq, so the
 * chunk is one row repeated (memory copies) with those 20 bytes written into each.
 */
export function stampCopyRows(owner: StampOwner, serials: Buffer, seqFrom: number): Buffer {
  const n = serialCount(serials);
  const fieldCount = Buffer.alloc(2);
  fieldCount.writeInt16BE(FIELDS, 0);
  const row = Buffer.concat([
    fieldCount,
    field(Buffer.alloc(SERIAL_LENGTH)),
    field(uuidBytes(owner.id)),
    field(Buffer.alloc(4)),
    field(uuidBytes(owner.organizationId)),
    field(uuidBytes(owner.productId)),
    field(owner.lotId === null ? null : uuidBytes(owner.lotId)),
    field(Buffer.from('issued', 'latin1')),
  ]);
  const serialAt = 2 + 4;
  const seqAt = serialAt + SERIAL_LENGTH + 4 + 16 + 4;
  const out = Buffer.allocUnsafe(HEADER.length + n * row.length + 2);
  HEADER.copy(out, 0);
  const start = HEADER.length;
  if (n > 0) {
    row.copy(out, start);
    for (let filled = 1; filled < n; filled *= 2) out.copyWithin(start + filled * row.length, start, start + Math.min(filled, n - filled) * row.length);
  }
  for (let i = 0, o = start; i < n; i++, o += row.length) {
    for (let k = 0, from = i * SERIAL_LENGTH; k < SERIAL_LENGTH; k++) out[o + serialAt + k] = serials[from + k]!;
    out.writeInt32BE(seqFrom + i, o + seqAt);
  }
  out.writeInt16BE(-1, start + n * row.length);
  return out;
}

/** Inserts stamps seq [seqFrom, seqFrom + n) for the serials of a block, in `tx`. */
export async function insertStamps(tx: Orm, owner: StampOwner, serials: Buffer, seqFrom: number): Promise<void> {
  const client = transactionClient(tx);
  if (client) {
    await pipeline(Readable.from([stampCopyRows(owner, serials, seqFrom)]), client.query(copyFrom(COPY_STATEMENT)));
    return;
  }
  await tx.execute(sql`
    insert into stamps.stamps (serial, request_id, seq, organization_id, product_id, lot_id, status)
    select t.serial, ${owner.id}, ${seqFrom - 1} + t.ord, ${owner.organizationId}, ${owner.productId}, ${owner.lotId}, 'issued'
    from unnest(${pgArray(serialStrings(serials))}::text[]) with ordinality as t(serial, ord)`);
}
