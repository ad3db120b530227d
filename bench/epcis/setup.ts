// A whole server (createSystem) on a given database, with approved organisations and an API key each, created
// through the identity services as a province administrator would.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../apps/server/src/config/config.ts';
import { createSystem, type System } from '../../apps/server/src/app/system.ts';
import { MIGRATION_SOURCES } from '../../apps/server/src/app/migrations.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import type { Database } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { systemContext, type RequestContext } from '../../apps/server/src/platform/request-context.ts';
import { deriveSecrets } from '../../apps/server/src/platform/security/secrets.ts';

export interface BenchOrganization {
  readonly id: string;
  readonly key: string;
}

export async function benchSystem(db: Database): Promise<System> {
  await migrate(db, MIGRATION_SOURCES);
  const config = loadConfig({
    NODE_ENV: 'test', TXNG_SECRET: 'bench-secret-that-is-long-enough-0123456789', TXNG_DEMO: 'false',
    TXNG_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'txng-bench-')), PUBLIC_BASE_URL: 'http://txng.bench', LOG_LEVEL: 'silent',
  });
  return createSystem({ config, log: pino({ level: 'silent' }), db, secrets: deriveSecrets(config.secret!), clock: systemClock });
}

const official = (): RequestContext => ({
  actor: { type: 'user', userId: randomUUID(), email: 'admin@bench', role: 'province_admin', organizationId: null, scope: { sector: null, communeId: null, departmentCode: null }, sessionId: 'bench', mfaSatisfied: true },
  requestId: 'bench', clientHash: null, lang: 'vi',
});

export async function benchOrganization(system: System, n: number, gs1CompanyPrefix: string): Promise<BenchOrganization> {
  const s = system.services;
  const org = await s.organizations.register(systemContext('bench'), {
    organization: {
      kind: 'cooperative', name: `HTX Thử tải ${n}`, taxCode: `55${String(n).padStart(8, '0')}`, address: 'Yên Châu, Sơn La',
      communeId: 46, representative: 'Người Đại Diện', sectors: ['agriculture-environment'], gs1CompanyPrefix,
    },
    admin: { fullName: 'Quản Trị', email: `bench.${n}.${randomUUID().slice(0, 6)}@coop.test`, password: 'Correct-Horse-Battery-9' },
    acceptTerms: true,
  });
  await s.organizations.decide(official(), org.id, 'approve');
  const orgAdmin: RequestContext = {
    actor: { type: 'user', userId: randomUUID(), email: 'org@bench', role: 'org_admin', organizationId: org.id, scope: { sector: null, communeId: null, departmentCode: null }, sessionId: 'bench', mfaSatisfied: true },
    requestId: 'bench', clientHash: null, lang: 'vi',
  };
  const { secret } = await s.apiKeys.create(orgAdmin, org.id, { name: 'bench', permissions: ['events:capture', 'events:read'] });
  return { id: org.id, key: secret };
}
