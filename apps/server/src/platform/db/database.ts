// One PostgreSQL dialect everywhere: embedded PGlite by default, node-postgres when DATABASE_URL is set.
// Modules receive a Database and use its Drizzle instance (`orm`) or raw SQL; neither knows which engine runs.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';

// int8 (bigint) columns: parse to JS numbers when safe, as PGlite does, so both engines return the same types.
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export type Orm = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  /** The primary: every write and every read that must see the latest writes. */
  readonly orm: Orm;
  /** A read replica for public traffic when DATABASE_READ_URL is set; otherwise the primary. May lag. */
  readonly replica: Orm;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back (nothing written) when it throws. */
  transaction<T>(fn: (tx: Orm) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL script inside one transaction (migrations, generated data). */
  execScript(script: string): Promise<void>;
  /** Holds a session-level advisory lock around `fn`, so that one process at a time does it. */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** The node-postgres pool (PostgreSQL only), for COPY and other driver-level features. */
  readonly pool: pg.Pool | undefined;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Rows of a raw SQL statement run on the given executor (the database or a transaction). */
export async function rows<T>(executor: Orm, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface OpenOptions {
  readonly databaseUrl?: string | undefined;
  readonly databaseReadUrl?: string | undefined;
  /** PGlite data folder; undefined = in memory. */
  readonly pgliteDir?: string | undefined;
  /** A dumped PGlite data dir to start from (tests start from a migrated template). */
  readonly pgliteLoadFrom?: Blob | undefined;
  readonly poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.databaseReadUrl, options.poolSize ?? 10) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  if (options.pgliteDir) await mkdir(options.pgliteDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteLoadFrom ? { loadDataDir: options.pgliteLoadFrom } : {}),
    extensions: { pg_trgm },
    relaxedDurability: false,
  });
  const orm = drizzlePglite(client) as unknown as Orm;
  return {
    kind: 'pglite',
    orm,
    replica: orm,
    pool: undefined,
    transaction: (fn) => orm.transaction((tx) => fn(tx as unknown as Orm)),
    execScript: async (script) => {
      await client.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    // One embedded database belongs to one process: PGlite cannot be shared, so a lock is not needed.
    withAdvisoryLock: (_key, fn) => fn(),
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, readUrl: string | undefined, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'txng' });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight report their own errors.
  });
  const readPool = readUrl ? new pg.Pool({ connectionString: readUrl, max: poolSize, application_name: 'txng-read' }) : undefined;
  readPool?.on('error', () => {});
  const orm = drizzlePg(pool) as unknown as Orm;
  const replica = readPool ? (drizzlePg(readPool) as unknown as Orm) : orm;
  return {
    kind: 'postgres',
    orm,
    replica,
    pool,
    transaction: (fn) => orm.transaction((tx) => fn(tx as unknown as Orm)),
    execScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    withAdvisoryLock: async (key, fn) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await orm.execute(sql`select 1`);
    },
    close: async () => {
      await pool.end();
      await readPool?.end();
    },
  };
}
