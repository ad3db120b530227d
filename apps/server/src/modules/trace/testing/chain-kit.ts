// Test set-up shared by the trace and recall tests: real organisations with GS1 prefixes and GLNs (registered and
// approved through the API), events captured through the epcis module's service exactly as the farm diary and
// the REST binding capture them, and the in-memory oracle over the same events.
import { randomInt, randomUUID } from 'node:crypto';
import { approvedOrganization, type Client, type TestSystem } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/request-context.ts';
import type { Sector } from '../../../platform/auth/actor.ts';
import { TraceGraph, walk, type Direction, type Limits, type TraceEvent } from '../graph.ts';
import { glnOf, type Party, type Recorded } from './supply-chain.ts';

export interface TestParty extends Party {
  readonly admin: Client;
  readonly name: string;
}

/** The organisations of the dried-longan chain (supply-chain.ts longanChain). */
export interface LonganParties {
  readonly farms: readonly [TestParty, TestParty, TestParty];
  readonly coop: TestParty;
  readonly processor: TestParty;
  readonly distributors: readonly [TestParty, TestParty];
  readonly shops: readonly [TestParty, TestParty, TestParty];
}

/** Registers the chain's organisations; `communeOf` places each (default: the harness's commune). */
export async function longanParties(t: TestSystem, provinceAdmin: Client, communeOf: (role: 'upstream' | 'downstream') => number | undefined = () => undefined): Promise<LonganParties> {
  const make = (name: string, role: 'upstream' | 'downstream') => {
    const communeId = communeOf(role);
    return party(t, provinceAdmin, { name, ...(communeId ? { communeId } : {}) });
  };
  return {
    farms: [await make('Nông hộ Lò Văn A', 'upstream'), await make('Nông hộ Cà Thị B', 'upstream'), await make('Nông hộ Quàng Văn C', 'upstream')],
    coop: await make('HTX Nhãn Sông Mã', 'upstream'),
    processor: await make('Công ty Chế biến Nông sản Sơn La', 'upstream'),
    distributors: [await make('Nhà phân phối Hà Nội', 'downstream'), await make('Nhà phân phối Hải Phòng', 'downstream')],
    shops: [await make('Cửa hàng A', 'downstream'), await make('Cửa hàng B', 'downstream'), await make('Cửa hàng C', 'downstream')],
  };
}

/** An approved organisation with its own GS1 Company Prefix (9 digits, 893 = Viet Nam) and GLN. */
export async function party(t: TestSystem, provinceAdmin: Client, o: { name: string; communeId?: number; sectors?: Sector[] }): Promise<TestParty> {
  const prefix = `893${String(randomInt(1_000_000)).padStart(6, '0')}`;
  const org = await approvedOrganization(t, provinceAdmin, { name: `${o.name} ${randomUUID().slice(0, 4)}`, ...(o.communeId ? { communeId: o.communeId } : {}), ...(o.sectors ? { sectors: o.sectors } : {}) });
  const gln = glnOf(prefix, 1);
  const res = await org.admin.request('PATCH', `/api/v1/organizations/${org.id}`, { gs1CompanyPrefix: prefix, gln });
  if (res.statusCode !== 200) throw new Error(`GS1 identities refused: ${res.body}`);
  return { organizationId: org.id, prefix, gln, admin: org.admin, name: o.name };
}

/** Parties that exist only as GS1 identities (no organisation registered here), for large generated chains. */
export function bareParties(n: number, seed: number): Party[] {
  return Array.from({ length: n }, (_, i) => {
    const prefix = `8936${String(seed % 1000).padStart(3, '0')}${String(i).padStart(2, '0')}`;
    return { organizationId: randomUUID(), prefix, gln: glnOf(prefix, 1) };
  });
}

/** Captures the events in order, each organisation's run of events in one transaction through EventsService. */
export async function captureAll(t: TestSystem, recorded: readonly Recorded[]): Promise<void> {
  const ctx = systemContext('trace-test');
  let i = 0;
  while (i < recorded.length) {
    const by = recorded[i]!.by;
    let j = i;
    while (j < recorded.length && recorded[j]!.by === by && j - i < 500) j++;
    const chunk = recorded.slice(i, j).map((r) => r.event);
    await t.db.transaction((tx) => t.system.services.epcis.events.captureEvents(tx, ctx, chunk, { organizationId: by }));
    i = j;
  }
}

/** The same events as the oracle reads them (sequence numbers are only their order). */
export function oracleEvents(recorded: readonly Recorded[]): TraceEvent[] {
  return recorded.map((r, i) => ({ seq: i + 1, eventId: `oracle-${i + 1}`, organizationId: r.by, eventTime: new Date(r.event.eventTime), event: r.event }));
}

/** The oracle's levels of a walk, as sorted sets per depth (the order within a level is not part of the result). */
export function oracleLevels(events: readonly TraceEvent[], starts: readonly string[], direction: Direction, limits: Limits) {
  const w = walk(new TraceGraph(events), starts, direction, limits);
  return { levels: w.levels.map((l) => [...l].sort()), truncated: w.truncated ? { reason: w.truncated.reason, at: [...w.truncated.at].sort() } : null };
}
