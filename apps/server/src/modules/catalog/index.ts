// catalog: products, places, lots, the farm diary, files, spreadsheet import/export and search. Other modules
// import only this file.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { JobHandler } from '../../platform/jobs/jobs.ts';
import type { CatalogDeps } from './deps.ts';
import { createDiaryService, type DiaryEventSink } from './diary/diary-service.ts';
import { diaryRoutes } from './diary/diary-routes.ts';
import { diaryExportRecords, diaryImportHandler } from './diary/diary-import.ts';
import { DIARY_LIST } from './diary/diary-list.ts';
import { createExportService } from './export-service.ts';
import { fileRoutes } from './file-routes.ts';
import { createFileService } from './files-service.ts';
import { createImportService } from './import-service.ts';
import { importRoutes } from './import-routes.ts';
import { createLotService } from './lots-service.ts';
import { createPlaceService } from './places-service.ts';
import { createProductService } from './products-service.ts';
import { createPublicCatalog } from './public-service.ts';
import { lotRoutes } from './lot-routes.ts';
import { placeRoutes } from './place-routes.ts';
import { productRoutes } from './product-routes.ts';
import { createSearchService, type OrganizationSearch } from './search-service.ts';
import { searchRoutes } from './search-routes.ts';
import { listHandlers } from './spreadsheet/list-handlers.ts';
import type { FileStorage } from './storage/file-storage.ts';
import { fileStorageFor, type FileStorageConfig } from './storage/storage-for-config.ts';
import { vietnamDate } from './validation.ts';

export const catalogModule = { name: 'catalog', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;
export type { CatalogDeps, OrganizationDirectory, OrganizationFacts } from './deps.ts';
export { productCompleteness, lotCompleteness, type CompletenessReport, type MissingField } from './completeness.ts';
export { productPublicContent, placePublicContent, presentProduct, presentPlace, presentLot } from './presenter.ts';
export { lotIdentifiers, lotEpcClass } from './lot-identifiers.ts';
export { CatalogErrors } from './messages.ts';
export { DIARY_KINDS, DIARY_SPECS, type DiaryKind } from './diary/diary-kinds.ts';
export type { DiaryInput } from './diary/diary-input.ts';
export type { DiaryEventSink } from './diary/diary-service.ts';
export type { PublicCatalog } from './public-service.ts';
export { DiskFileStorage, type FileStorage } from './storage/file-storage.ts';
export * as catalogTables from './tables.ts';

export interface CreateCatalogOptions extends Omit<CatalogDeps, 'storage' | 'organizations' | 'publicBaseUrl'> {
  readonly organizations: CatalogDeps['organizations'] & OrganizationSearch;
  readonly config: FileStorageConfig & { readonly publicBaseUrl: string; readonly rateLimitPublicPerMinute: number };
  /** Defaults to the configured storage (TXNG_FILE_STORAGE): files on disk under `<dataDir>/files`, or S3. */
  readonly storage?: FileStorage;
  /** The epcis module's EventsService: diary steps are captured through it. */
  readonly events?: DiaryEventSink;
}

export function createCatalog(options: CreateCatalogOptions) {
  const { config } = options;
  const deps: CatalogDeps = {
    db: options.db,
    clock: options.clock,
    audit: options.audit,
    organizations: options.organizations,
    communes: options.communes,
    publicBaseUrl: config.publicBaseUrl,
    storage: options.storage ?? fileStorageFor(config),
  };
  const products = createProductService(deps);
  const places = createPlaceService(deps);
  const lots = createLotService(deps);
  const files = createFileService({ ...deps, products });
  const diary = createDiaryService({ ...deps, events: options.events });
  /** For stamps, the public page and trace: published products, lot lookup and completeness, place data. */
  const publicCatalog = createPublicCatalog({ ...deps, products, places, lots });
  const search = createSearchService({ db: deps.db, organizations: options.organizations });
  const handlers = listHandlers({ communes: deps.communes, today: () => vietnamDate(deps.clock.now()), now: () => deps.clock.now() });
  const diaryHandler = diaryImportHandler({ db: deps.db, events: options.events, now: () => deps.clock.now(), publicBaseUrl: deps.publicBaseUrl });
  const imports = createImportService({ ...deps, handlers: { ...handlers, diary: diaryHandler } as never });
  const exports = createExportService({ ...deps, diaryList: DIARY_LIST as never, diaryRecords: (actor) => diaryExportRecords(deps.db, actor) });
  const jobHandlers: ReadonlyMap<string, JobHandler> = new Map([...imports.jobHandlers]);
  return { deps, products, places, lots, files, diary, public: publicCatalog, search, imports, exports, jobHandlers, publicRateLimit: config.rateLimitPublicPerMinute };
}

export type Catalog = ReturnType<typeof createCatalog>;

export async function catalogRoutes(app: FastifyInstance, catalog: Catalog): Promise<void> {
  await productRoutes(app, { products: catalog.products });
  await placeRoutes(app, { places: catalog.places, publicBaseUrl: catalog.deps.publicBaseUrl });
  await lotRoutes(app, { lots: catalog.lots });
  await diaryRoutes(app, { diary: catalog.diary });
  await fileRoutes(app, { files: catalog.files });
  await searchRoutes(app, { search: catalog.search, publicRateLimit: catalog.publicRateLimit });
  await importRoutes(app, { imports: catalog.imports, exports: catalog.exports, now: () => catalog.deps.clock.now() });
}
