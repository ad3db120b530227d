// The service API other modules use (index.ts): capture of model events inside the caller's transaction (atomic
// with the caller's own writes), typed queries, get by id, and the read helpers for trace and recall; plus the
// batched ledger entries, which must equal what platform/ledger recordInLedger writes, and the table definitions,
// which must match the migrations.
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectEvent, TransformationEvent, AggregationEvent, parseQueryParameters, type EpcisEvent } from '@txng/epcis';
import { epcUriToDigitalLink } from '@txng/gs1';
import { rows } from '../../../platform/db/database.ts';
import { recordInLedger } from '../../../platform/ledger/ledger-entry.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { createTestSystem, type TestSystem } from '../../../../test/harness.ts';
import { correctionsOf, epcisTables, eventsByClass, eventsByIdentity, eventsByInput, eventsByLot, eventsByOutput, eventsByParent, eventsByTransformationId } from '../index.ts';
import { recordEventsInLedger } from '../store/ledger-batch.ts';
import { organizationWithKey, provinceAdmin, type TestOrganization } from '../testing/support.ts';

let t: TestSystem;
let org: TestOrganization;
let ctx: RequestContext;

beforeAll(async () => {
  t = await createTestSystem();
  org = await organizationWithKey(t, await provinceAdmin(t));
  // The request context of the organisation's API key, as a route would build it.
  const actor = await t.system.services.auth.resolveApiKey(org.keySecret);
  ctx = { actor: actor!, requestId: 'service-api-test', clientHash: null, lang: 'vi' };
}, 120_000);
afterAll(async () => t?.close());

const dl = (urn: string) => {
  const r = epcUriToDigitalLink(urn);
  if (!r.ok) throw new Error(urn);
  return r.value;
};
const LOT = dl('urn:epc:class:lgtin:8934567.012345.L7');
const GTIN = /\/01\/(\d{14})\//.exec(LOT)![1]!;
const harvest = ObjectEvent.create({
  eventTime: '2026-03-01T07:00:00.000+07:00', eventTimeZoneOffset: '+07:00', action: 'ADD', bizStep: 'commissioning',
  quantityList: [{ epcClass: LOT, quantity: 120, uom: 'KGM' }], readPoint: { id: 'urn:epc:id:sgln:8934567.00001.0' },
});
const drying = TransformationEvent.create({
  eventTime: '2026-03-02T07:00:00.000+07:00', eventTimeZoneOffset: '+07:00', bizStep: 'commissioning', transformationID: 'urn:uuid:7f000000-0000-4000-8000-000000000001',
  inputQuantityList: [{ epcClass: LOT, quantity: 120, uom: 'KGM' }], outputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:8934567.012346.D7', quantity: 30, uom: 'KGM' }],
});
const packing = AggregationEvent.create({
  eventTime: '2026-03-03T07:00:00.000+07:00', eventTimeZoneOffset: '+07:00', action: 'ADD', parentID: 'urn:epc:id:sscc:8934567.1000000001',
  childEPCs: ['urn:epc:id:sgtin:8934567.012346.1', 'urn:epc:id:sgtin:8934567.012346.2'],
});

