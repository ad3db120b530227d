// The demo seed gives every demo organisation published products, lots and a season's diary, through the real
// services (so a rule change that the demo breaks fails here, not in front of an audience).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, signIn, type TestSystem } from '../../../test/harness.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await createTestSystem({ env: { TXNG_DEMO: 'true' } });
  await seedDemoIfEmpty(t.system, t.config, t.secrets.pseudonym);
}, 300_000);
afterAll(async () => t?.close());

describe('demo catalog', () => {
  it('has the Sơn La supply chains with their diaries, findable without diacritics', async () => {
    const search = (q: string) => t.system.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` }).then((r) => r.json().items.map((i: { title: string }) => i.title));
    expect(await search('xoai yen chau')).toContain('Xoài tròn Yên Châu');
    expect(await search('nhan say')).toContain('Nhãn sấy Sông Mã');
    expect(await search('ca phe rang xay')).toContain('Cà phê rang xay Sơn La');
    expect(await search('che shan tuyet')).toContain('Chè Shan tuyết Mộc Châu');
    expect(await search('sua tuoi')).toContain('Sữa tươi thanh trùng Thảo Nguyên Xanh');
    const coffee = await signIn(t, 'minh@caphecaonguyen.example', DEMO_PASSWORD);
    const roasted = (await coffee.request('GET', '/api/v1/lots?q=CR-2026-03')).json().items[0];
    const timeline = (await coffee.request('GET', `/api/v1/lots/${roasted.id}/timeline`)).json();
    expect(timeline.items.map((i: { kind: string }) => i.kind)).toEqual(['lot', 'processing', 'packing', 'shipping']);
    expect(timeline.items[1].what.vi).toContain('Rang');
  });
});
