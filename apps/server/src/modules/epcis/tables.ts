// Drizzle definitions of the `epcis` schema (migrations/0001_epcis.sql). Hot paths (bulk capture, the query
// translator) use raw SQL over the same columns; `tables.test.ts` checks these definitions against the migration.
import { bigint, boolean, customType, doublePrecision, integer, jsonb, pgSchema, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const epcis = pgSchema('epcis');

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export const eventIds = epcis.table('event_ids', {
  eventId: text('event_id').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: bytea('hash').notNull(),
  declaration: boolean('declaration').notNull(),
});

export const events = epcis.table('events', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  eventId: text('event_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  captureId: uuid('capture_id'),
  eventType: text('event_type').notNull(),
  action: text('action'),
  eventTime: timestamp('event_time', { withTimezone: true }).notNull(),
  recordTime: timestamp('record_time', { withTimezone: true }).notNull(),
  txid: xid8('txid').notNull(),
  bizStep: text('biz_step'),
  disposition: text('disposition'),
  readPoint: text('read_point'),
  bizLocation: text('biz_location'),
  transformationId: text('transformation_id'),
  pdSet: text('pd_set').array(),
  pdUnset: text('pd_unset').array(),
  declarationTime: timestamp('declaration_time', { withTimezone: true }),
  errorReason: text('error_reason'),
  hasSensor: boolean('has_sensor').notNull(),
  body: jsonb('body').notNull(),
});

export const eventEpcs = epcis.table('event_epcs', {
  seq: bigint('seq', { mode: 'number' }).notNull(),
  role: smallint('role').notNull(),
  epc: text('epc').notNull(),
});

export const eventQuantities = epcis.table('event_quantities', {
  seq: bigint('seq', { mode: 'number' }).notNull(),
  role: smallint('role').notNull(),
  epcClass: text('epc_class').notNull(),
  quantity: doublePrecision('quantity'),
  uom: text('uom'),
});

export const eventParties = epcis.table('event_parties', {
  seq: bigint('seq', { mode: 'number' }).notNull(),
  role: smallint('role').notNull(),
  type: text('type').notNull(),
  party: text('party').notNull(),
  gln: text('gln'),
});

export const eventBizTransactions = epcis.table('event_biz_transactions', {
  seq: bigint('seq', { mode: 'number' }).notNull(),
  type: text('type'),
  bizTransaction: text('biz_transaction').notNull(),
});

export const eventCorrections = epcis.table('event_corrections', {
  seq: bigint('seq', { mode: 'number' }).notNull(),
  correctiveEventId: text('corrective_event_id').notNull(),
});

export const eventFields = epcis.table('event_fields', {
  seq: bigint('seq', { mode: 'number' }).notNull(),
  scope: smallint('scope').notNull(),
  top: boolean('top').notNull(),
  pos: integer('pos').notNull(),
  ns: text('ns').notNull(),
  name: text('name').notNull(),
  textValue: text('text_value'),
  numValue: doublePrecision('num_value'),
  timeValue: timestamp('time_value', { withTimezone: true }),
  sortNum: doublePrecision('sort_num'),
  sortText: text('sort_text'),
});

export const eventSensorValues = epcis.table('event_sensor_values', {
  seq: bigint('seq', { mode: 'number' }).notNull(),
  field: text('field').notNull(),
  textValue: text('text_value'),
  numValue: doublePrecision('num_value'),
  uom: text('uom'),
  timeValue: timestamp('time_value', { withTimezone: true }),
});

export const capturingOrganizations = epcis.table('capturing_organizations', {
  organizationId: uuid('organization_id').primaryKey(),
});

export const vocabularyElements = epcis.table('vocabulary_elements', {
  organizationId: uuid('organization_id').notNull(),
  vocabularyType: text('vocabulary_type').notNull(),
  elementId: text('element_id').notNull(),
  attributes: jsonb('attributes').notNull(),
  children: text('children').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const captureJobs = epcis.table('capture_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  actorId: text('actor_id'),
  behaviour: text('behaviour').$type<'rollback' | 'proceed'>().notNull(),
  format: text('format').$type<'json' | 'xml'>().notNull(),
  running: boolean('running').notNull(),
  success: boolean('success').notNull(),
  eventCount: integer('event_count').notNull(),
  storedCount: integer('stored_count').notNull(),
  duplicateCount: integer('duplicate_count').notNull(),
  errors: jsonb('errors').notNull(),
  warnings: jsonb('warnings').notNull(),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const queries = epcis.table('queries', {
  owner: text('owner').notNull(),
  name: text('name').notNull(),
  query: jsonb('query').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const subscriptions = epcis.table('subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  owner: text('owner').notNull(),
  queryName: text('query_name').notNull(),
  reader: jsonb('reader').notNull(),
  dest: text('dest').notNull(),
  secretEnc: text('secret_enc').notNull(),
  stream: boolean('stream').notNull(),
  schedule: jsonb('schedule'),
  reportIfEmpty: boolean('report_if_empty').notNull(),
  epcFormat: text('epc_format').notNull(),
  initialRecordTime: timestamp('initial_record_time', { withTimezone: true }),
  lastSnapshot: text('last_snapshot'),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }),
  active: boolean('active').notNull(),
});
