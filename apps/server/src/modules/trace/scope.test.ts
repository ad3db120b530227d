// Who sees how much of a chain: a business sees its own events and those naming it (so its partners, one step
// beyond it), never a partner's internal events; officials see the organisations of their commune or sector;
// API keys need trace:read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRequest, createTestSystem, official, type Client, type TestSystem } from '../../../test/harness.ts';
import type { TraceResponse } from './presenter.ts';
import { captureAll, longanParties, type LonganParties } from './testing/chain-kit.ts';
import { longanChain, type LonganChain } from './testing/supply-chain.ts';

const SONG_MA = 64;
const THUAN_CHAU = 50;
let t: TestSystem;
let admin: Client;
let chain: LonganChain;
let p: LonganParties;

beforeAll(async () => {
  t = await createTestSystem();
  admin = await official(t, { role: 'province_admin' });
  p = await longanParties(t, admin, (role) => (role === 'upstream' ? SONG_MA : THUAN_CHAU));
  chain = longanChain(p);
  await captureAll(t, chain.events);
});
afterAll(async () => t?.close());

const trace = async (client: Client, id: string, direction = 'both') => client.request('GET', `/api/v1/trace?id=${encodeURIComponent(id)}&direction=${direction}`);
const ok = async (client: Client, id: string, direction = 'both') => {
  const res = await trace(client, id, direction);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TraceResponse;
};

describe('a business sees the chain as far as its partners', () => {
  it('a farm sees its lot go to the cooperative, not what the cooperative made of it', async () => {
    const r = await ok(p.farms[0].admin, chain.ids.farmLots[0], 'forward');
    expect(r.nodes.map((n) => n.id)).toEqual([chain.ids.farmLots[0]]);
    // Its own harvest and shipping, and the cooperative's receiving that names it as the source.
    expect(r.events.map((e) => e.bizStep)).toEqual(['https://id.txng.sonla.gov.vn/voc/bizStep-harvesting', 'shipping', 'receiving']);
    expect(r.events.every((e) => e.recordedBy === `org:${p.farms[0].organizationId}` || e.sources.some((s) => s.party === `org:${p.farms[0].organizationId}`))).toBe(true);
    expect(r.oneStep.forward.map((l) => l.party)).toEqual([`org:${p.coop.organizationId}`]);
    expect(r.parties.find((x) => x.key === `org:${p.coop.organizationId}`)?.name).toContain('HTX Nhãn Sông Mã');
  });

  it('a distributor sees where its share came from and went, not the processor\'s drying or the other distributor\'s bags', async () => {
    const r = await ok(p.distributors[0].admin, chain.ids.dried);
    const ids = r.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([chain.ids.dried, chain.ids.shipments.toX]));
    for (const hidden of [chain.ids.pooled, ...chain.ids.farmLots, chain.ids.shipments.bagsToC, chain.ids.bags[0]]) expect(ids).not.toContain(hidden);
    const recorders = new Set(r.events.map((e) => e.recordedBy));
    expect(recorders.has(`org:${p.distributors[1].organizationId}`)).toBe(false);
    expect(r.oneStep.back.map((l) => l.party)).toEqual([`org:${p.processor.organizationId}`]);
    expect(r.oneStep.forward.map((l) => l.party).sort()).toEqual([`org:${p.shops[0].organizationId}`, `org:${p.shops[1].organizationId}`].sort());
  });

  it('an organisation named nowhere in a chain gets 404, not an empty trace that reveals it exists', async () => {
    const res = await trace(p.farms[1].admin, chain.ids.dried);
    expect(res.statusCode).toBe(404);
  });

  it('API keys need trace:read and see as their organisation does', async () => {
    const keyOf = async (permissions: string[]) => {
      const res = await p.coop.admin.request('POST', `/api/v1/organizations/${p.coop.organizationId}/api-keys`, { name: permissions.join(' '), permissions });
      return apiKeyRequest(t, (res.json() as { secret: string }).secret);
    };
    const without = await keyOf(['events:read']);
    expect((await without('GET', `/api/v1/trace?id=${encodeURIComponent(chain.ids.pooled)}`)).statusCode).toBe(403);
    const withRead = await keyOf(['trace:read']);
    const res = await withRead('GET', `/api/v1/trace?id=${encodeURIComponent(chain.ids.pooled)}&direction=back`);
    expect(res.statusCode, res.body).toBe(200);
    // Back from the pool: the two farm lots it was made of, and the pallet it travelled in (custody).
    expect((res.json() as TraceResponse).nodes.map((n) => n.id).sort()).toEqual([chain.ids.pooled, chain.ids.farmLots[0], chain.ids.farmLots[1], chain.ids.pallets[0]].sort());
  });
});

describe('officials see within their scope', () => {
  it('the commune officer of Sông Mã sees the chain up to the processor\'s shipments, not the distributors\' events', async () => {
    const officer = await official(t, { role: 'commune_officer', communeId: SONG_MA });
    const r = await ok(officer, chain.ids.farmLots[0], 'forward');
    const ids = r.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([chain.ids.pooled, chain.ids.dried, chain.ids.shipments.toX]));
    expect(ids).not.toContain(chain.ids.bags[0]);
    expect(r.events.every((e) => [p.coop, p.processor, ...p.farms].some((x) => `org:${x.organizationId}` === e.recordedBy))).toBe(true);
  });

  it('the commune officer of Thuận Châu does not see the Sông Mã farm lot at all', async () => {
    const officer = await official(t, { role: 'commune_officer', communeId: THUAN_CHAU });
    expect((await trace(officer, chain.ids.farmLots[0])).statusCode).toBe(404);
    // but sees the distributors' and shops' part of the dried lot
    const r = await ok(officer, chain.ids.dried, 'forward');
    expect(r.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([chain.ids.bags[0], chain.ids.shipments.bagsToC]));
  });

  it('the agriculture sector officer sees the whole chain; the health officer sees none of it', async () => {
    const agri = await official(t, { role: 'sector_officer', sector: 'agriculture-environment' });
    const all = await ok(agri, chain.ids.farmLots[0], 'forward');
    expect(all.nodes.map((n) => n.id)).toContain(chain.ids.bags[0]);
    const health = await official(t, { role: 'sector_officer', sector: 'health' });
    expect((await trace(health, chain.ids.farmLots[0])).statusCode).toBe(404);
  });
});
