// Test harness: a whole system (services + HTTP through app.inject) on a fresh database of the project's kind
// (TXNG_TEST_DB=pglite|postgres), plus helpers to create users and sign in as them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config/config.ts';
import { createSystem, type System } from '../src/app/system.ts';
import { fixedClock, systemClock, type Clock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { deriveSecrets, type Secrets } from '../src/platform/security/secrets.ts';
import { systemContext } from '../src/platform/request-context.ts';
import { totpCode } from '../src/modules/identity/index.ts';
import type { OfficialRole, Sector } from '../src/platform/auth/actor.ts';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';
export const dbKind = (process.env.TXNG_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** Why the PostgreSQL run is skipped on this machine (never in CI, where its absence fails the run). */
export function postgresSkipReason(): string | null {
  return dbKind === 'postgres' ? inject('postgresSkipReason') : null;
}

export async function openTestDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (dbKind === 'postgres') {
    const url = inject('postgresUrl');
    if (!url) throw new Error(`PostgreSQL unavailable: ${inject('postgresSkipReason')}`);
    const name = `t_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template txng_template`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: url.replace(/\/postgres$/, `/${name}`), poolSize: 5 });
    return {
      db,
      drop: async () => {
        await db.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const template = readFileSync(inject('pgliteTemplate'));
  const db = await openDatabase({ pgliteLoadFrom: new Blob([template]) });
  return { db, drop: () => db.close() };
}

export interface TestSystem {
  readonly system: System;
  readonly db: Database;
  readonly config: Config;
  readonly secrets: Secrets;
  readonly clock: Clock;
  close(): Promise<void>;
}

export async function createTestSystem(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestSystem> {
  const { db, drop } = await openTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'txng-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    TXNG_SECRET: 'test-secret-that-is-long-enough-0123456789',
    TXNG_DEMO: 'false',
    TXNG_DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'http://txng.test',
    TXNG_RATE_LIMIT_AUTH: '10000',
    TXNG_RATE_LIMIT_PUBLIC: '100000',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const secrets = deriveSecrets(config.secret!);
  const clock = options.clock ?? systemClock;
  const system = await createSystem({ config, log: pino({ level: 'silent' }), db, secrets, clock });
  await system.app.ready();
  return {
    system,
    db,
    config,
    secrets,
    clock,
    close: async () => {
      await system.stop();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { fixedClock };

/** A signed-in client: cookie + CSRF token, sending JSON through app.inject. */
export interface Client {
  readonly cookie: string;
  readonly csrf: string;
  readonly userId: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signIn(t: TestSystem, email: string, password = TEST_PASSWORD, totpSecret?: string): Promise<Client> {
  const payload: Record<string, string> = { email, password };
  if (totpSecret) payload.totp = await totpCode(totpSecret, t.clock.now());
  const res = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'txng_session')!;
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return clientFor(t, `txng_session=${cookie.value}`, body.csrfToken, body.user.id);
}

export function clientFor(t: TestSystem, cookie: string, csrf: string, userId: string): Client {
  return {
    cookie,
    csrf,
    userId,
    request: (method, url, body, headers = {}) =>
      t.system.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

export function apiKeyRequest(t: TestSystem, key: string) {
  return (method: string, url: string, body?: unknown) =>
    t.system.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${key}` }, ...(body === undefined ? {} : { payload: body as object }) });
}

export interface OfficialSpec {
  readonly role: OfficialRole;
  readonly sector?: Sector;
  readonly communeId?: number;
}

/** Creates an official with a known TOTP secret and returns a signed-in client. */
export async function official(t: TestSystem, spec: OfficialSpec, email = `${spec.role}.${randomUUID().slice(0, 8)}@officials.test`): Promise<Client & { totpSecret: string }> {
  const { user } = await t.system.services.users.createOfficial(systemContext('test'), {
    email,
    fullName: 'Cán bộ Kiểm thử',
    password: TEST_PASSWORD,
    role: spec.role,
    sector: spec.sector ?? null,
    communeId: spec.communeId ?? null,
    departmentCode: 'dost',
  });
  const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  await t.system.services.auth.enrolTotpDirectly(systemContext('test'), user.id, totpSecret);
  return { ...(await signIn(t, email, TEST_PASSWORD, totpSecret)), totpSecret };
}

let taxSeq = 0;
/** A unique valid tax code for tests (10 digits). */
export function taxCode(): string {
  taxSeq += 1;
  return `55${String(Date.now() % 1_000_000).padStart(6, '0')}${String(taxSeq % 100).padStart(2, '0')}`;
}

export interface RegistrationOptions {
  readonly communeId?: number;
  readonly sectors?: Sector[];
  readonly name?: string;
  readonly email?: string;
}

export function registrationBody(o: RegistrationOptions = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    organization: {
      kind: 'cooperative',
      name: o.name ?? `Hợp tác xã Thử nghiệm ${id}`,
      taxCode: taxCode(),
      address: 'Bản Nà Khái, xã Yên Châu, tỉnh Sơn La',
      communeId: o.communeId ?? 46,
      representative: 'Lường Văn Thử',
      phone: '0912 345 678',
      email: `lienhe.${id}@coop.test`,
      sectors: o.sectors ?? ['agriculture-environment'],
    },
    admin: { fullName: 'Lường Văn Thử', email: o.email ?? `admin.${id}@coop.test`, phone: '0912345678', password: TEST_PASSWORD },
    acceptTerms: true,
  };
}

/** Registers an organisation through the public API and approves it as the province administrator. */
export async function approvedOrganization(t: TestSystem, provinceAdmin: Client, o: RegistrationOptions = {}): Promise<{ id: string; admin: Client; adminEmail: string }> {
  const body = registrationBody(o);
  const res = await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  const { id } = res.json() as { id: string };
  const ok = await provinceAdmin.request('POST', `/api/v1/registrations/${id}/approve`, {});
  if (ok.statusCode !== 200) throw new Error(`approval failed: ${ok.statusCode} ${ok.body}`);
  return { id, admin: await signIn(t, body.admin.email), adminEmail: body.admin.email };
}
