// Writing thousands of diary steps at once (a spreadsheet import's commit): every step gets its EPCIS event, its
// index rows and its ledger entry, chunk after chunk on one transaction; when a later chunk fails, nothing of the
// earlier chunks remains.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../../platform/db/database.ts';
import { systemContext } from '../../../platform/request-context.ts';
import { createTestSystem, fixedClock, type TestSystem } from '../../../../test/harness.ts';
import type { OrganizationFacts } from '../deps.ts';
import { gtinFor, mangoBody, organizationWithPrefix, plantingAreaBody, provinceAdmin } from '../test-fixtures.ts';
import { writeDiarySteps } from './diary-bulk.ts';
import type { DiaryInput } from './diary-input.ts';
import type { DiaryEventSink } from './diary-service.ts';

let t: TestSystem;
let org: OrganizationFacts;
let lotId: string;
let placeId: string;
const PREFIX = '893612778';
const clock = fixedClock('2026-07-20T03:00:00Z');
const BASE = 'http://txng.test';

beforeAll(async () => {
  t = await createTestSystem({ clock });
  const coop = await organizationWithPrefix(t, await provinceAdmin(t), PREFIX);
  org = (await t.system.services.organizations.findById(coop.id))!;
  placeId = (await coop.admin.request('POST', '/api/v1/places', plantingAreaBody('VN-SLOR-0778'))).json().id;
  const product = (await coop.admin.request('POST', '/api/v1/products', { ...mangoBody(gtinFor(PREFIX, 1)), originPlaceId: placeId })).json();
  lotId = (await coop.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode: 'XY-BULK-2026', originPlaceId: placeId })).json().id;
});
afterAll(async () => t?.close());

const steps = (n: number, from: number): DiaryInput[] =>
  Array.from({ length: n }, (_, i) => ({ lotId, placeId, kind: i % 2 ? 'irrigation' : 'fertilising', occurredAt: new Date(Date.UTC(2026, 2, 1) + (from + i) * 60_000).toISOString(), ...(i % 2 ? {} : { input: { name: 'NPK 16-16-8', dose: 2, doseUnit: 'kg/cây' } }), notes: `hàng ${from + i}` }) as DiaryInput);

const counts = async () => {
  const [r] = await rows<{ steps: number; events: number; ledger: number }>(t.db.orm, sql`
    select (select count(*)::int from catalog.diary_steps where lot_id = ${lotId}) as steps,
      (select count(*)::int from epcis.events where organization_id = ${org.id}) as events,
      (select count(*)::int from platform.outbox o where o.organization_id = ${org.id} and o.dedupe_key like 'ledger:epcis.event:%') as ledger`);
  return r!;
};

describe('diary steps in bulk', () => {
  it('writes 2,300 steps over three chunks, each with its own EPCIS event, index rows and ledger entry', async () => {
    const before = await counts();
    const ids = await t.db.transaction((tx) => writeDiarySteps(tx, systemContext('test'), org, steps(2300, 0), t.system.services.epcis.events, clock.now(), BASE));
    expect(new Set(ids).size).toBe(2300);
    expect(await counts()).toEqual({ steps: before.steps + 2300, events: before.events + 2300, ledger: before.ledger + 2300 });
    const [joined] = await rows<{ n: number; quantities: number; first: string; kinds: number }>(t.db.orm, sql`
      select count(*)::int as n, sum((select count(*) from epcis.event_quantities q where q.seq = e.seq))::int as quantities,
        min(s.details->>'notes') as first, count(distinct s.kind)::int as kinds
      from catalog.diary_steps s join epcis.events e on e.event_id = s.event_ids[1] and e.event_time = s.occurred_at
      where s.id = any(${sql.param(ids)}::uuid[])`);
    expect(joined).toEqual({ n: 2300, quantities: 2300, first: 'hàng 0', kinds: 2 });
  });

  it('writes nothing when a later chunk fails, and without the split capture still writes every step', async () => {
    const before = await counts();
    const real = t.system.services.epcis.events;
    let calls = 0;
    const failing: DiaryEventSink = {
      captureEvents: (...a) => real.captureEvents(...a),
      checkEvents: async (...a) => {
        if (++calls === 3) throw new Error('third chunk refused');
        return real.checkEvents(...a);
      },
      storeCheckedEvents: (tx, ctx, checked) => real.storeCheckedEvents(tx, ctx, checked as Parameters<typeof real.storeCheckedEvents>[2]),
    };
    await expect(t.db.transaction((tx) => writeDiarySteps(tx, systemContext('test'), org, steps(2300, 10_000), failing, clock.now(), BASE))).rejects.toThrow('third chunk refused');
    expect(calls).toBe(3);
    expect(await counts()).toEqual(before);
    const plain: DiaryEventSink = { captureEvents: (...a) => real.captureEvents(...a) };
    const ids = await t.db.transaction((tx) => writeDiarySteps(tx, systemContext('test'), org, steps(1200, 20_000), plain, clock.now(), BASE));
    expect(ids).toHaveLength(1200);
    expect(await counts()).toEqual({ steps: before.steps + 1200, events: before.events + 1200, ledger: before.ledger + 1200 });
  });
});
