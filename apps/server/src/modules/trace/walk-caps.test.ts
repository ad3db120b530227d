// The recursive SQL against the in-memory oracle on random chains (merges, split shipments, repacking, shared
// transformationIDs, unpacking, back-references that close cycles), with and without caps; very long chains stop
// at the depth cap and say so; a cyclic chain ends and reports its cycle; error declarations take events out.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { systemContext } from '../../platform/request-context.ts';
import { bareParties, captureAll, oracleEvents, oracleLevels } from './testing/chain-kit.ts';
import { gtinOf, lotId, random, randomChain, transform, type Recorded } from './testing/supply-chain.ts';
import { reach } from './reach-sql.ts';
import { ALL } from './scope.ts';
import type { Direction } from './graph.ts';
import { computeTrace } from './trace-engine.ts';

let t: TestSystem;
const SEEDS = [11, 23, 37];
const chains = new Map<number, Recorded[]>();

beforeAll(async () => {
  t = await createTestSystem();
  for (const seed of SEEDS) {
    const recorded = randomChain(seed, bareParties(6, seed), 7, 6);
    chains.set(seed, recorded);
    await captureAll(t, recorded);
  }
});
afterAll(async () => t?.close());

const identitiesOf = (recorded: readonly Recorded[]) => [...new Set(recorded.flatMap((r) => JSON.stringify(r.event).match(/https:\/\/id\.gs1\.org\/(?:00|01)\/[^"]+/g) ?? []))].sort();

async function sqlLevels(starts: string[], direction: Direction, maxDepth: number, maxNodes: number) {
  const r = (await reach(t.db.orm, { starts, directions: [direction], scope: ALL, maxDepth, maxNodes })).get(direction)!;
  return r.levels.map((l) => [...l].sort());
}

describe('the recursive walk against the oracle', () => {
  it.each(SEEDS)('agrees on random chain %i from every identity, both ways, with random caps', async (seed) => {
    const recorded = chains.get(seed)!;
    const oracle = oracleEvents(recorded);
    const ids = identitiesOf(recorded);
    const rnd = random(seed);
    let compared = 0;
    let capped = 0;
    for (const id of ids) {
      for (const direction of ['backward', 'forward'] as const) {
        const maxDepth = rnd() < 0.3 ? 1 + Math.floor(rnd() * 4) : 25;
        const maxNodes = rnd() < 0.3 ? 2 + Math.floor(rnd() * 10) : 5000;
        const expected = oracleLevels(oracle, [id], direction, { maxDepth, maxNodes });
        expect(await sqlLevels([id], direction, maxDepth, maxNodes), `${direction} from ${id}, depth ${maxDepth}, nodes ${maxNodes}`).toEqual(expected.levels);
        // And the engine reports the same cap, at the same identities.
        const computed = await computeTrace(t.db.orm, ALL, [id], [direction], { maxDepth, maxNodes, maxEvents: 10_000 });
        const cut = computed.truncations.find((x) => x.direction === direction);
        expect(cut ? { reason: cut.reason, at: [...cut.at].sort() } : null, `${direction} from ${id}`).toEqual(expected.truncated);
        compared++;
        if (expected.truncated) capped++;
      }
    }
    console.log(`[trace oracle] seed ${seed}: ${recorded.length} events, ${compared} walks compared, ${capped} of them capped`);
    expect(capped).toBeGreaterThan(0);
  });

  it('walks from many starts at once as the oracle does (recall scopes start from every recalled lot)', async () => {
    const recorded = chains.get(SEEDS[0]!)!;
    const starts = identitiesOf(recorded).filter((_, i) => i % 7 === 0);
    const expected = oracleLevels(oracleEvents(recorded), starts, 'forward', { maxDepth: 25, maxNodes: 5000 });
    expect(await sqlLevels(starts, 'forward', 25, 5000)).toEqual(expected.levels);
  });
});

describe('long chains and cycles', () => {
  const parties = bareParties(2, 99);
  const gtin = gtinOf(parties[0]!.prefix, 7);
  const chainLots = Array.from({ length: 61 }, (_, i) => lotId(gtin, `CHAIN-${i}`));
  const cycle = [lotId(gtin, 'CYC-A'), lotId(gtin, 'CYC-B'), lotId(gtin, 'CYC-C')];

  beforeAll(async () => {
    const long = chainLots.slice(1).map((lot, i) => transform(parties[i % 2]!, [{ epcClass: chainLots[i]!, quantity: 10 }], { quantities: [{ epcClass: lot, quantity: 10 }] }, 1 + (i % 20)));
    // A → B → C → A: data that says a lot was made from its own product.
    const loop = cycle.map((lot, i) => transform(parties[0]!, [{ epcClass: lot, quantity: 1 }], { quantities: [{ epcClass: cycle[(i + 1) % 3]!, quantity: 1 }] }, 2 + i));
    await captureAll(t, [...long, ...loop]);
  });

  it('stops a 60-step chain at the depth cap, says where, and goes to the end when allowed', async () => {
    const capped = await t.system.services.trace.service.trace(systemContext('test'), { id: chainLots[0]!, direction: 'forward', depth: 25 });
    expect(capped.view.truncations).toEqual([{ reason: 'depth', direction: 'forward', limit: 25, at: [chainLots[25]] }]);
    expect(capped.view.nodes).toHaveLength(26);
    const whole = await t.system.services.trace.service.trace(systemContext('test'), { id: chainLots[0]!, direction: 'forward', depth: 100 });
    expect(whole.view.truncations).toEqual([]);
    expect(whole.view.nodes.map((n) => n.id).sort()).toEqual([...chainLots].sort());
    expect(whole.view.nodes.find((n) => n.id === chainLots[60])!.forwardDepth).toBe(60);
  });

  it('ends on a cycle, visits each lot once and reports the cycle', async () => {
    const r = await t.system.services.trace.service.trace(systemContext('test'), { id: cycle[0]!, direction: 'both', depth: 200 });
    expect(r.view.truncations).toEqual([]);
    expect(r.view.nodes.map((n) => n.id).sort()).toEqual([...cycle].sort());
    expect(r.view.cycles).toEqual([[...cycle].sort()]);
  });

  it('leaves out an event declared erroneous (EPCIS 2.0 §7.4.1.2), and its declaration', async () => {
    const wrong = transform(parties[1]!, [{ epcClass: chainLots[60]!, quantity: 1 }], { quantities: [{ epcClass: lotId(gtin, 'MISTAKE'), quantity: 1 }] }, 25);
    await captureAll(t, [wrong]);
    const before = await t.system.services.trace.service.trace(systemContext('test'), { id: chainLots[60]!, direction: 'forward' });
    expect(before.view.nodes.map((n) => n.id)).toContain(lotId(gtin, 'MISTAKE'));
    const [stored] = await t.db.orm.execute(sqlEventIdOf(lotId(gtin, 'MISTAKE'))).then((r) => (r as unknown as { rows: { event_id: string }[] }).rows);
    await captureAll(t, [{ by: parties[1]!.organizationId, event: { ...wrong.event, eventID: stored!.event_id, errorDeclaration: { declarationTime: new Date(Date.UTC(2026, 6, 26)).toISOString(), reason: 'incorrect_data' } } }]);
    const after = await t.system.services.trace.service.trace(systemContext('test'), { id: chainLots[60]!, direction: 'forward' });
    expect(after.view.nodes.map((n) => n.id)).toEqual([chainLots[60]]);
    expect(after.view.events.some((e) => e.event.errorDeclaration)).toBe(false);
  });
});

function sqlEventIdOf(output: string) {
  return sql`select e.event_id from epcis.events e join epcis.event_quantities q on q.seq = e.seq where q.epc_class = ${output} and q.role = 4 limit 1`;
}
