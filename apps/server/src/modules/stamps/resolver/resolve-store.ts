// The one indexed read behind a stamp scan: the stamp by its serial (primary key), its request, and the current
// versions of its product, lot and organisation (primary keys) for the facts cache to compare. The catalog's
// and identity's tables are reached through their modules' exported table definitions, read only, joined by id.
// A prepared statement (named on PostgreSQL), so the server parses and plans it once per connection.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import { catalogTables } from '../../catalog/index.ts';
import { identityTables } from '../../identity/index.ts';
import type { StampFlag, StampKind, StampStatus } from '../model.ts';
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

const { products, lots } = catalogTables;
const { organizations } = identityTables;

export function createResolveStore(db: Database) {
  const query = db.orm
    .select({
      serial: stamps.serial,
      seq: stamps.seq,
      status: stamps.status,
      requestId: stamps.requestId,
      organizationId: stamps.organizationId,
      productId: stamps.productId,
      lotId: stamps.lotId,
      kind: requests.kind,
      uriPrefix: requests.uriPrefix,
      gtin: requests.gtin,
      lotCode: requests.lotCode,
      expectedRegionKm: requests.expectedRegionKm,
      hasCode: sql<boolean>`(${stamps.codeHash} is not null)`,
      codeVerifiedAt: stamps.codeVerifiedAt,
      activatedAt: stamps.activatedAt,
      scanCount: stamps.scanCount,
      firstScannedAt: stamps.firstScannedAt,
      lastScannedAt: stamps.lastScannedAt,
      flags: stamps.flags,
      productVersion: products.version,
      lotVersion: lots.version,
      orgUpdatedAtMs: sql<number | null>`floor(extract(epoch from ${organizations.updatedAt}) * 1000)::float8`,
    })
    .from(stamps)
    .innerJoin(requests, eq(requests.id, stamps.requestId))
    .leftJoin(products, eq(products.id, stamps.productId))
    .leftJoin(lots, eq(lots.id, stamps.lotId))
    .leftJoin(organizations, eq(organizations.id, stamps.organizationId))
    .where(eq(stamps.serial, sql.placeholder('serial')))
    .prepare('stamps_resolve_serial');

  return {
    async bySerial(serial: string): Promise<StampRecord | undefined> {
      const [row] = (await query.execute({ serial })) as StampRecord[];
      return row;
    },
    /** Published products carrying a GTIN (a GTIN is unique per organisation, so more than one may answer). */
    async productsByGtin(gtin: string): Promise<{ id: string; organizationId: string; version: number }[]> {
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
