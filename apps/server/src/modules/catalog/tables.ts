// Drizzle definitions of the catalog schema (migrations/ is the source of truth; a drift test compares them).
import { boolean, date, doublePrecision, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Certification, DiaryWarning, ImageRef, ImportReport, Standard } from './model.ts';

export const catalog = pgSchema('catalog');

const placement = {
  organizationId: uuid('organization_id').notNull(),
  orgCommuneId: integer('org_commune_id').notNull(),
  orgSectors: text('org_sectors').array().notNull(),
};

export const products = catalog.table('products', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...placement,
  status: text('status').$type<'draft' | 'published'>().notNull(),
  version: integer('version').notNull(),
  gtin: text('gtin'),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en'),
  descriptionVi: text('description_vi'),
  descriptionEn: text('description_en'),
  category: text('category').notNull(),
  sector: text('sector'),
  unit: text('unit').notNull(),
  shelfLifeDays: integer('shelf_life_days'),
  brand: text('brand'),
  trademark: text('trademark'),
  modelCode: text('model_code'),
  standards: jsonb('standards').$type<Standard[]>().notNull(),
  certifications: jsonb('certifications').$type<Certification[]>().notNull(),
  ocopStars: integer('ocop_stars'),
  ocopCertificateNumber: text('ocop_certificate_number'),
  ocopDecision: text('ocop_decision'),
  ocopExpiresOn: date('ocop_expires_on'),
  protectedMarkKind: text('protected_mark_kind').$type<'geographical_indication' | 'collective_mark' | 'certification_mark'>(),
  protectedMarkName: text('protected_mark_name'),
  keyProduct: boolean('key_product').notNull(),
  riskClass: text('risk_class').$type<'low' | 'medium' | 'high'>(),
  safetyWarnings: text('safety_warnings'),
  originPlaceId: uuid('origin_place_id'),
  images: jsonb('images').$type<ImageRef[]>().notNull(),
  search: text('search').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

export const productVersions = catalog.table('product_versions', {
  productId: uuid('product_id').notNull(),
  version: integer('version').notNull(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  contentSha256: text('content_sha256').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  recordedBy: text('recorded_by'),
});

export const places = catalog.table('places', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...placement,
  version: integer('version').notNull(),
  kind: text('kind').$type<PlaceKind>().notNull(),
  name: text('name').notNull(),
  communeId: integer('commune_id'),
  address: text('address'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  gln: text('gln'),
  glnExtension: text('gln_extension'),
  internalCode: text('internal_code').notNull(),
  plantingAreaCode: text('planting_area_code'),
  areaHa: doublePrecision('area_ha'),
  description: text('description'),
  archived: boolean('archived').notNull(),
  search: text('search').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const PLACE_KINDS = ['farm', 'planting_area', 'barn', 'processing_facility', 'warehouse', 'shop'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const placeVersions = catalog.table('place_versions', {
  placeId: uuid('place_id').notNull(),
  version: integer('version').notNull(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  contentSha256: text('content_sha256').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  recordedBy: text('recorded_by'),
});

export const lots = catalog.table('lots', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...placement,
  version: integer('version').notNull(),
  productId: uuid('product_id').notNull(),
  productVersion: integer('product_version').notNull(),
  lotCode: text('lot_code').notNull(),
  productionDate: date('production_date'),
  harvestDate: date('harvest_date'),
  expiryDate: date('expiry_date'),
  quantity: doublePrecision('quantity'),
  unit: text('unit'),
  originPlaceId: uuid('origin_place_id'),
  originPlaceVersion: integer('origin_place_version'),
  notes: text('notes'),
  search: text('search').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const diarySteps = catalog.table('diary_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...placement,
  lotId: uuid('lot_id').notNull(),
  kind: text('kind').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  placeId: uuid('place_id'),
  placeVersion: integer('place_version'),
  productVersion: integer('product_version').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  warnings: jsonb('warnings').$type<DiaryWarning[]>().notNull(),
  eventIds: text('event_ids').array().notNull(),
  recordedBy: text('recorded_by'),
  recordedByLabel: text('recorded_by_label'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const files = catalog.table('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  kind: text('kind').$type<'image' | 'document'>().notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  width: integer('width'),
  height: integer('height'),
  storageKeys: jsonb('storage_keys').$type<Record<string, string>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const IMPORT_LISTS = ['products', 'places', 'lots', 'diary'] as const;
export type ImportList = (typeof IMPORT_LISTS)[number];
export type ImportStatus = 'validating' | 'validated' | 'rejected' | 'committing' | 'committed' | 'failed';
export type CommitMode = 'valid-rows' | 'all-or-nothing';

export const imports = catalog.table('imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  list: text('list').$type<ImportList>().notNull(),
  fileName: text('file_name').notNull(),
  fileFormat: text('file_format').$type<'xlsx' | 'csv'>().notNull(),
  storageKey: text('storage_key').notNull(),
  status: text('status').$type<ImportStatus>().notNull(),
  commitMode: text('commit_mode').$type<CommitMode>(),
  jobId: uuid('job_id'),
  totalRows: integer('total_rows'),
  validRows: integer('valid_rows'),
  invalidRows: integer('invalid_rows'),
  committedRows: integer('committed_rows'),
  report: jsonb('report').$type<ImportReport>(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ProductRow = typeof products.$inferSelect;
export type PlaceRow = typeof places.$inferSelect;
export type LotRow = typeof lots.$inferSelect;
export type DiaryStepRow = typeof diarySteps.$inferSelect;
export type FileRow = typeof files.$inferSelect;
export type ImportRow = typeof imports.$inferSelect;
