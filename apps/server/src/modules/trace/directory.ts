// Names behind identities, read in batches through the identity and catalog modules' exported table
// definitions: who an event's party is (an organisation URI of this installation, a GLN, a GLN under a GS1
// Company Prefix), which product a GTIN is, which catalog lot a lot identity is, where a location is. Read-only;
// a trace of a few hundred identities costs a handful of queries, never one per identity.
import { and, eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { catalogTables } from '../catalog/index.ts';
import { identityTables } from '../identity/index.ts';
import type { Orm } from '../../platform/db/database.ts';

export interface OrganizationInfo {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly communeId: number;
  readonly sectors: readonly string[];
  readonly phone: string | null;
  readonly email: string | null;
  readonly representative: string;
  readonly gln: string | null;
  readonly gs1CompanyPrefix: string | null;
}

export interface ProductInfo {
  readonly id: string;
  readonly organizationId: string;
  readonly gtin: string | null;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly unit: string;
}

export interface LotInfo {
  readonly id: string;
  readonly organizationId: string;
  readonly productId: string;
  readonly lotCode: string;
  readonly productionDate: string | null;
  readonly harvestDate: string | null;
}

export interface PlaceInfo {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly gln: string | null;
  readonly glnExtension: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly address: string | null;
}

const orgs = identityTables.organizations;

/**
 * `column = any($1)` with the values as one array parameter: drizzle's inArray writes one parameter per value,
 * and building those statements (a trace's parties name hundreds of GLNs and GS1 Company Prefixes) cost more
 * CPU than running them.
 */
const anyOf = (column: AnyColumn, values: readonly string[], type: 'text' | 'uuid'): SQL => sql`${column} = any(${sql.param([...values])}::${sql.raw(type)}[])`;
const { products, lots, places } = catalogTables;

const ORG_COLUMNS = {
  id: orgs.id, name: orgs.name, address: orgs.address, communeId: orgs.communeId, sectors: orgs.sectors, phone: orgs.phone, email: orgs.email,
  representative: orgs.representative, gln: orgs.gln, gs1CompanyPrefix: orgs.gs1CompanyPrefix,
};

export function createDirectory(db: Orm, publicBaseUrl: string) {
  const orgUriPrefix = `${publicBaseUrl}/id/organization/`;
  const lotUriPrefix = `${publicBaseUrl}/id/lot/`;
  const placeUriPrefix = `${publicBaseUrl}/id/place/`;

  async function organizationsById(ids: readonly string[]): Promise<Map<string, OrganizationInfo>> {
    const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!wanted.length) return new Map();
    const found = await db.select(ORG_COLUMNS).from(orgs).where(anyOf(orgs.id, wanted, 'uuid'));
    return new Map(found.map((o) => [o.id, o]));
  }

  /** Organisations owning GLNs: by the registered GLN, else by the longest GS1 Company Prefix the GLN starts with. */
  async function organizationsByGln(glns: readonly string[]): Promise<Map<string, OrganizationInfo>> {
    const wanted = [...new Set(glns)];
    if (!wanted.length) return new Map();
    const prefixes = [...new Set(wanted.flatMap((g) => Array.from({ length: 7 }, (_, i) => g.slice(0, 6 + i))))];
    const found = await db.select(ORG_COLUMNS).from(orgs).where(or(anyOf(orgs.gln, wanted, 'text'), anyOf(orgs.gs1CompanyPrefix, prefixes, 'text')));
    const out = new Map<string, OrganizationInfo>();
    for (const gln of wanted) {
      const exact = found.find((o) => o.gln === gln);
      const byPrefix = found.filter((o) => o.gs1CompanyPrefix && gln.startsWith(o.gs1CompanyPrefix)).sort((a, b) => b.gs1CompanyPrefix!.length - a.gs1CompanyPrefix!.length)[0];
      const org = exact ?? byPrefix;
      if (org) out.set(gln, org);
    }
    return out;
  }

  /** Organisations an official's scope covers (officialScopeCovers, as SQL over identity.organizations). */
  async function organizationIdsWhere(condition: SQL | undefined): Promise<string[]> {
    const found = await db.select({ id: orgs.id }).from(orgs).where(condition);
    return found.map((o) => o.id);
  }

  async function productsByGtin(gtins: readonly string[]): Promise<Map<string, ProductInfo>> {
    const wanted = [...new Set(gtins)];
    if (!wanted.length) return new Map();
    const found = await db
      .select({ id: products.id, organizationId: products.organizationId, gtin: products.gtin, nameVi: products.nameVi, nameEn: products.nameEn, unit: products.unit, status: products.status })
      .from(products)
      .where(anyOf(products.gtin, wanted, 'text'));
    // One GTIN should name one product; where drafts repeat it, the published one wins (as the resolver decides).
    const out = new Map<string, ProductInfo>();
    for (const p of found.sort((a, b) => Number(b.status === 'published') - Number(a.status === 'published'))) if (!out.has(p.gtin!)) out.set(p.gtin!, p);
    return out;
  }

  async function productsById(ids: readonly string[]): Promise<Map<string, ProductInfo>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const found = await db
      .select({ id: products.id, organizationId: products.organizationId, gtin: products.gtin, nameVi: products.nameVi, nameEn: products.nameEn, unit: products.unit })
      .from(products)
      .where(anyOf(products.id, wanted, 'uuid'));
    return new Map(found.map((p) => [p.id, p]));
  }

  const LOT_COLUMNS = { id: lots.id, organizationId: lots.organizationId, productId: lots.productId, lotCode: lots.lotCode, productionDate: lots.productionDate, harvestDate: lots.harvestDate };

  /** Catalog lots by (product, lot code) pairs and by id. */
  async function lotsBy(pairs: readonly { productId: string; lotCode: string }[], ids: readonly string[]): Promise<LotInfo[]> {
    const conditions: SQL[] = [];
    if (pairs.length) conditions.push(sql`(${lots.productId}, ${lots.lotCode}) in (${sql.join(pairs.map((p) => sql`(${p.productId}::uuid, ${p.lotCode})`), sql`, `)})`);
    const validIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (validIds.length) conditions.push(anyOf(lots.id, validIds, 'uuid'));
    if (!conditions.length) return [];
    return db.select(LOT_COLUMNS).from(lots).where(or(...conditions));
  }

  /**
   * Catalog lots by (GTIN, lot code) pairs, each with the GTIN of its product: one query where lotsBy needs the
   * products' ids first. Where drafts repeat a GTIN, the caller keeps the lots of the product productsByGtin chose.
   */
  async function lotsByGtin(pairs: readonly { gtin: string; lotCode: string }[]): Promise<(LotInfo & { gtin: string })[]> {
    if (!pairs.length) return [];
    const found = await db
      .select({ ...LOT_COLUMNS, gtin: products.gtin })
      .from(lots)
      .innerJoin(products, eq(products.id, lots.productId))
      .where(sql`(${products.gtin}, ${lots.lotCode}) in (select * from unnest(${sql.param(pairs.map((p) => p.gtin))}::text[], ${sql.param(pairs.map((p) => p.lotCode))}::text[]))`);
    return found.map((l) => ({ ...l, gtin: l.gtin! }));
  }

  async function lotsOfProduct(productId: string, from: string | null, to: string | null): Promise<LotInfo[]> {
    const day = sql`coalesce(${lots.productionDate}, ${lots.harvestDate})`;
    return db.select(LOT_COLUMNS).from(lots).where(and(
      eq(lots.productId, productId),
      from ? sql`${day} >= ${from}::date` : undefined,
      to ? sql`${day} <= ${to}::date` : undefined,
    ));
  }

  async function placesBy(glns: readonly string[], ids: readonly string[]): Promise<PlaceInfo[]> {
    const validIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!glns.length && !validIds.length) return [];
    return db
      .select({ id: places.id, organizationId: places.organizationId, name: places.name, gln: places.gln, glnExtension: places.glnExtension, latitude: places.latitude, longitude: places.longitude, address: places.address })
      .from(places)
      .where(or(glns.length ? anyOf(places.gln, [...new Set(glns)], 'text') : undefined, validIds.length ? anyOf(places.id, validIds, 'uuid') : undefined));
  }

  /** Each organisation's place with coordinates (a shop, warehouse or facility before farms), for maps. */
  async function locatedPlaceOf(orgIds: readonly string[]): Promise<Map<string, PlaceInfo>> {
    const wanted = [...new Set(orgIds)];
    if (!wanted.length) return new Map();
    const found = await db
      .select({ id: places.id, organizationId: places.organizationId, name: places.name, gln: places.gln, glnExtension: places.glnExtension, latitude: places.latitude, longitude: places.longitude, address: places.address, kind: places.kind })
      .from(places)
      .where(and(anyOf(places.organizationId, wanted, 'uuid'), sql`${places.latitude} is not null and ${places.longitude} is not null and not ${places.archived}`));
    const rank = (k: string) => ['shop', 'warehouse', 'processing_facility', 'barn', 'farm', 'planting_area'].indexOf(k);
    const out = new Map<string, PlaceInfo>();
    for (const p of found.sort((a, b) => rank(a.kind) - rank(b.kind))) if (!out.has(p.organizationId)) out.set(p.organizationId, p);
    return out;
  }

  return {
    locatedPlaceOf,
    orgUri: (id: string) => `${orgUriPrefix}${id}`,
    /** The organisation id in an organisation URI of this installation. */
    organizationIdOfUri: (uri: string) => (uri.startsWith(orgUriPrefix) ? uri.slice(orgUriPrefix.length) : null),
    lotIdOfUri: (uri: string) => (uri.startsWith(lotUriPrefix) ? uri.slice(lotUriPrefix.length) : null),
    placeIdOfUri: (uri: string) => (uri.startsWith(placeUriPrefix) ? uri.slice(placeUriPrefix.length) : null),
    lotUri: (id: string) => `${lotUriPrefix}${id}`,
    organizationsById,
    organizationsByGln,
    organizationIdsWhere,
    productsByGtin,
    productsById,
    lotsBy,
    lotsByGtin,
    lotsOfProduct,
    placesBy,
    orgColumns: { communeId: orgs.communeId, sectors: orgs.sectors },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
