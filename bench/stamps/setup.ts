// The stamps benchmark's environment, shared by the benchmark (index.ts) and the resolver profile (profile.ts):
// a throw-away PostgreSQL with fsync on, the whole system as system.ts wires it (demo data seeded), and the
// demo cooperative's mango product and lot.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { contextOfDemoUser } from '../../apps/server/src/app/demo/stamps-demo.ts';
import { seedDemoIfEmpty } from '../../apps/server/src/app/demo/seed-demo.ts';
import { MIGRATION_SOURCES } from '../../apps/server/src/app/migrations.ts';
import { createSystem, type System } from '../../apps/server/src/app/system.ts';
import { loadConfig } from '../../apps/server/src/config/config.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { openDatabase, type Database } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import type { RequestContext } from '../../apps/server/src/platform/request-context.ts';
import { deriveSecrets } from '../../apps/server/src/platform/security/secrets.ts';
import { freePort, startPostgres, type RunningPostgres } from '../../apps/server/test/postgres-server.ts';

export interface StampsBenchEnv {
  readonly server: RunningPostgres;
  readonly db: Database;
  readonly system: System;
  readonly dataDir: string;
  readonly port: number;
  readonly coop: RequestContext;
  readonly province: RequestContext;
  readonly productId: string;
  readonly lotId: string;
  readonly organizationId: string;
  close(): Promise<void>;
}

/** `settings`: extra PostgreSQL settings (e.g. shared_preload_libraries for pg_stat_statements). */
export async function startStampsBenchEnv(options: { settings?: Record<string, string> } = {}): Promise<StampsBenchEnv> {
  const server = await startPostgres({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on', ...options.settings } });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-stamps-'));
  const secret = 'benchmark-secret-that-is-long-enough-0123456789';
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const url = server.urlFor('bench');
    const db = await openDatabase({ databaseUrl: url, poolSize: 10 });
    await migrate(db, MIGRATION_SOURCES);
    const port = await freePort();
    const config = loadConfig({
      NODE_ENV: 'development', TXNG_SECRET: secret, TXNG_DEMO: 'true', TXNG_DATA_DIR: dataDir, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: url, TXNG_RATE_LIMIT_PUBLIC: '10000000', LOG_LEVEL: 'warn',
    });
    const secrets = deriveSecrets(secret);
    const system = await createSystem({ config, log: pino({ level: 'warn' }), db, secrets, clock: systemClock, portalDir: path.join(dataDir, 'no-portal') });
    await seedDemoIfEmpty(system, config, secrets.pseudonym);
    const coop = await contextOfDemoUser(system, 'hung@xoaihuong.example');
    const province = await contextOfDemoUser(system, 'quantri@skhcn.sonla.example');
    const [mango] = (await system.services.catalog.products.list(coop, { q: 'Xoài tròn Yên Châu', limit: 1, offset: 0 })).items;
    const [lot] = (await system.services.catalog.lots.list(coop, { productId: mango!.id, limit: 1, offset: 0 })).items;
    return {
      server, db, system, dataDir, port, coop, province, productId: mango!.id, lotId: lot!.id, organizationId: mango!.organizationId,
      async close() {
        await system.stop();
        await db.close();
        server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
