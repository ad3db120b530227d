import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, official, registrationBody, type Client, type TestSystem } from '../../../test/harness.ts';

let t: TestSystem;
let admin: Client;
beforeAll(async () => {
  t = await createTestSystem();
  admin = await official(t, { role: 'province_admin' });
});
afterAll(async () => t?.close());

describe('audit log', () => {
  it('records who, what, before and after of a decision', async () => {
    const { id } = (await t.system.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody() })).json();
    await admin.request('POST', `/api/v1/registrations/${id}/approve`, {});
    const res = await admin.request('GET', `/api/v1/audit-events?organizationId=${id}`);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['organization.approve', 'organization.register']);
    const approve = res.json().items[0];
    expect(approve.actor.id).toBe(admin.userId);
    expect(approve.before.status).toBe('pending');
    expect(approve.after.status).toBe('approved');
    expect(JSON.stringify(res.json())).not.toMatch(/argon2|passwordHash/);
  });

  it('cannot be changed or deleted, even by SQL', async () => {
    const refused = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? (e as Error).message));
    await expect(t.db.orm.execute(sql`update identity.audit_events set action = 'x'`)).rejects.toSatisfy(refused);
    await expect(t.db.orm.execute(sql`delete from identity.audit_events`)).rejects.toSatisfy(refused);
  });

  it('pages with beforeId', async () => {
    const first = (await admin.request('GET', '/api/v1/audit-events?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const next = (await admin.request('GET', `/api/v1/audit-events?limit=2&beforeId=${first.nextBeforeId}`)).json();
    expect(next.items[0].id).toBeLessThan(first.items[1].id + 1);
  });
});

describe('sign-in records', () => {
  it('attribute a sign-in to the person who signed in', async () => {
    const res = await admin.request('GET', `/api/v1/audit-events?action=auth.login&actorId=${admin.userId}`);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items[0].actor).toMatchObject({ type: 'user', id: admin.userId, role: 'province_admin' });
  });

  it('gives the notification bell an unread count', async () => {
    const res = await admin.request('GET', '/api/v1/notifications?limit=1');
    expect(typeof res.json().unreadCount).toBe('number');
  });

  it('searches officials without diacritics', async () => {
    const res = await admin.request('GET', '/api/v1/users?q=can bo kiem thu');
    expect(res.json().items.length).toBeGreaterThan(0);
  });
});
