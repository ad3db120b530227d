// Every role × every identity and geo route: allowed and denied, including cross-organisation and cross-commune
// attempts, a key without the permission, revoked and expired keys, and an official who has not enrolled a
// second factor. "deny" means 401, 403 or 404 (404 hides records outside the caller's scope).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { systemContext } from '../../platform/request-context.ts';
import {
  apiKeyRequest,
  approvedOrganization,
  createTestSystem,
  fixedClock,
  official,
  registrationBody,
  signIn,
  TEST_PASSWORD,
  type TestSystem,
} from '../../../test/harness.ts';

type Call = (method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>;
type Expect = 'allow' | 'deny';

const YEN_CHAU = 46;
const SONG_MA = 64;

let t: TestSystem;
const clock = fixedClock(new Date());
const actors = new Map<string, Call>();
let orgA: { id: string; adminEmail: string };
let orgB: { id: string };
let staffAId: string;
let orgAAdmin: { request: Call };

async function pendingRegistration(): Promise<string> {
  const res = await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody({ communeId: YEN_CHAU, sectors: ['agriculture-environment'] }) });
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestSystem({ clock });
  const admin = await official(t, { role: 'province_admin' });
  const orgAFull = await approvedOrganization(t, admin, { communeId: YEN_CHAU, sectors: ['agriculture-environment'] });
  orgA = orgAFull;
  orgAAdmin = orgAFull.admin;
  const orgBFull = await approvedOrganization(t, admin, { communeId: SONG_MA, sectors: ['industry-trade'] });
  orgB = orgBFull;
  const staff = await orgAFull.admin.request('POST', `/api/v1/organizations/${orgA.id}/users`, { email: 'staff.a@coop.test', fullName: 'Nhân Viên A', role: 'org_staff', password: TEST_PASSWORD });
  staffAId = staff.json().user.id;
  const keyOf = async (client: { request: Call }, orgId: string, permissions: string[], expiresAt?: string) =>
    (await client.request('POST', `/api/v1/organizations/${orgId}/api-keys`, { name: 'k', permissions, ...(expiresAt ? { expiresAt } : {}) })).json();
  const keyA = await keyOf(orgAFull.admin, orgA.id, ['organization:read', 'catalog:read']);
  const keyANoRead = await keyOf(orgAFull.admin, orgA.id, ['events:capture']);
  const keyB = await keyOf(orgBFull.admin, orgB.id, ['organization:read']);
  const revoked = await keyOf(orgAFull.admin, orgA.id, ['organization:read']);
  await orgAFull.admin.request('DELETE', `/api/v1/organizations/${orgA.id}/api-keys/${revoked.key.id}`);
  const expiring = await keyOf(orgAFull.admin, orgA.id, ['organization:read'], new Date(clock.now().getTime() + 3_600_000).toISOString());

  // An official who has not enrolled a second factor yet.
  await t.system.services.users.createOfficial(systemContext('test'), { email: 'new.official@officials.test', fullName: 'Cán Bộ Mới', password: TEST_PASSWORD, role: 'province_admin' });
  const unenrolled = await signIn(t, 'new.official@officials.test');

  const clients: Record<string, { request: Call }> = {
    province_admin: admin,
    sector_agri: await official(t, { role: 'sector_officer', sector: 'agriculture-environment' }),
    sector_health: await official(t, { role: 'sector_officer', sector: 'health' }),
    commune_yenchau: await official(t, { role: 'commune_officer', communeId: YEN_CHAU }),
    commune_songma: await official(t, { role: 'commune_officer', communeId: SONG_MA }),
    inspector: await official(t, { role: 'inspector' }),
    inspector_songma: await official(t, { role: 'inspector', communeId: SONG_MA }),
    org_admin_a: orgAFull.admin,
    org_admin_b: orgBFull.admin,
    org_staff_a: await signIn(t, 'staff.a@coop.test'),
    official_without_2fa: unenrolled,
  };
  for (const [name, c] of Object.entries(clients)) actors.set(name, (m, u, b) => c.request(m, u, b));
  actors.set('anonymous', (m, u, b) => t.system.app.inject({ method: m as 'GET', url: u, ...(b === undefined ? {} : { payload: b as object }) }));
  actors.set('key_a', apiKeyRequest(t, keyA.secret));
  actors.set('key_a_no_read', apiKeyRequest(t, keyANoRead.secret));
  actors.set('key_b', apiKeyRequest(t, keyB.secret));
  actors.set('key_revoked', apiKeyRequest(t, revoked.secret));
  actors.set('key_expired', apiKeyRequest(t, expiring.secret));
  clock.advance(2 * 3_600_000);
});
afterAll(async () => t?.close());

