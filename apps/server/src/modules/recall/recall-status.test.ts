// The scan path's recall answer (recallOf) from the campaigns' marks: by the stamp's own serial, its lot or its
// whole product, and nothing for other items of a GTIN that has an item marked.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createRecallStatus } from './recall-status.ts';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

const GTIN = '08936123450014';
const product = randomUUID();
const lot = randomUUID();

async function campaign(number: string, affected: { identity: string; kind: string; lotId?: string }[]): Promise<void> {
  const id = randomUUID();
  await db.orm.execute(sql`
    insert into recall.campaigns (id, number, status, severity, reason, organization_id, org_commune_id, org_sectors, opener_kind,
      opened_by, opened_by_label, opened_at, criteria, targets, scope_computed_at)
    values (${id}, ${number}, 'open', 'class_2', 'Tem bị làm giả', ${randomUUID()}, 1, '{agriculture}', 'official',
      'test', 'Kiểm thử', now(), '{"ids":[]}'::jsonb, '{}', now())`);
  for (const a of affected) {
    await db.orm.execute(sql`insert into recall.affected (campaign_id, identity, kind, depth, catalog_lot_id, product_id)
      values (${id}, ${a.identity}, ${a.kind}, 0, ${a.lotId ?? null}, ${product})`);
  }
}

describe('recallOf, as every scan asks', () => {
  it('finds a stamp recalled by its own serial, not its neighbours, then by its lot', async () => {
    const status = createRecallStatus({ db, clock: systemClock, log: pino({ level: 'silent' }), publicBaseUrl: 'https://truyxuat.example', refreshMs: 0 });
    const ask = (serial: string | null, lotId: string | null = null) => status.recallOf({ productId: product, lotId, gtin: GTIN.replace(/^0/, ''), serial });
    expect(await ask('SERIAL1')).toBeNull();
    await campaign('TH-2026-0901', [{ identity: `https://id.gs1.org/01/${GTIN}/21/SERIAL1`, kind: 'item' }]);
    expect(await ask('SERIAL1')).toMatchObject({ number: 'TH-2026-0901', severity: 'class_2' });
    expect(await ask('SERIAL2')).toBeNull();
    expect(await status.recallOf({ productId: product, lotId: null, gtin: '08936123450021', serial: 'SERIAL1' })).toBeNull();
    await campaign('TH-2026-0902', [{ identity: `https://id.gs1.org/01/${GTIN}/10/L1`, kind: 'lot', lotId: lot }]);
    expect(await ask('SERIAL2', lot)).toMatchObject({ number: 'TH-2026-0902' });
  });
});
