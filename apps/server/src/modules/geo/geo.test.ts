import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, official, type Client, type TestSystem } from '../../../test/harness.ts';

let t: TestSystem;
let admin: Client;
beforeAll(async () => {
  t = await createTestSystem();
  admin = await official(t, { role: 'province_admin' });
});
afterAll(async () => t?.close());

describe('geo reference data', () => {
  it('holds Sơn La\'s 75 commune-level units: 67 xã and 8 phường', async () => {
    const items = (await t.system.app.inject('/api/v1/geo/units')).json().items as { kind: string }[];
    expect(items).toHaveLength(75);
    expect(items.filter((u) => u.kind === 'xa')).toHaveLength(67);
    expect(items.filter((u) => u.kind === 'phuong')).toHaveLength(8);
  });

  it('finds units without diacritics', async () => {
    const items = (await t.system.app.inject('/api/v1/geo/units?q=chieng hac')).json().items as { name: string; fullName: string }[];
    expect(items.map((u) => u.name)).toEqual(['Chiềng Hặc']);
    expect(items[0]!.fullName).toBe('Xã Chiềng Hặc');
  });

  it('lists the three sectors and the plan\'s departments', async () => {
    const sectors = (await t.system.app.inject('/api/v1/geo/sectors')).json().items as { code: string }[];
    expect(sectors.map((s) => s.code).sort()).toEqual(['agriculture-environment', 'health', 'industry-trade']);
    const depts = (await t.system.app.inject('/api/v1/geo/departments')).json().items as { code: string; isLead: boolean; name: { vi: string } }[];
    expect(depts.find((d) => d.isLead)!.name.vi).toBe('Sở Khoa học và Công nghệ');
  });

  it('lets the province administrator set an official code and correct a name, audited', async () => {
    const res = await admin.request('PATCH', '/api/v1/geo/units/5', { officialCode: '04051', name: 'Mộc Châu' });
    expect(res.statusCode).toBe(200);
    expect(res.json().officialCode).toBe('04051');
    const clash = await admin.request('PATCH', '/api/v1/geo/units/6', { officialCode: '04051' });
    expect(clash.statusCode).toBe(409);
    const bad = await admin.request('PATCH', '/api/v1/geo/units/6', { officialCode: 'AB' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/officialCode');
    const audit = (await admin.request('GET', '/api/v1/audit-events?action=geo.unit.update')).json();
    expect(audit.items[0].after.officialCode).toBe('04051');
  });
});