const ALL = [
  'anonymous', 'province_admin', 'sector_agri', 'sector_health', 'commune_yenchau', 'commune_songma', 'inspector', 'inspector_songma',
  'org_admin_a', 'org_admin_b', 'org_staff_a', 'key_a', 'key_a_no_read', 'key_b', 'key_revoked', 'key_expired', 'official_without_2fa',
] as const;
type ActorName = (typeof ALL)[number];

function expectations(allowed: readonly ActorName[]): [ActorName, Expect][] {
  return ALL.map((a) => [a, allowed.includes(a) ? 'allow' : 'deny']);
}

interface RouteCase {
  readonly name: string;
  readonly allowed: readonly ActorName[];
  /** Builds a fresh request (state-changing routes get a fresh target each time). */
  readonly request: () => Promise<[string, string, unknown?]>;
}

const ROUTES: RouteCase[] = [
  { name: 'GET /registrations', allowed: ['province_admin', 'sector_agri', 'sector_health', 'commune_yenchau', 'commune_songma', 'inspector', 'inspector_songma'], request: async () => ['GET', '/api/v1/registrations'] },
  { name: 'GET /registrations/{id}', allowed: ['province_admin', 'sector_agri', 'commune_yenchau', 'inspector'], request: async () => ['GET', `/api/v1/registrations/${await pendingRegistration()}`] },
  { name: 'POST /registrations/{id}/approve', allowed: ['province_admin', 'sector_agri'], request: async () => ['POST', `/api/v1/registrations/${await pendingRegistration()}/approve`, {}] },
  { name: 'POST /registrations/{id}/reject', allowed: ['province_admin', 'sector_agri'], request: async () => ['POST', `/api/v1/registrations/${await pendingRegistration()}/reject`, { reason: 'Hồ sơ chưa đủ' }] },
  { name: 'GET /organizations/{A}', allowed: ['province_admin', 'sector_agri', 'commune_yenchau', 'inspector', 'org_admin_a', 'org_staff_a', 'key_a'], request: async () => ['GET', `/api/v1/organizations/${orgA.id}`] },
  { name: 'PATCH /organizations/{A} (contact)', allowed: ['province_admin', 'org_admin_a'], request: async () => ['PATCH', `/api/v1/organizations/${orgA.id}`, { phone: '0212 3840 999' }] },
  { name: 'PATCH /organizations/{A} (sectors)', allowed: ['province_admin'], request: async () => ['PATCH', `/api/v1/organizations/${orgA.id}`, { sectors: ['agriculture-environment'] }] },
  { name: 'GET /organizations/{A}/users', allowed: ['province_admin', 'sector_agri', 'commune_yenchau', 'inspector', 'org_admin_a'], request: async () => ['GET', `/api/v1/organizations/${orgA.id}/users`] },
  { name: 'POST /organizations/{A}/users', allowed: ['province_admin', 'org_admin_a'], request: async () => ['POST', `/api/v1/organizations/${orgA.id}/users`, { email: `u${Math.random().toString(36).slice(2)}@coop.test`, fullName: 'Người Dùng', role: 'org_staff' }] },
  { name: 'PATCH /organizations/{A}/users/{staff}', allowed: ['province_admin', 'org_admin_a'], request: async () => ['PATCH', `/api/v1/organizations/${orgA.id}/users/${staffAId}`, { fullName: 'Nhân Viên A' }] },
  { name: 'GET /organizations/{A}/api-keys', allowed: ['province_admin', 'org_admin_a'], request: async () => ['GET', `/api/v1/organizations/${orgA.id}/api-keys`] },
  { name: 'POST /organizations/{A}/api-keys', allowed: ['org_admin_a'], request: async () => ['POST', `/api/v1/organizations/${orgA.id}/api-keys`, { name: 'x', permissions: ['catalog:read'] }] },
  {
    name: 'DELETE /organizations/{A}/api-keys/{key}',
    allowed: ['province_admin', 'org_admin_a'],
    request: async () => {
      const key = (await orgAAdmin.request('POST', `/api/v1/organizations/${orgA.id}/api-keys`, { name: 'to revoke', permissions: ['catalog:read'] })).json();
      return ['DELETE', `/api/v1/organizations/${orgA.id}/api-keys/${key.key.id}`];
    },
  },
  { name: 'GET /users', allowed: ['province_admin'], request: async () => ['GET', '/api/v1/users'] },
  { name: 'POST /users', allowed: ['province_admin'], request: async () => ['POST', '/api/v1/users', { email: `o${Math.random().toString(36).slice(2)}@officials.test`, fullName: 'Cán Bộ', role: 'inspector' }] },
  { name: 'GET /audit-events', allowed: ['province_admin', 'sector_agri', 'sector_health', 'commune_yenchau', 'commune_songma', 'inspector', 'inspector_songma', 'org_admin_a', 'org_admin_b'], request: async () => ['GET', '/api/v1/audit-events'] },
  { name: 'PATCH /geo/units/{id}', allowed: ['province_admin'], request: async () => ['PATCH', '/api/v1/geo/units/12', { name: 'Vân Hồ' }] },
  { name: 'GET /notifications', allowed: ['province_admin', 'sector_agri', 'sector_health', 'commune_yenchau', 'commune_songma', 'inspector', 'inspector_songma', 'org_admin_a', 'org_admin_b', 'org_staff_a'], request: async () => ['GET', '/api/v1/notifications'] },
  { name: 'GET /me', allowed: ['province_admin', 'sector_agri', 'sector_health', 'commune_yenchau', 'commune_songma', 'inspector', 'inspector_songma', 'org_admin_a', 'org_admin_b', 'org_staff_a', 'official_without_2fa'], request: async () => ['GET', '/api/v1/me'] },
];

