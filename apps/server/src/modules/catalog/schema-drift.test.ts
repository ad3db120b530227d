// The catalog's Drizzle definitions must match what its migrations create (every column, type and NOT NULL).
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../../test/harness.ts';
import * as tables from './tables.ts';

const TYPES: Record<string, string> = {
  PgUUID: 'uuid',
  PgText: 'text',
  PgInteger: 'integer',
  PgBoolean: 'boolean',
  PgTimestamp: 'timestamp with time zone',
  PgJsonb: 'jsonb',
  PgArray: 'ARRAY',
  PgDateString: 'date',
  PgDoublePrecision: 'double precision',
};

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ db, drop } = await openTestDatabase()));
afterAll(async () => drop?.());

const all = (Object.values(tables) as unknown[]).filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v);

describe('catalog schema', () => {
  it.each(all.map((tb) => [getTableConfig(tb).name, tb] as const))('catalog.%s matches its migration', async (_name, table) => {
    const cfg = getTableConfig(table);
    const cols = await rows<{ column_name: string; data_type: string; is_nullable: string }>(db.orm, sql`select column_name, data_type, is_nullable from information_schema.columns where table_schema = 'catalog' and table_name = ${cfg.name}`);
    const byName = new Map(cols.map((c) => [c.column_name, c]));
    expect(cols.length).toBe(cfg.columns.length);
    for (const col of cfg.columns) {
      const found = byName.get(col.name);
      expect(found, `${cfg.name}.${col.name}`).toBeDefined();
      expect(found!.data_type, `${cfg.name}.${col.name}`).toBe(TYPES[col.columnType]);
      expect(found!.is_nullable === 'NO', `${cfg.name}.${col.name} nullability`).toBe(col.notNull);
    }
  });
});
