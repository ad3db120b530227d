// recordManyInLedger writes, in one statement, exactly the outbox rows recordInLedger writes one by one.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.ts';
import { rows, type Database } from '../db/database.ts';
import { recordInLedger, recordManyInLedger, type LedgerRecordInput } from './ledger-entry.ts';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

const ORG = '00000000-0000-4000-8000-0000000000bb';
const inputs: LedgerRecordInput[] = [
  { kind: 'epcis.event', id: 'urn:uuid:bb000000-0000-4000-8000-000000000001', sha256: 'b'.repeat(64), organizationId: ORG },
  { kind: 'recall', id: 'TH-2026-0001/open', content: { number: 'TH-2026-0001', reason: 'Dư lượng vượt ngưỡng', lots: ['XY-2026-01'] }, organizationId: ORG },
  { kind: 'organization.decision', id: "org:ab'c:1", content: { decision: 'approved', note: 'đủ hồ sơ' } },
];

const read = async () =>
  rows<{ topic: string; payload: unknown; dedupe_key: string; organization_id: string | null }>(
    db.orm,
    sql`select topic, payload, dedupe_key, organization_id from platform.outbox where payload->>'id' = any(${sql.param(inputs.map((i) => i.id))}::text[]) order by dedupe_key`,
  );

describe('recordManyInLedger', () => {
  it('enqueues the rows recordInLedger enqueues: payload, dedupe key, topic and organisation, kinds mixed', async () => {
    await db.transaction((tx) => recordManyInLedger(tx, inputs));
    const batched = await read();
    expect(batched).toHaveLength(3);
    expect(batched.filter((r) => r.organization_id === null)).toHaveLength(1);
    await db.orm.execute(sql`delete from platform.outbox`);
    await db.transaction(async (tx) => {
      for (const input of inputs) await recordInLedger(tx, input);
    });
    expect(await read()).toEqual(batched);
  });

  it('ignores a record already enqueued and one repeated in the batch; an empty batch writes nothing', async () => {
    const before = (await read()).length;
    const extra: LedgerRecordInput = { kind: 'inspection', id: 'inspection:42', content: { result: 'đạt' } };
    await db.transaction((tx) => recordManyInLedger(tx, [inputs[0]!, extra, extra]));
    await db.transaction((tx) => recordManyInLedger(tx, []));
    const after = await rows<{ n: number }>(db.orm, sql`select count(*)::int as n from platform.outbox`);
    expect(after[0]!.n).toBe(before + 1);
  });

  it('refuses a malformed hash before writing anything', async () => {
    const count = async () => (await rows<{ n: number }>(db.orm, sql`select count(*)::int as n from platform.outbox`))[0]!.n;
    const before = await count();
    await expect(db.transaction((tx) => recordManyInLedger(tx, [{ kind: 'inspection', id: 'inspection:43', content: {} }, { kind: 'inspection', id: 'x', sha256: 'ABC' }]))).rejects.toThrow(/hex SHA-256/);
    expect(await count()).toBe(before);
  });
});