describe('authorization matrix', () => {
  for (const route of ROUTES) {
    it.each(expectations(route.allowed))(`${route.name} — %s → %s`, async (actor, expected) => {
      const [method, url, body] = await route.request();
      const res = await actors.get(actor)!(method, url, body);
      if (expected === 'allow') expect(res.statusCode, res.body).toBeLessThan(300);
      else expect([401, 403, 404], `${actor} got ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
      if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    });
  }

  it('scopes organisation lists: each official sees only their sector or commune', async () => {
    const visible = async (actor: ActorName) => ((await actors.get(actor)!('GET', '/api/v1/organizations?limit=200')).json().items as { id: string }[]).map((o) => o.id);
    expect(await visible('province_admin')).toEqual(expect.arrayContaining([orgA.id, orgB.id]));
    expect(await visible('sector_agri')).toContain(orgA.id);
    expect(await visible('sector_agri')).not.toContain(orgB.id);
    expect(await visible('commune_songma')).toEqual(expect.arrayContaining([orgB.id]));
    expect(await visible('commune_songma')).not.toContain(orgA.id);
    expect(await visible('org_admin_a')).toEqual([orgA.id]);
    expect(await visible('key_a')).toEqual([orgA.id]);
  });

  it('scopes the audit log: a commune officer sees only records about their commune', async () => {
    const items = (await actors.get('commune_songma')!('GET', '/api/v1/audit-events?limit=500')).json().items as { subject: { communeId: number | null } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.subject.communeId === SONG_MA)).toBe(true);
  });

  it('tells an official without a second factor to enrol, and nothing else', async () => {
    const res = await actors.get('official_without_2fa')!('GET', '/api/v1/organizations');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('MFA_ENROLMENT_REQUIRED');
  });

  it('suspending an organisation stops its sessions and keys at once, and reinstating restores keys', async () => {
    const admin = actors.get('province_admin')!;
    expect((await actors.get('key_a')!('GET', `/api/v1/organizations/${orgA.id}`)).statusCode).toBe(200);
    expect((await admin('POST', `/api/v1/organizations/${orgA.id}/suspend`, { reason: 'Vi phạm ghi nhãn' })).statusCode).toBe(200);
    expect((await actors.get('key_a')!('GET', `/api/v1/organizations/${orgA.id}`)).statusCode).toBe(401);
    expect((await actors.get('org_admin_a')!('GET', `/api/v1/organizations/${orgA.id}`)).statusCode).toBe(401);
    expect((await admin('POST', `/api/v1/organizations/${orgA.id}/reinstate`, {})).statusCode).toBe(200);
    expect((await actors.get('key_a')!('GET', `/api/v1/organizations/${orgA.id}`)).statusCode).toBe(200);
  });
});
