import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedOrganization, createTestSystem, official, registrationBody, signIn, TEST_PASSWORD, type Client, type TestSystem } from '../../../test/harness.ts';

let t: TestSystem;
let admin: Client;

beforeAll(async () => {
  t = await createTestSystem();
  admin = await official(t, { role: 'province_admin' });
});
afterAll(async () => t?.close());

describe('registration → approval → sign-in', () => {
  it('registers an organisation as pending and lets the sector officer approve it', async () => {
    const body = registrationBody({ sectors: ['agriculture-environment'] });
    const res = await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
    expect(res.statusCode).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe('pending');

    // The applicant cannot sign in before approval, and is told why.
    const early = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: body.admin.email, password: TEST_PASSWORD } });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('ACCOUNT_PENDING');

    const officer = await official(t, { role: 'sector_officer', sector: 'agriculture-environment' });
    const queue = await officer.request('GET', '/api/v1/registrations');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((o: { id: string }) => o.id)).toContain(id);

    const approved = await officer.request('POST', `/api/v1/registrations/${id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');

    const coop = await signIn(t, body.admin.email);
    const me = await coop.request('GET', '/api/v1/me');
    expect(me.json().organization.id).toBe(id);
    expect(me.json().user.role).toBe('org_admin');

    // The decision notified the applicant in the app and queued an e-mail in the outbox.
    const notes = await coop.request('GET', '/api/v1/notifications');
    expect(notes.json().items.some((n: { kind: string }) => n.kind === 'organization.approve')).toBe(true);
  });

  it('rejects with a reason that the applicant sees when signing in', async () => {
    const body = registrationBody();
    const { id } = (await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body })).json();
    const noReason = await admin.request('POST', `/api/v1/registrations/${id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/reason');
    const rejected = await admin.request('POST', `/api/v1/registrations/${id}/reject`, { reason: 'Thiếu giấy phép kinh doanh' });
    expect(rejected.json().status).toBe('rejected');
    const login = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: body.admin.email, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('ACCOUNT_REJECTED');
    expect(login.json().detail).toContain('Thiếu giấy phép kinh doanh');
    // A decided registration cannot be decided again.
    const again = await admin.request('POST', `/api/v1/registrations/${id}/approve`, {});
    expect(again.statusCode).toBe(409);
  });

  it('names every bad field of an invalid registration, in Vietnamese and English', async () => {
    const body = registrationBody();
    body.organization.taxCode = '12345';
    body.organization.communeId = 999;
    (body.organization as Record<string, unknown>).gln = '8936123450001';
    body.admin.password = 'short';
    const res = await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    const pointers = problem.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/admin/password', '/organization/communeId', '/organization/gln', '/organization/taxCode']);
    expect(problem.errors[0].messages.vi).toMatch(/[\u00C0-\u1EF9]/);
    expect(problem.detail).toBe('The request contains invalid data.');
  });

  it('refuses a second live organisation with the same tax code', async () => {
    const first = registrationBody();
    await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: first });
    const second = registrationBody();
    second.organization.taxCode = first.organization.taxCode;
    const res = await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: second });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].pointer).toBe('/organization/taxCode');
  });

  it('lets the cooperative admin add a staff user and create an API key that works', async () => {
    const org = await approvedOrganization(t, admin);
    const staff = await org.admin.request('POST', `/api/v1/organizations/${org.id}/users`, {
      email: 'nhanvien.thu@coop.test',
      fullName: 'Nhân Viên Thử',
      role: 'org_staff',
      password: TEST_PASSWORD,
    });
    expect(staff.statusCode).toBe(201);
    const key = await org.admin.request('POST', `/api/v1/organizations/${org.id}/api-keys`, { name: 'ERP', permissions: ['organization:read', 'events:capture'] });
    expect(key.statusCode).toBe(201);
    const { secret } = key.json();
    expect(secret).toMatch(/^txng_/);
    const withKey = await t.system.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}`, headers: { authorization: `Bearer ${secret}` } });
    expect(withKey.statusCode).toBe(200);
    const list = await org.admin.request('GET', `/api/v1/organizations/${org.id}/api-keys`);
    expect(JSON.stringify(list.json())).not.toContain(secret);
    expect(list.json().items[0].lastUsedAt).not.toBeNull();
  });
});
