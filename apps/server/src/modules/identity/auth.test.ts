import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/database.ts';
import { systemContext } from '../../platform/request-context.ts';
import { approvedOrganization, createTestSystem, fixedClock, official, signIn, TEST_PASSWORD, type Client, type TestSystem } from '../../../test/harness.ts';
import { totpCode } from './totp.ts';

const clock = fixedClock(new Date());
let t: TestSystem;
let admin: Client & { totpSecret: string };

const login = (body: Record<string, string>) => t.system.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });

beforeAll(async () => {
  t = await createTestSystem({ clock });
  admin = await official(t, { role: 'province_admin' });
});
afterAll(async () => t?.close());

describe('second factor', () => {
  it('an official enrols an authenticator at first sign-in, then must give a code', async () => {
    const created = await admin.request('POST', '/api/v1/users', { email: 'moi.enrol@officials.test', fullName: 'Cán Bộ Mới', role: 'sector_officer', sector: 'health', password: TEST_PASSWORD });
    expect(created.statusCode).toBe(201);
    const first = await signIn(t, 'moi.enrol@officials.test');
    expect((await first.request('GET', '/api/v1/me')).json().mfaEnrolmentRequired).toBe(true);
    expect((await first.request('GET', '/api/v1/registrations')).json().code).toBe('MFA_ENROLMENT_REQUIRED');
    const setup = (await first.request('POST', '/api/v1/auth/totp/setup')).json();
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await first.request('POST', '/api/v1/auth/totp/verify', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const ok = await first.request('POST', '/api/v1/auth/totp/verify', { code: await totpCode(setup.secret, clock.now()) });
    expect(ok.statusCode).toBe(204);
    expect((await first.request('GET', '/api/v1/registrations')).statusCode).toBe(200);

    clock.advance(60_000);
    const noCode = await login({ email: 'moi.enrol@officials.test', password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('TOTP_REQUIRED');
    const code = await totpCode(setup.secret, clock.now());
    expect((await login({ email: 'moi.enrol@officials.test', password: TEST_PASSWORD, totp: code })).statusCode).toBe(200);
    // The same code cannot be replayed.
    const replay = await login({ email: 'moi.enrol@officials.test', password: TEST_PASSWORD, totp: code });
    expect(replay.json().code).toBe('TOTP_INVALID');
  });

  it('officials cannot turn the second factor off; businesses can', async () => {
    const res = await admin.request('POST', '/api/v1/auth/totp/disable', { password: TEST_PASSWORD, code: await totpCode(admin.totpSecret, clock.now()) });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('TOTP_REQUIRED_FOR_OFFICIALS');
  });
});

describe('sign-in protection', () => {
  it('locks an account after five wrong passwords and says for how long', async () => {
    const org = await approvedOrganization(t, admin);
    for (let i = 0; i < 5; i++) expect((await login({ email: org.adminEmail, password: 'wrong-password-1' })).statusCode).toBe(401);
    const locked = await login({ email: org.adminEmail, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    clock.advance(16 * 60_000);
    expect((await login({ email: org.adminEmail, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('answers the same for an unknown e-mail as for a wrong password', async () => {
    const unknown = await login({ email: 'nobody@nowhere.test', password: 'whatever-123' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a state-changing request without the session\'s CSRF token', async () => {
    const org = await approvedOrganization(t, admin);
    const noToken = await t.system.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: { cookie: org.admin.cookie }, payload: { phone: '0212 3840 123' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_TOKEN_INVALID');
    const withToken = await org.admin.request('PATCH', `/api/v1/organizations/${org.id}`, { phone: '0212 3840 123' });
    expect(withToken.statusCode).toBe(200);
  });

  it('ends a session at logout and after the idle timeout', async () => {
    const org = await approvedOrganization(t, admin);
    const other = await signIn(t, org.adminEmail);
    expect((await other.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await other.request('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await org.admin.request('GET', '/api/v1/me')).statusCode).toBe(200);
    clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    expect((await org.admin.request('GET', '/api/v1/me')).statusCode).toBe(401);
    // Every session idled out, the administrator's too: sign in a fresh one for the following tests.
    admin = await official(t, { role: 'province_admin' });
  });

  it('sets the session cookie HttpOnly, Secure and SameSite', async () => {
    const org = await approvedOrganization(t, admin);
    const res = await login({ email: org.adminEmail, password: TEST_PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe('password reset', () => {
  it('sends a one-time link through the outbox that sets a new password once', async () => {
    const org = await approvedOrganization(t, admin);
    const old = await signIn(t, org.adminEmail);
    const req = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: org.adminEmail.toUpperCase() } });
    expect(req.statusCode).toBe(202);
    const unknown = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: 'ghost@nowhere.test' } });
    expect(unknown.statusCode).toBe(202);
    const [mail] = await rows<{ payload: { params: { link: string }; to: string } }>(
      t.db.orm,
      sql`select payload from platform.outbox where topic = 'mail.send' and payload->>'bodyCode' = 'NOTICE_PASSWORD_RESET' order by id desc limit 1`,
    );
    const token = new URL(mail!.payload.params.link).searchParams.get('token')!;
    const weak = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'short' } });
    expect(weak.json().errors[0].pointer).toBe('/password');
    const done = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'A-New-Long-Password-42' } });
    expect(done.statusCode).toBe(204);
    const reused = await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'Another-Password-43' } });
    expect(reused.json().errors[0].code).toBe('RESET_TOKEN_INVALID');
    // Sessions opened with the old password end.
    expect((await old.request('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await login({ email: org.adminEmail, password: 'A-New-Long-Password-42' })).statusCode).toBe(200);
  });

  it('gives a new staff member without a password a one-time set-up link', async () => {
    const org = await approvedOrganization(t, admin);
    const res = await org.admin.request('POST', `/api/v1/organizations/${org.id}/users`, { email: 'setup.link@coop.test', fullName: 'Người Mới', role: 'org_staff' });
    const link = res.json().setupLink as string;
    expect(link).toContain('/portal/reset-password?token=');
    const token = new URL(link).searchParams.get('token')!;
    expect((await t.system.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'Staff-Password-2026' } })).statusCode).toBe(204);
    expect((await login({ email: 'setup.link@coop.test', password: 'Staff-Password-2026' })).statusCode).toBe(200);
  });
});

describe('users', () => {
  it('keeps at least one active administrator in an organisation', async () => {
    const org = await approvedOrganization(t, admin);
    const res = await org.admin.request('PATCH', `/api/v1/organizations/${org.id}/users/${org.admin.userId}`, { role: 'org_staff' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_ADMIN');
  });

  it('CLI-level helpers: setPassword validates and ends sessions', async () => {
    const org = await approvedOrganization(t, admin);
    await expect(t.system.services.users.setPassword(systemContext('test'), org.admin.userId, 'short')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await t.system.services.users.setPassword(systemContext('test'), org.admin.userId, 'Operator-Set-Password-1');
    expect((await org.admin.request('GET', '/api/v1/me')).statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per client address across the whole system', async () => {
    const limited = await createTestSystem({ env: { TXNG_RATE_LIMIT_AUTH: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await limited.system.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.test', password: 'x' } })).statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      const last = await limited.system.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.test', password: 'x' } });
      expect(last.statusCode).toBe(429);
      expect(last.headers['retry-after']).toBeDefined();
      expect(last.json().code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
