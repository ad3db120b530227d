// The Drizzle table definitions used by the code must match what the migrations create: every column exists
// with a compatible type and nullability. A changed query or migration that drifts fails here.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoTables } from '../../modules/geo/index.ts';
import { identityTables } from '../../modules/identity/index.ts';
import { openTestDatabase } from '../../../test/harness.ts';
import { rows, type Database } from './database.ts';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

const TYPE_MAP: Record<string, string[]> = {
  PgUUID: ['uuid'],
  PgText: ['text'],
  PgInteger: ['integer'],
  PgBigInt53: ['bigint'],
  PgBoolean: ['boolean'],
  PgTimestamp: ['timestamp with time zone'],
  PgJsonb: ['jsonb'],
  PgArray: ['ARRAY'],
};

const tables = ([...Object.values(geoTables), ...Object.values(identityTables)] as unknown[]).filter(
  (v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v,
);

describe('schema drift', () => {
  it.each(tables.map((tb) => [getTableConfig(tb).schema + '.' + getTableConfig(tb).name, tb] as const))('%s matches its migration', async (_name, table) => {
    const cfg = getTableConfig(table);
    const cols = await rows<{ column_name: string; data_type: string; is_nullable: string }>(
      db.orm,
      sql`select column_name, data_type, is_nullable from information_schema.columns where table_schema = ${cfg.schema!} and table_name = ${cfg.name}`,
    );
    expect(cols.length, `table ${cfg.schema}.${cfg.name} missing`).toBeGreaterThan(0);
    const byName = new Map(cols.map((c) => [c.column_name, c]));
    for (const col of cfg.columns) {
      const db = byName.get(col.name);
      expect(db, `column ${cfg.name}.${col.name}`).toBeDefined();
      const allowed = TYPE_MAP[col.columnType] ?? [];
      expect(allowed, `${cfg.name}.${col.name}: ${col.columnType} vs ${db!.data_type}`).toContain(db!.data_type);
      if (col.notNull) expect(db!.is_nullable, `${cfg.name}.${col.name} should be NOT NULL`).toBe('NO');
    }
  });
});
