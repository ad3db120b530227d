// The ledger's Drizzle definitions match what its migrations create (the platform's schema-drift test covers
// the modules it lists; this one covers the ledger, including its bytea and smallint columns).
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.ts';
import { rows, type Database } from '../../platform/db/database.ts';
import * as tables from './tables.ts';

const TYPES: Record<string, string> = {
  PgText: 'text',
  PgInteger: 'integer',
  PgSmallInt: 'smallint',
  PgBigInt53: 'bigint',
  PgTimestamp: 'timestamp with time zone',
  PgCustomColumn: 'bytea',
};

const all = (Object.values(tables) as unknown[]).filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v);

describe('ledger schema', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase());
  });
  afterAll(async () => drop?.());

  it.each(all.map((t) => [getTableConfig(t).name, t] as const))('ledger.%s matches its migrations, column for column', async (_name, table) => {
    const cfg = getTableConfig(table);
    const columns = await rows<{ column_name: string; data_type: string; is_nullable: string }>(
      db.orm,
      sql`select column_name, data_type, is_nullable from information_schema.columns where table_schema = 'ledger' and table_name = ${cfg.name}`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(cfg.columns.map((c) => c.name).sort());
    for (const col of cfg.columns) {
      const found = columns.find((c) => c.column_name === col.name)!;
      expect(found.data_type, `${cfg.name}.${col.name}`).toBe(TYPES[col.columnType]);
      expect(found.is_nullable === 'NO', `${cfg.name}.${col.name} nullability`).toBe(col.notNull);
    }
  });
});
