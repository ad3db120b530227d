// Drizzle definitions of the `ledger` schema (migrations/0001_ledger.sql). The sequencer writes with batched
// raw SQL (one statement per table per batch); these definitions type the simple reads.
import { bigint, customType, integer, pgSchema, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Uint8Array (node-postgres returns a Buffer, PGlite a Uint8Array: both are one). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const ledger = pgSchema('ledger');

export const treeState = ledger.table('tree_state', {
  id: smallint('id').primaryKey(),
  origin: text('origin').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  root: bytea('root').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const entries = ledger.table('entries', {
  leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
  kind: text('kind').notNull(),
  recordId: text('record_id').notNull(),
  sha256: bytea('sha256').notNull(),
});

export const tiles = ledger.table('tiles', {
  level: smallint('level').notNull(),
  idx: bigint('idx', { mode: 'number' }).notNull(),
  width: smallint('width').notNull(),
  data: bytea('data').notNull(),
});

export const midTiles = ledger.table('mid_tiles', {
  level: smallint('level').notNull(),
  idx: bigint('idx', { mode: 'number' }).notNull(),
  width: smallint('width').notNull(),
  data: bytea('data').notNull(),
});

export const bundles = ledger.table('bundles', {
  idx: bigint('idx', { mode: 'number' }).primaryKey(),
  width: smallint('width').notNull(),
  data: bytea('data').notNull(),
});

export const checkpoints = ledger.table('checkpoints', {
  size: bigint('size', { mode: 'number' }).primaryKey(),
  root: bytea('root').notNull(),
  note: text('note').notNull(),
  cosignatures: integer('cosignatures').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

export const witnessStatus = ledger.table('witness_status', {
  vkey: text('vkey').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
