// Migrations: each module owns a folder of forward-only SQL files (`0001_init.sql`, …) that create and change
// the tables of its own PostgreSQL schema. They run in module order at start and by `txng migrate`; applied
// files are recorded with a checksum, and an edited applied file stops the start-up (fix forward instead).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './database.ts';

export interface MigrationSource {
  /** Module name; also the name of the PostgreSQL schema it owns. */
  readonly module: string;
  /** Absolute path of the module's migrations folder. */
  readonly dir: string;
}

export interface MigrationResult {
  readonly applied: { module: string; name: string }[];
}

const MIGRATION_LOCK = 7_301_001;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

async function listFiles(dir: string): Promise<string[]> {
  const files = await readdir(dir).catch(() => [] as string[]);
  return files.filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

export async function migrate(db: Database, sources: readonly MigrationSource[]): Promise<MigrationResult> {
  return db.withAdvisoryLock(MIGRATION_LOCK, async () => {
    await db.execScript(`
      create table if not exists public.txng_migrations (
        module text not null,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (module, name)
      );`);
    const done = await rows<{ module: string; name: string; checksum: string }>(
      db.orm,
      sql`select module, name, checksum from public.txng_migrations`,
    );
    const known = new Map(done.map((r) => [`${r.module}/${r.name}`, r.checksum]));
    const applied: { module: string; name: string }[] = [];
    for (const source of sources) {
      for (const file of await listFiles(source.dir)) {
        const text = await readFile(path.join(source.dir, file), 'utf8');
        const checksum = createHash('sha256').update(text).digest('hex');
        const previous = known.get(`${source.module}/${file}`);
        if (previous !== undefined) {
          if (previous !== checksum) {
            throw new MigrationError(`migration ${source.module}/${file} was changed after it was applied; add a new migration instead`);
          }
          continue;
        }
        const record = `insert into public.txng_migrations (module, name, checksum) values ('${source.module}', '${file}', '${checksum}');`;
        try {
          await db.execScript(`${text}\n;\n${record}`);
        } catch (err) {
          throw new MigrationError(`migration ${source.module}/${file} failed: ${(err as Error).message}`);
        }
        applied.push({ module: source.module, name: file });
      }
    }
    return { applied };
  });
}
