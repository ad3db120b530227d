// Drizzle definitions of the stamps schema (migrations/ is the source of truth; stamps-schema.test.ts compares).
import { bigint, boolean, customType, doublePrecision, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ApprovalCheck, LabelLayout, StampFlag, StampKind, StampStatus, RequestStatus, StatusChangeKind } from './model.ts';

export const stampsSchema = pgSchema('stamps');

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const quotas = stampsSchema.table('quotas', {
  organizationId: uuid('organization_id').primaryKey(),
  yearlyLimit: integer('yearly_limit').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const requests = stampsSchema.table('requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  orgCommuneId: integer('org_commune_id').notNull(),
  orgSectors: text('org_sectors').array().notNull(),
  productId: uuid('product_id').notNull(),
  productSector: text('product_sector'),
  lotId: uuid('lot_id'),
  quantity: integer('quantity').notNull(),
  kind: text('kind').$type<StampKind>().notNull(),
  layout: jsonb('layout').$type<LabelLayout>().notNull(),
  expectedRegionKm: integer('expected_region_km').notNull(),
  note: text('note'),
  status: text('status').$type<RequestStatus>().notNull(),
  checks: jsonb('checks').$type<ApprovalCheck[]>(),
  decisionReason: text('decision_reason'),
  decidedBy: text('decided_by'),
  decidedAt: ts('decided_at'),
  uriPrefix: text('uri_prefix'),
  gtin: text('gtin'),
  lotCode: text('lot_code'),
  jobId: uuid('job_id'),
  issuedCount: integer('issued_count').notNull().default(0),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const stamps = stampsSchema.table('stamps', {
  serial: text('serial').primaryKey(),
  requestId: uuid('request_id').notNull(),
  seq: integer('seq').notNull(),
  organizationId: uuid('organization_id').notNull(),
  productId: uuid('product_id').notNull(),
  lotId: uuid('lot_id'),
  status: text('status').$type<StampStatus>().notNull(),
  codeHash: bytea('code_hash'),
  codeVerifiedAt: ts('code_verified_at'),
  codeVerifiedBy: text('code_verified_by'),
  codeFailures: integer('code_failures').notNull().default(0),
  codeLastFailureAt: ts('code_last_failure_at'),
  printedAt: ts('printed_at'),
  activatedAt: ts('activated_at'),
  statusChangedAt: ts('status_changed_at'),
  scanCount: integer('scan_count').notNull().default(0),
  firstScannedAt: ts('first_scanned_at'),
  lastScannedAt: ts('last_scanned_at'),
  flags: jsonb('flags').$type<StampFlag[]>().notNull(),
});

export const stock = stampsSchema.table('stock', {
  requestId: uuid('request_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  status: text('status').$type<StampStatus>().notNull(),
  n: integer('n').notNull(),
});

export const issueBatches = stampsSchema.table('issue_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  requestId: uuid('request_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  seqFrom: integer('seq_from').notNull(),
  seqTo: integer('seq_to').notNull(),
  merkleRoot: text('merkle_root').notNull(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  contentSha256: text('content_sha256').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const statusChanges = stampsSchema.table('status_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  organizationId: uuid('organization_id').notNull(),
  kind: text('kind').$type<StatusChangeKind>().notNull(),
  toStatus: text('to_status').$type<StampStatus>().notNull(),
  lotId: uuid('lot_id'),
  reason: text('reason'),
  stampCount: integer('stamp_count').notNull(),
  merkleRoot: text('merkle_root').notNull(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  contentSha256: text('content_sha256').notNull(),
  actor: text('actor'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const stampEvents = stampsSchema.table('stamp_events', {
  changeId: uuid('change_id').notNull(),
  idx: integer('idx').notNull(),
  serial: text('serial').notNull(),
  fromStatus: text('from_status').$type<StampStatus>().notNull(),
});

export const printJobs = stampsSchema.table('print_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  requestId: uuid('request_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  format: text('format').$type<'pdf' | 'zip'>().notNull(),
  seqFrom: integer('seq_from').notNull(),
  seqTo: integer('seq_to').notNull(),
  labelCount: integer('label_count').notNull(),
  reprint: boolean('reprint').notNull(),
  reason: text('reason'),
  withCodes: boolean('with_codes').notNull(),
  layout: jsonb('layout').$type<LabelLayout>().notNull(),
  printedBy: text('printed_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const scans = stampsSchema.table('scans', {
  id: uuid('id').notNull(),
  serial: text('serial').notNull(),
  organizationId: uuid('organization_id').notNull(),
  scannedAt: ts('scanned_at').notNull(),
  channel: text('channel').notNull(),
  uaFamily: text('ua_family').notNull(),
  clientHash: text('client_hash'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  distanceKm: doublePrecision('distance_km'),
});

export const rateCounters = stampsSchema.table('rate_counters', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowEnds: ts('window_ends').notNull(),
});

export type RequestRow = typeof requests.$inferSelect;
export type StampRow = typeof stamps.$inferSelect;
export type PrintJobRow = typeof printJobs.$inferSelect;
export type StatusChangeRow = typeof statusChanges.$inferSelect;