describe('capture inside the caller’s transaction', () => {
  it('commits the events with the caller’s own writes, and rolls them back with them', async () => {
    const events = t.system.services.epcis.events;
    await expect(t.db.transaction(async (tx) => {
      await events.captureEvents(tx, ctx, [harvest]);
      throw new Error('the form failed after the events were captured');
    })).rejects.toThrow('the form failed');
    expect(await eventsByLot(t.db.orm, GTIN, 'L7')).toHaveLength(0);

    const results = await t.db.transaction((tx) => events.captureEvents(tx, ctx, [harvest, drying, packing]));
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    expect(results[0]!.eventId).toBe(results[0]!.hashId);
    const again = await t.db.transaction((tx) => events.captureEvents(tx, ctx, [harvest]));
    expect(again.map((r) => r.status)).toEqual(['duplicate']);
  });

  it('refuses invalid events before writing anything, with a pointer per event', async () => {
    const broken = { ...harvest, eventTime: 'yesterday' } as EpcisEvent;
    await expect(t.db.transaction((tx) => t.system.services.epcis.events.captureEvents(tx, ctx, [packing, broken]))).rejects.toMatchObject({
      kind: 'invalid', fields: expect.arrayContaining([expect.objectContaining({ pointer: expect.stringMatching(/^\/events\/1\//) })]),
    });
  });

  it('queries by the AST and gets by id within the actor’s scope', async () => {
    const parsed = parseQueryParameters({ MATCH_anyEPCClass: [LOT] });
    if (!parsed.ok) throw new Error('query');
    const page = await t.system.services.epcis.events.query(ctx, parsed.query);
    expect(page.events.map((e) => e.event.type).sort()).toEqual(['ObjectEvent', 'TransformationEvent']);
    const [found] = await t.system.services.epcis.events.getEvent(ctx, page.events[0]!.event.eventID!);
    expect(found!.organizationId).toBe(org.id);
  });
});

describe('read helpers for trace and recall', () => {
  it('finds events by identity (either spelling), class, lot, parent, input, output and transformation', async () => {
    const types = (list: { event: EpcisEvent }[]) => list.map((e) => e.event.type);
    expect(types(await eventsByLot(t.db.orm, GTIN, 'L7'))).toEqual(['ObjectEvent', 'TransformationEvent']);
    expect(types(await eventsByClass(t.db.orm, 'urn:epc:class:lgtin:8934567.012345.L7', ['quantityList']))).toEqual(['ObjectEvent']);
    expect(types(await eventsByInput(t.db.orm, LOT))).toEqual(['TransformationEvent']);
    expect(types(await eventsByOutput(t.db.orm, dl('urn:epc:class:lgtin:8934567.012346.D7')))).toEqual(['TransformationEvent']);
    expect(types(await eventsByParent(t.db.orm, dl('urn:epc:id:sscc:8934567.1000000001')))).toEqual(['AggregationEvent']);
    expect(types(await eventsByIdentity(t.db.orm, dl('urn:epc:id:sgtin:8934567.012346.2'), ['childEPCs']))).toEqual(['AggregationEvent']);
    expect(types(await eventsByIdentity(t.db.orm, 'urn:epc:id:sgtin:8934567.012346.2', ['epcList']))).toEqual([]);
    expect(types(await eventsByTransformationId(t.db.orm, 'urn:uuid:7f000000-0000-4000-8000-000000000001'))).toEqual(['TransformationEvent']);
    expect(await correctionsOf(t.db.orm, 'urn:uuid:nothing')).toEqual([]);
    const page1 = await eventsByLot(t.db.orm, GTIN, 'L7', { limit: 1 });
    const page2 = await eventsByLot(t.db.orm, GTIN, 'L7', { limit: 1, after: page1[0]! });
    expect(types([...page1, ...page2])).toEqual(['ObjectEvent', 'TransformationEvent']);
  });
});

describe('storage', () => {
  it('writes ledger entries exactly as recordInLedger does, one statement for a whole chunk', async () => {
    const items = [{ id: 'urn:uuid:aa000000-0000-4000-8000-000000000001', sha256: 'a'.repeat(64) }, { id: 'ni:///sha-256;x?ver=CBV2.0', sha256: '0123456789abcdef'.repeat(4) }];
    const org2 = '00000000-0000-4000-8000-0000000000aa';
    const read = async (ids: string[]) => rows<{ topic: string; payload: unknown; dedupe_key: string; organization_id: string }>(t.db.orm, sql`
      select topic, payload, dedupe_key, organization_id from platform.outbox where payload->>'id' = any(${sql.param(ids)}::text[]) order by dedupe_key`);
    await t.db.transaction((tx) => recordEventsInLedger(tx, items, org2));
    const batched = await read(items.map((i) => i.id));
    await t.db.orm.execute(sql`delete from platform.outbox where payload->>'id' = any(${sql.param(items.map((i) => i.id))}::text[])`);
    await t.db.transaction(async (tx) => {
      for (const i of items) await recordInLedger(tx, { kind: 'epcis.event', id: i.id, sha256: i.sha256, organizationId: org2 });
    });
    expect(await read(items.map((i) => i.id))).toEqual(batched);
    expect(batched).toHaveLength(2);
  });

  it('defines every table as the migrations create it', async () => {
    const tables = (Object.values(epcisTables) as unknown[]).filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      const cfg = getTableConfig(table);
      const cols = await rows<{ column_name: string; is_nullable: string; udt_name: string }>(t.db.orm, sql`
        select column_name, is_nullable, udt_name from information_schema.columns where table_schema = ${cfg.schema!} and table_name = ${cfg.name}`);
      const byName = new Map(cols.map((c) => [c.column_name, c]));
      expect(cols.length, cfg.name).toBe(cfg.columns.length);
      for (const col of cfg.columns) {
        const db = byName.get(col.name);
        expect(db, `${cfg.name}.${col.name}`).toBeDefined();
        expect(db!.udt_name.replace(/^_/, ''), `${cfg.name}.${col.name}`).toBe(col.getSQLType().replace(/\[\]$/, '').replace('double precision', 'float8').replace('timestamp with time zone', 'timestamptz')
          .replace('bigint', 'int8').replace('smallint', 'int2').replace('integer', 'int4').replace('boolean', 'bool'));
        expect(db!.is_nullable === 'NO', `${cfg.name}.${col.name} not null`).toBe(col.notNull);
      }
    }
  });
});
