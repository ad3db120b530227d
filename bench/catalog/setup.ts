// A whole server (services + HTTP) on a throw-away PostgreSQL, with one approved cooperative and its admin, for
// the catalog benchmark. The same composition as production (createSystem), no test framework.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { createSystem, type System } from '../../apps/server/src/app/system.ts';
import { MIGRATION_SOURCES } from '../../apps/server/src/app/migrations.ts';
import { loadConfig } from '../../apps/server/src/config/config.ts';
import type { UserActor } from '../../apps/server/src/platform/auth/actor.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { openDatabase, type Database } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { systemContext, type RequestContext } from '../../apps/server/src/platform/request-context.ts';
import { deriveSecrets } from '../../apps/server/src/platform/security/secrets.ts';
import { startPostgres, type RunningPostgres } from '../../apps/server/test/postgres-server.ts';

export interface BenchSystem {
  readonly system: System;
  readonly db: Database;
  readonly postgres: RunningPostgres;
  /** The cooperative's admin, as a request context. */
  readonly coop: RequestContext;
  readonly organizationId: string;
  close(): Promise<void>;
}

const userCtx = (u: { id: string; email: string; role: string; organizationId: string | null }): RequestContext => ({
  actor: { type: 'user', userId: u.id, email: u.email, role: u.role as UserActor['role'], organizationId: u.organizationId, scope: { sector: null, communeId: null, departmentCode: null }, sessionId: 'bench', mfaSatisfied: true },
  requestId: 'bench',
  clientHash: null,
  lang: 'vi',
});

/** `statements`: load pg_stat_statements (to list where the server's time went). */
export async function startBenchSystem(options: { statements?: boolean } = {}): Promise<BenchSystem> {
  const postgres = await startPostgres({ settings: { shared_buffers: '512MB', work_mem: '32MB', ...(options.statements ? { shared_preload_libraries: 'pg_stat_statements' } : {}) } });
  try {
    return await prepare(postgres);
  } catch (err) {
    postgres.stop();
    throw err;
  }
}

async function prepare(postgres: RunningPostgres): Promise<BenchSystem> {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('create database txng_bench');
  await admin.end();
  const db = await openDatabase({ databaseUrl: postgres.urlFor('txng_bench'), poolSize: 8 });
  await migrate(db, MIGRATION_SOURCES);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'txng-bench-catalog-'));
  const config = loadConfig({ NODE_ENV: 'test', TXNG_SECRET: 'bench-secret-that-is-long-enough-0123456789', TXNG_DEMO: 'false', TXNG_DATA_DIR: dataDir, PUBLIC_BASE_URL: 'http://txng.bench', TXNG_RATE_LIMIT_PUBLIC: '10000000', LOG_LEVEL: 'silent' });
  const system = await createSystem({ config, log: pino({ level: 'silent' }), db, secrets: deriveSecrets(config.secret!), clock: systemClock });
  await system.app.ready();
  const { users, organizations } = system.services;
  const { user: official } = await users.createOfficial(systemContext('bench'), { email: 'admin@bench.example', fullName: 'Quản Trị', password: 'Bench-Password-2026', role: 'province_admin' });
  const org = await organizations.register(systemContext('bench'), {
    organization: { kind: 'cooperative', name: 'Hợp tác xã Đo Hiệu Năng', taxCode: '5500999001', address: 'Bản Nà Khái, xã Yên Châu', communeId: 46, representative: 'Lường Văn Đo', sectors: ['agriculture-environment'], gs1CompanyPrefix: '893699999' },
    admin: { fullName: 'Lường Văn Đo', email: 'coop@bench.example', password: 'Bench-Password-2026' },
    acceptTerms: true,
  });
  await organizations.decide(userCtx({ ...official, organizationId: null }), org.id, 'approve');
  const coopUser = (await users.findByEmail('coop@bench.example'))!;
  return {
    system,
    db,
    postgres,
    coop: userCtx(coopUser),
    organizationId: org.id,
    async close() {
      await system.stop();
      await db.close();
      postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
