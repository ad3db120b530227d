// What other modules read from the catalog without a request actor: the public product page (published products
// only), the stamp checks (is a lot's product complete under Circular 02 / Decree 37?), and place data for trace.
import { count, eq } from 'drizzle-orm';
import { lotCompleteness, type CompletenessReport } from './completeness.ts';
import type { CatalogDeps } from './deps.ts';
import type { LotService } from './lots-service.ts';
import type { PlaceService } from './places-service.ts';
import { lotIdentifiers } from './lot-identifiers.ts';
import { placePublicContent, presentLot, presentProduct } from './presenter.ts';
import type { ProductService } from './products-service.ts';
import { diarySteps, products } from './tables.ts';

export function createPublicCatalog(deps: CatalogDeps & { products: ProductService; places: PlaceService; lots: LotService }) {
  const { db } = deps;

  async function stageCount(lotId: string): Promise<number> {
    const [row] = await db.replica.select({ n: count() }).from(diarySteps).where(eq(diarySteps.lotId, lotId));
    return Number(row?.n ?? 0);
  }

  return {
    /** A published product with its producer (name, address, tax code) and origin place (public fields); undefined for drafts. */
    async publishedProduct(id: string) {
      const [p] = await db.replica.select().from(products).where(eq(products.id, id));
      if (!p || p.status !== 'published') return undefined;
      const org = await deps.organizations.findById(p.organizationId);
      const origin = p.originPlaceId ? await deps.places.findById(p.originPlaceId) : undefined;
      return {
        product: presentProduct(p),
        producer: org ? { id: org.id, name: org.name, address: org.address, taxCode: org.taxCode, communeId: org.communeId } : null,
        originPlace: origin ? placePublicContent(origin) : null,
      };
    },

    /** The lot of a GTIN (any length) and lot code, with its product and identifiers; no scope check. */
    async lotByGtinAndLot(gtin: string, lotCode: string) {
      const found = await deps.lots.findByGtinAndLot(gtin, lotCode);
      if (!found) return undefined;
      const org = await deps.organizations.findById(found.product.organizationId);
      return { lot: presentLot(found.lot, lotIdentifiers(found.product.gtin, found.lot.lotCode, org?.gs1CompanyPrefix ?? null, deps.publicBaseUrl, found.lot.id)), product: presentProduct(found.product) };
    },

    /** Circular 02/2024 Art. 6.5 + Decree 37/2026 Art. 32 for a lot: the product's fields, the lot's dates, recorded stages. */
    async lotCompleteness(lotId: string): Promise<CompletenessReport | undefined> {
      const lot = await deps.lots.findById(lotId);
      if (!lot) return undefined;
      const [product] = await db.replica.select().from(products).where(eq(products.id, lot.productId));
      const report = await deps.products.completenessOf(product!);
      return lotCompleteness(report, { productionDate: lot.productionDate, harvestDate: lot.harvestDate, expiryDate: lot.expiryDate, stageCount: await stageCount(lotId) }, product!.shelfLifeDays);
    },

    /** Public fields of a place (no address or coordinates of a household's farm). */
    async placePublic(id: string) {
      const place = await deps.places.findById(id);
      return place ? placePublicContent(place) : undefined;
    },
  };
}

export type PublicCatalog = ReturnType<typeof createPublicCatalog>;
