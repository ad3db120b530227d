// The one indexed read behind a stamp scan: the stamp by its serial (primary key), its request, and the current
// versions of its product, lot and organisation (primary keys) for the facts cache to compare. The catalog's
// and identity's tables are reached through their modules' exported table definitions (names only), read only,
// joined by id.
//
// On the scan path the read is batched: the serials asked for within one turn of the event loop (concurrent
// scans) go to PostgreSQL as one statement (`serial = any($1)`), each still one primary-key probe. One round
// trip per batch instead of per scan matters on a busy machine, where every statement written to the database
// socket wakes its backend and costs this process the core. On PostgreSQL it is a named prepared statement sent
// through the driver directly with array rows (parsed and planned once per connection, no ORM mapping per row);
// on PGlite the same statement goes through Drizzle.
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { rows, type Database } from '../../../platform/db/database.ts';
import { turnBatcher } from '../../../platform/db/turn-batcher.ts';
import { catalogTables } from '../../catalog/index.ts';
import { identityTables } from '../../identity/index.ts';
import type { StampFlag, StampKind, StampStatus } from '../model.ts';
import { pgArray } from '../sql-arrays.ts';
import { requests, stamps } from '../tables.ts';

export interface StampRecord {
  readonly serial: string;
  readonly seq: number;
  readonly status: StampStatus;
  readonly requestId: string;
  readonly organizationId: string;
  readonly productId: string;
  readonly lotId: string | null;
  readonly kind: StampKind;
  readonly uriPrefix: string | null;
  readonly gtin: string | null;
  readonly lotCode: string | null;
  readonly expectedRegionKm: number;
  readonly hasCode: boolean;
  readonly codeVerifiedAt: Date | null;
  readonly activatedAt: Date | null;
  readonly scanCount: number;
  readonly firstScannedAt: Date | null;
  readonly lastScannedAt: Date | null;
  readonly flags: StampFlag[];
  readonly productVersion: number | null;
  readonly lotVersion: number | null;
  readonly orgUpdatedAtMs: number | null;
}

const qualified = (t: PgTable) => {
  const c = getTableConfig(t);
  return `${c.schema ? `"${c.schema}".` : ''}"${c.name}"`;
};

/** The columns in the order recordOf reads them (named c0…, so rows as objects keep every column). */
const COLUMNS = [
  's.serial', 's.seq', 's.status', 's.request_id', 's.organization_id', 's.product_id', 's.lot_id', 'r.kind', 'r.uri_prefix', 'r.gtin', 'r.lot_code',
  'r.expected_region_km', '(s.code_hash is not null)', 's.code_verified_at', 's.activated_at', 's.scan_count', 's.first_scanned_at', 's.last_scanned_at',
  's.flags', 'p.version', 'l.version', 'floor(extract(epoch from o.updated_at) * 1000)::float8',
].map((c, i) => `${c} as c${i}`).join(', ');

const FROM = `from ${qualified(stamps)} s
  join ${qualified(requests)} r on r.id = s.request_id
  left join ${qualified(catalogTables.products)} p on p.id = s.product_id
  left join ${qualified(catalogTables.lots)} l on l.id = s.lot_id
  left join ${qualified(identityTables.organizations)} o on o.id = s.organization_id`;

const COLUMN_NAMES = Array.from({ length: 22 }, (_, i) => `c${i}`);
const ONE = `select ${COLUMNS} ${FROM} where s.serial = $1`;
const MANY = `select ${COLUMNS} ${FROM} where s.serial = any($1::text[])`;

const date = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(v as string));
const flagsOf = (v: unknown): StampFlag[] => (typeof v === 'string' ? (JSON.parse(v) as StampFlag[]) : ((v as StampFlag[] | null) ?? []));
const num = (v: unknown): number | null => (v == null ? null : Number(v));

function recordOf(a: readonly unknown[]): StampRecord {
  return {
    serial: a[0] as string,
    seq: Number(a[1]),
    status: a[2] as StampStatus,
    requestId: a[3] as string,
    organizationId: a[4] as string,
    productId: a[5] as string,
    lotId: (a[6] as string | null) ?? null,
    kind: a[7] as StampKind,
    uriPrefix: (a[8] as string | null) ?? null,
    gtin: (a[9] as string | null) ?? null,
    lotCode: (a[10] as string | null) ?? null,
    expectedRegionKm: Number(a[11]),
    hasCode: Boolean(a[12]),
    codeVerifiedAt: date(a[13]),
    activatedAt: date(a[14]),
    scanCount: Number(a[15]),
    firstScannedAt: date(a[16]),
    lastScannedAt: date(a[17]),
    flags: flagsOf(a[18]),
    productVersion: num(a[19]),
    lotVersion: num(a[20]),
    orgUpdatedAtMs: num(a[21]),
  };
}

export function createResolveStore(db: Database) {
  const pool = db.pool;
  /** Runs the read of `serials` (distinct), as arrays of column values. */
  async function read(serials: readonly string[]): Promise<unknown[][]> {
    if (pool) {
      const one = serials.length === 1;
      const result = await pool.query({ name: one ? 'stamps_resolve_serial' : 'stamps_resolve_serials', text: one ? ONE : MANY, values: [one ? serials[0] : pgArray(serials)], rowMode: 'array' });
      return result.rows as unknown[][];
    }
    const found = await rows<Record<string, unknown>>(db.orm, sql`${sql.raw(`select ${COLUMNS} ${FROM}`)} where s.serial = any(${pgArray(serials)}::text[])`);
    return found.map((r) => COLUMN_NAMES.map((c) => r[c]));
  }

  const bySerial = turnBatcher(async (serials: readonly string[]) => {
    const found = await read(serials);
    return new Map(found.map((a) => [a[0] as string, recordOf(a)]));
  });

  return {
    /** The stamp and its versions; batched with the other scans of this turn of the event loop. */
    bySerial,
    /** Published products carrying a GTIN (a GTIN is unique per organisation, so more than one may answer). */
    async productsByGtin(gtin: string): Promise<{ id: string; organizationId: string; version: number }[]> {
      const { products } = catalogTables;
      return db.orm
        .select({ id: products.id, organizationId: products.organizationId, version: products.version })
        .from(products)
        .where(sql`${products.gtin} = ${gtin} and ${products.status} = 'published'`)
        .orderBy(products.createdAt)
        .limit(5);
    },
  };
}

export type ResolveStore = ReturnType<typeof createResolveStore>;
