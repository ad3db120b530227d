// What a spreadsheet's rows are checked against, loaded once per import (not once per row): the organisation's
// products, places, existing codes, and the communes of the province. Loaded in the transaction that commits,
// so that the check and the write see the same data.
import { and, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/database.ts';
import { foldForSearch } from '../../../platform/text/fold.ts';
import type { OrganizationFacts } from '../deps.ts';
import { lots, places, products } from '../tables.ts';
import type { DiaryRefs } from '../diary/diary-list.ts';

export interface ImportContext {
  /** The executor the rows are checked with: the commit's transaction, or the database while validating. */
  readonly tx: Orm;
  readonly org: OrganizationFacts;
  readonly refs: DiaryRefs;
  readonly existingGtins: ReadonlySet<string>;
  readonly existingPlaceCodes: ReadonlySet<string>;
  readonly existingLots: ReadonlySet<string>;
  /** GLN (+ extension) of any organisation's places. */
  glnTaken(gln: string, extension: string | null): Promise<boolean>;
  /** The product behind a product reference, with what a lot or diary step needs of it. */
  productById(id: string): { id: string; gtin: string | null; nameVi: string; version: number; unit: string } | undefined;
  placeById(id: string): { id: string; version: number; name: string } | undefined;
  /** A lot of one of the organisation's products by its code. */
  lot(productId: string, lotCode: string): { id: string; productId: string; lotCode: string; unit: string | null } | undefined;
}

export async function loadImportContext(tx: Orm, org: OrganizationFacts, communes: readonly { id: number; name: string }[]): Promise<ImportContext> {
  // One after the other: the three reads share the transaction's connection, which runs one query at a time.
  const prods = await tx.select({ id: products.id, gtin: products.gtin, nameVi: products.nameVi, version: products.version, unit: products.unit }).from(products).where(eq(products.organizationId, org.id));
  const plcs = await tx.select({ id: places.id, code: places.internalCode, version: places.version, name: places.name }).from(places).where(eq(places.organizationId, org.id));
  const lotKeys = await tx.select({ id: lots.id, productId: lots.productId, lotCode: lots.lotCode, unit: lots.unit }).from(lots).where(eq(lots.organizationId, org.id));
  const byGtin = new Map(prods.filter((p) => p.gtin).map((p) => [p.gtin!, p]));
  const byName = new Map<string, typeof prods>();
  for (const p of prods) {
    const key = foldForSearch(p.nameVi);
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const placeByCode = new Map(plcs.map((p) => [p.code, p]));
  const placeByFoldedCode = new Map(plcs.map((p) => [p.code.toLowerCase(), p]));
  const communeByName = new Map<string, number>();
  for (const c of communes) {
    const f = foldForSearch(c.name);
    communeByName.set(f, c.id);
    communeByName.set(`xa ${f}`, c.id);
    communeByName.set(`phuong ${f}`, c.id);
  }
  const productsById = new Map(prods.map((p) => [p.id, p]));
  const lotsByKey = new Map(lotKeys.map((l) => [`${l.productId}:${l.lotCode}`, l]));
  const placesById = new Map(plcs.map((p) => [p.id, p]));
  const productRefs = new Map<string, (typeof prods)[number] | 'ambiguous' | undefined>();
  return {
    tx,
    org,
    existingGtins: new Set(byGtin.keys()),
    existingPlaceCodes: new Set(placeByCode.keys()),
    existingLots: new Set(lotKeys.map((l) => `lot:${l.productId}:${l.lotCode}`)),
    refs: {
      place: (code) => placeByCode.get(code.trim()) ?? placeByFoldedCode.get(code.trim().toLowerCase()),
      product: (ref) => {
        // Rows of one file name the same few products: each reference is resolved once.
        if (productRefs.has(ref)) return productRefs.get(ref);
        const r = ref.trim();
        const found = /^\d{8,14}$/.test(r) ? byGtin.get(r.padStart(14, '0')) : (() => {
          const named = byName.get(foldForSearch(r)) ?? [];
          return named.length > 1 ? ('ambiguous' as const) : named[0];
        })();
        productRefs.set(ref, found);
        return found;
      },
      commune: (name) => communeByName.get(foldForSearch(name)),
      lot: (productId, lotCode) => lotsByKey.get(`${productId}:${lotCode.trim()}`),
    },
    async glnTaken(gln, extension) {
      const rowsFound = await tx.select({ ext: places.glnExtension }).from(places).where(and(eq(places.gln, gln), inArray(places.gln, [gln])));
      return rowsFound.some((r) => (r.ext ?? '') === (extension ?? ''));
    },
    productById: (id) => productsById.get(id),
    placeById: (id) => placesById.get(id),
    lot: (productId, lotCode) => lotsByKey.get(`${productId}:${lotCode.trim()}`),
  };
}
