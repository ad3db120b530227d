import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, rows } from './database.ts';
import { migrate, MigrationError } from './migrate.ts';

describe('migrations', () => {
  it('apply once, in order, all-or-nothing per file, and refuse an edited applied file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'txng-mig-'));
    writeFileSync(path.join(dir, '0001_init.sql'), 'create schema demo; create table demo.t (id int primary key);');
    writeFileSync(path.join(dir, '0002_bad.sql'), 'insert into demo.t values (1); insert into demo.nope values (2);');
    const db = await openDatabase({});
    try {
      await expect(migrate(db, [{ module: 'demo', dir }])).rejects.toBeInstanceOf(MigrationError);
      // The failed file left nothing behind, and the good one is recorded.
      expect(await rows(db.orm, sql`select * from demo.t`)).toEqual([]);
      writeFileSync(path.join(dir, '0002_bad.sql'), 'insert into demo.t values (1);');
      expect((await migrate(db, [{ module: 'demo', dir }])).applied).toEqual([{ module: 'demo', name: '0002_bad.sql' }]);
      expect((await migrate(db, [{ module: 'demo', dir }])).applied).toEqual([]);
      writeFileSync(path.join(dir, '0001_init.sql'), 'create schema demo2;');
      await expect(migrate(db, [{ module: 'demo', dir }])).rejects.toThrow(/changed after it was applied/);
    } finally {
      await db.close();
    }
  }, 60_000);
});
