// catalog: products, places, lots, the farm diary, files, spreadsheet import/export and search. Other modules
// import only this file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { CatalogDeps } from './deps.ts';
import { createLotService } from './lots-service.ts';
import { createPlaceService } from './places-service.ts';
import { createProductService } from './products-service.ts';
import { lotRoutes } from './lot-routes.ts';
import { placeRoutes } from './place-routes.ts';
import { productRoutes } from './product-routes.ts';
import { DiskFileStorage, type FileStorage } from './storage/file-storage.ts';

export const catalogModule = { name: 'catalog', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;
export type { CatalogDeps, OrganizationDirectory, OrganizationFacts } from './deps.ts';
export { productCompleteness, lotCompleteness, type CompletenessReport, type MissingField } from './completeness.ts';
export { productPublicContent, placePublicContent, presentProduct, presentPlace, presentLot } from './presenter.ts';
export { lotIdentifiers, lotEpcClass } from './lot-identifiers.ts';
export { CatalogErrors } from './messages.ts';
export { DiskFileStorage, type FileStorage } from './storage/file-storage.ts';
export * as catalogTables from './tables.ts';

export interface CreateCatalogOptions extends Omit<CatalogDeps, 'storage'> {
  /** Defaults to files on disk under `<dataDir>/files`. */
  readonly storage?: FileStorage;
  readonly dataDir: string;
}

export function createCatalog(options: CreateCatalogOptions) {
  const deps: CatalogDeps = { ...options, storage: options.storage ?? new DiskFileStorage(path.join(options.dataDir, 'files')) };
  const products = createProductService(deps);
  const places = createPlaceService(deps);
  const lots = createLotService(deps);
  return { deps, products, places, lots };
}

export type Catalog = ReturnType<typeof createCatalog>;

export async function catalogRoutes(app: FastifyInstance, catalog: Catalog): Promise<void> {
  await productRoutes(app, { products: catalog.products });
  await placeRoutes(app, { places: catalog.places });
  await lotRoutes(app, { lots: catalog.lots });
}
