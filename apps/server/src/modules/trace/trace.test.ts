// The trace of a generated dried-longan chain (farms → cooperative → processor → distributors → shops) through
// GET /api/v1/trace: what lies forward of a farm lot and behind a retail bag is known by construction; the SQL
// walk agrees level by level with the in-memory oracle for every identity of the chain; one step back and
// forward names the partners with quantities, dates and documents; mass balance flags the over-yielding drying.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, official, type Client, type TestSystem } from '../../../test/harness.ts';
import { captureAll, longanParties, oracleEvents, oracleLevels, type LonganParties } from './testing/chain-kit.ts';
import { longanChain, type LonganChain } from './testing/supply-chain.ts';
import type { TraceResponse } from './presenter.ts';
import { mangoBody } from '../catalog/test-fixtures.ts';

let t: TestSystem;
let admin: Client;
let chain: LonganChain;
let p: LonganParties;

beforeAll(async () => {
  t = await createTestSystem();
  admin = await official(t, { role: 'province_admin' });
  p = await longanParties(t, admin);
  chain = longanChain(p);
  await captureAll(t, chain.events);
});
afterAll(async () => t?.close());

const get = async (client: Client, query: string): Promise<TraceResponse> => {
  const res = await client.request('GET', `/api/v1/trace?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TraceResponse;
};
const ids = (r: TraceResponse, side?: string) => r.nodes.filter((n) => !side || n.side === side).map((n) => n.id).sort();

describe('the trace of a generated dried-longan chain', () => {
  it('follows a farm lot forward through pooling, pallets, drying, split shipments and bagging, and nothing else', async () => {
    const { ids: c } = chain;
    const r = await get(admin, `id=${encodeURIComponent(c.farmLots[0])}&direction=forward`);
    expect(r.truncated).toBe(false);
    expect(ids(r)).toEqual([c.farmLots[0], c.pooled, c.pallets[0], c.dried, c.shipments.toX, c.shipments.toY, ...c.bags, c.shipments.bagsToC].sort());
    // The other farms' lots were only fellow inputs; the second drying used farm lot 3, not this one.
    expect(ids(r)).not.toContain(c.farmLots[1]);
    expect(ids(r)).not.toContain(c.overYield);
    const depth = new Map(r.nodes.map((n) => [n.id, n.depth.forward]));
    expect(depth.get(c.pooled)).toBe(1);
    expect(depth.get(c.dried)).toBe(2);
    expect(depth.get(c.bags[0]!)).toBe(3);
    // Pallet and shipments are reached as containers: their other contents are not followed.
    expect(r.nodes.find((n) => n.id === c.pallets[0])!.containerOnly).toBe(true);
  });

  it('follows a retail bag back to all three farms, given as an EPC URI', async () => {
    const { ids: c } = chain;
    const serial = c.bags[4]!.split('/21/')[1]!;
    const epc = `urn:epc:id:sgtin:${c.gtins.bag.slice(1, 10)}.${c.gtins.bag.slice(0, 1)}${c.gtins.bag.slice(10, 13)}.${serial}`;
    const r = await get(admin, `id=${encodeURIComponent(epc)}&direction=back`);
    expect(r.query.id).toBe(c.bags[4]);
    expect(ids(r)).toEqual(expect.arrayContaining([c.dried, c.pooled, ...c.farmLots, c.pallets[0], c.pallets[1], c.shipments.bagsToC]));
    expect(ids(r)).not.toContain(c.bags[5]);
    expect(ids(r)).not.toContain(c.overYield);
    const edges = r.edges.filter((e) => e.kind === 'transformation').map((e) => `${e.from} → ${e.to}`);
    expect(edges).toEqual(expect.arrayContaining([`${c.dried} → ${c.bags[4]}`, `${c.pooled} → ${c.dried}`, `${c.farmLots[2]} → ${c.dried}`, `${c.farmLots[0]} → ${c.pooled}`]));
  });

  it('agrees with the in-memory oracle, level by level, from every identity of the chain in both directions', async () => {
    const oracle = oracleEvents(chain.events);
    const all = new Set(chain.events.flatMap((e) => JSON.stringify(e.event).match(/https:\/\/id\.gs1\.org\/(?:00|01)\/[^"]+/g) ?? []));
    expect(all.size).toBeGreaterThan(30);
    for (const id of all) {
      for (const direction of ['back', 'forward'] as const) {
        const r = await get(admin, `id=${encodeURIComponent(id)}&direction=${direction}`);
        const expected = oracleLevels(oracle, [id], direction === 'back' ? 'backward' : 'forward', { maxDepth: 25, maxNodes: 5000 });
        const got: string[][] = [];
        for (const n of r.nodes) {
          const d = direction === 'back' ? n.depth.back : n.depth.forward;
          if (d !== null) (got[d] ??= []).push(n.id);
        }
        expect(got.map((l) => l.sort()), `${direction} from ${id}`).toEqual(expected.levels);
      }
    }
  });

  it('names the immediate suppliers and customers of a party with quantities, dates and documents', async () => {
    const { ids: c } = chain;
    const r = await get(p.processor.admin, `id=${encodeURIComponent(c.dried)}&direction=both`);
    expect(r.oneStep.perspective).toBe(`org:${p.processor.organizationId}`);
    const name = (key: string) => r.parties.find((x) => x.key === key)?.name;
    const back = r.oneStep.back.map((l) => ({ who: name(l.party), docs: l.documents.map((d) => d.id), what: l.what.map((q) => q.id).sort(), day: l.time.slice(0, 10) }));
    expect(back).toEqual([{ who: expect.stringContaining('HTX Nhãn Sông Mã'), docs: [`urn:epcglobal:cbv:bt:${p.coop.gln}:HTX-PX-01`], what: [...c.pallets].sort(), day: '2026-07-04' }]);
    const forward = r.oneStep.forward.map((l) => name(l.party)).sort();
    expect(forward).toEqual([expect.stringContaining('Nhà phân phối Hà Nội'), expect.stringContaining('Nhà phân phối Hải Phòng')].sort());
    // The shipping and the receiving of one transfer count once.
    expect(r.oneStep.forward).toHaveLength(2);
  });

  it('flags the drying that yields more than its input allows, once the product\'s yield is set', async () => {
    const { ids: c } = chain;
    const product = await p.processor.admin.request('POST', '/api/v1/products', { ...mangoBody(c.gtins.dried), nameVi: 'Nhãn sấy Sông Mã', category: 'dried_fruit' });
    expect(product.statusCode, product.body).toBe(201);
    const set = await p.processor.admin.request('PUT', `/api/v1/trace/yields/${product.json().id}`, { inputPerOutput: 3.5, tolerancePercent: 5 });
    expect(set.statusCode, set.body).toBe(200);
    const over = await admin.request('GET', `/api/v1/trace/mass-balance?id=${encodeURIComponent(c.overYield)}`);
    expect(over.statusCode, over.body).toBe(200);
    expect(over.json().balance.status).toBe('exceeds');
    expect(over.json().balance.transformations[0]).toMatchObject({ inputGiven: 1000, inputNeeded: 1750, status: 'exceeds' });
    const ok = await admin.request('GET', `/api/v1/trace/mass-balance?id=${encodeURIComponent(c.dried)}`);
    expect(ok.json().balance.transformations[0]).toMatchObject({ inputGiven: 3000, inputNeeded: 2975, status: 'ok' });
    // In a whole trace the flag sits on the lot node.
    const r = await get(admin, `id=${encodeURIComponent(c.farmLots[2])}&direction=forward`);
    expect(r.nodes.find((n) => n.id === c.overYield)!.massBalance!.status).toBe('exceeds');
    expect(r.nodes.find((n) => n.id === c.dried)!.massBalance!.status).toBe('ok');
  });
});

describe('identifiers', () => {
  it('reads the same lot from an element string, a Digital Link on another host, an EPC class URI and GTIN + lot', async () => {
    const { ids: c } = chain;
    const gtin = c.gtins.dried;
    const forms = [
      `(01)${gtin}(10)SAY-2026-07`,
      `https://example.vn/01/${gtin}/10/SAY-2026-07?17=271231`,
      `urn:epc:class:lgtin:${p.processor.prefix}.${gtin.slice(0, 1)}${gtin.slice(10, 13)}.SAY-2026-07`,
    ];
    for (const f of forms) expect((await get(admin, `id=${encodeURIComponent(f)}&depth=1`)).query.id).toBe(c.dried);
    expect((await get(admin, `id=${gtin.slice(1)}&lot=SAY-2026-07&depth=1`)).query.id).toBe(c.dried);
  });

  it('answers malformed codes with 400 naming the field and the GS1 fault, unknown ones with 404', async () => {
    const bad = await admin.request('GET', `/api/v1/trace?id=${encodeURIComponent('(01)09506000134375(10)X')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ in: 'query', pointer: 'id', code: 'TRACE_IDENTIFIER_MALFORMED' });
    expect(bad.json().errors[0].messages.vi).toContain('Số kiểm tra');
    expect(bad.json().gs1).toMatchObject({ code: 'GS1_LINTER_INCORRECT_CHECK_DIGIT' });
    expect((await admin.request('GET', '/api/v1/trace?id=hello')).statusCode).toBe(400);
    expect((await admin.request('GET', `/api/v1/trace?id=${chain.ids.gtins.dried}&lot=${encodeURIComponent('BAD LOT')}`)).json().errors[0].pointer).toBe('lot');
    const unknown = await admin.request('GET', `/api/v1/trace?id=${encodeURIComponent(`(01)${chain.ids.gtins.dried}(10)NOPE`)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('TRACE_IDENTIFIER_UNKNOWN');
  });
});
