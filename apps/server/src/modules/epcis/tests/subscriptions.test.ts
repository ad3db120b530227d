// Webhook subscriptions (REST binding /queries/{name}/subscriptions): a receiver on loopback sees every matching
// event, by eventID, across a server restart (delivery at least once through the outbox, retried with backoff
// after a failing callback), every callback signed (GS1-Signature, HMAC-SHA256); scheduled subscriptions deliver
// what was captured since their previous run, and an empty report when asked to.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystem, type System } from '../../../app/system.ts';
import { rows } from '../../../platform/db/database.ts';
import { OutboxWorker } from '../../../platform/outbox/outbox.ts';
import { createTestSystem, fixedClock, type TestSystem } from '../../../../test/harness.ts';
import { verifySignature, WEBHOOK_TOPIC } from '../index.ts';
import { capture, jsonDocument, objectEvent, organizationWithKey, provinceAdmin, report, type Call, type TestOrganization } from '../testing/support.ts';

interface Delivery {
  readonly body: string;
  readonly signature: string | undefined;
  readonly subscriptionID: string;
  readonly eventIDs: string[];
}

/** A loopback webhook receiver that refuses the first `failFirst` callbacks with 503. */
async function receiver(failFirst: number): Promise<{ url: string; deliveries: Delivery[]; refused: () => number; server: Server }> {
  const deliveries: Delivery[] = [];
  let refused = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (refused < failFirst) {
        refused++;
        res.writeHead(503).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const doc = JSON.parse(body) as { epcisBody: { queryResults: { subscriptionID: string; resultsBody: { eventList: { eventID: string }[] } } } };
      deliveries.push({
        body, signature: req.headers['gs1-signature'] as string | undefined, subscriptionID: doc.epcisBody.queryResults.subscriptionID,
        eventIDs: doc.epcisBody.queryResults.resultsBody.eventList.map((e) => e.eventID),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, deliveries, refused: () => refused, server };
}

async function until(check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const TOKEN = 'c2lnbmF0dXJlLXRva2VuLW9mLXRoZS1jbGllbnQ';
const receivingBatch = (from: number, count: number) => jsonDocument([
  ...Array.from({ length: count }, (_, i) => objectEvent([`urn:epc:id:sgtin:0614141.107346.${from + i}`], undefined, { bizStep: 'receiving' })),
  objectEvent([`urn:epc:id:sgtin:0614141.107346.${from + count}`], undefined, { bizStep: 'shipping' }),
]);

describe('stream subscriptions across a restart', () => {
  let t: TestSystem;
  let org: TestOrganization;
  let second: System | undefined;
  const workers: OutboxWorker[] = [];
  let hook: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    t = await createTestSystem();
    org = await organizationWithKey(t, await provinceAdmin(t));
    hook = await receiver(2);
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await second?.stop();
    hook.server.close();
    await t?.close();
  });

  /** An outbox worker delivering webhooks only (the system's other topics are not under test). */
  function webhookWorker(system: System): OutboxWorker {
    const w = new OutboxWorker({ db: t.db, log: pino({ level: 'silent' }), handlers: new Map([[WEBHOOK_TOPIC, system.services.epcis.outboxHandlers.get(WEBHOOK_TOPIC)!]]), pollMs: 50 });
    workers.push(w);
    return w;
  }

  it('delivers every matching event at least once, signed, although the callback fails and the server restarts', async () => {
    expect((await org.key('POST', '/epcis/queries', { name: 'received', query: { EQ_bizStep: ['receiving'] } })).statusCode).toBe(201);
    const sub = await org.key('POST', '/epcis/queries/received/subscriptions', { dest: hook.url, signatureToken: TOKEN, stream: true });
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).not.toHaveProperty('signatureToken');
    expect(sub.headers.location).toBe(`/epcis/queries/received/subscriptions/${sub.json().subscriptionID}`);

    expect((await capture(org.key, receivingBatch(100, 5), 'a.jsonld')).statusCode).toBe(202);
    const first = webhookWorker(t.system);
    first.start();
    // The first two callbacks are refused; the outbox retries with backoff. Stop while deliveries may be pending.
    await until(() => hook.refused() >= 1);
    await first.stop();
    expect((await capture(org.key, receivingBatch(200, 7), 'b.jsonld')).statusCode).toBe(202);
    await t.system.stop();

    // A new server process on the same database picks up what was not delivered.
    second = await createSystem({ config: t.config, log: pino({ level: 'silent' }), db: t.db, secrets: t.secrets, clock: t.clock });
    const key = (method: string, url: string, body?: object) => second!.app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${org.keySecret}`, 'content-type': 'application/ld+json' }, ...(body ? { payload: JSON.stringify(body) } : {}) });
    expect((await key('POST', '/epcis/capture', JSON.parse(receivingBatch(300, 3)) as object)).statusCode).toBe(202);
    webhookWorker(second).start();

    const expected = (await rows<{ event_id: string }>(t.db.orm, sql`select event_id from epcis.events where biz_step = 'receiving'`)).map((r) => r.event_id).sort();
    expect(expected).toHaveLength(15);
    await until(() => new Set(hook.deliveries.flatMap((d) => d.eventIDs)).size >= expected.length);
    const seen = hook.deliveries.flatMap((d) => d.eventIDs);
    expect([...new Set(seen)].sort()).toEqual(expected);
    for (const d of hook.deliveries) {
      expect(verifySignature(TOKEN, d.body, d.signature)).toBe(true);
      expect(verifySignature('another-token-of-another-client', d.body, d.signature)).toBe(false);
      expect(d.subscriptionID).toBe(sub.json().subscriptionID);
    }
    report('webhook stream across a restart', expected.length, new Set(seen).size, [
      `${hook.deliveries.length} callbacks (${hook.refused()} refused with 503 and retried), ${seen.length - new Set(seen).size} repeated event deliveries (at least once)`,
    ]);
  }, 180_000);

  it('stops delivering once unsubscribed', async () => {
    // The first server was stopped: talk to the second one.
    const key: Call = (method, url, body, headers = {}) => second!.app.inject({
      method: method as 'GET', url, headers: { authorization: `Bearer ${org.keySecret}`, ...headers }, ...(body === undefined ? {} : { payload: body }),
    });
    const [sub] = (await key('GET', '/epcis/queries/received/subscriptions')).json() as { subscriptionID: string }[];
    expect((await key('DELETE', `/epcis/queries/received/subscriptions/${sub!.subscriptionID}`)).statusCode).toBe(204);
    expect((await key('GET', `/epcis/queries/received/subscriptions/${sub!.subscriptionID}`)).statusCode).toBe(404);
    const before = hook.deliveries.length;
    expect((await capture(key, receivingBatch(400, 2), 'c.jsonld')).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect(hook.deliveries.length).toBe(before);
  }, 60_000);
});

describe('scheduled subscriptions', () => {
  const clock = fixedClock('2026-06-01T00:00:30Z');
  let t: TestSystem;
  let org: TestOrganization;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let worker: OutboxWorker;

  beforeAll(async () => {
    t = await createTestSystem({ clock });
    org = await organizationWithKey(t, await provinceAdmin(t));
    hook = await receiver(0);
    worker = new OutboxWorker({ db: t.db, log: pino({ level: 'silent' }), handlers: new Map([[WEBHOOK_TOPIC, t.system.services.epcis.outboxHandlers.get(WEBHOOK_TOPIC)!]]) });
  }, 120_000);
  afterAll(async () => {
    hook.server.close();
    await t?.close();
  });

  const deliver = async () => {
    while ((await worker.drainOnce()) > 0);
  };

  it('runs at the scheduled times, reporting events captured since the previous run, and empty runs when asked', async () => {
    expect((await org.key('POST', '/epcis/queries', { name: 'all', query: {} })).statusCode).toBe(201);
    const bad = await org.key('POST', '/epcis/queries/all/subscriptions', { dest: hook.url, signatureToken: TOKEN, schedule: { minute: '[70-80]' } });
    expect(bad.statusCode).toBe(400);
    expect((await org.key('POST', '/epcis/queries/all/subscriptions', { dest: hook.url, signatureToken: TOKEN })).statusCode).toBe(400);
    const sub = await org.key('POST', '/epcis/queries/all/subscriptions', { dest: hook.url, schedule: { second: '0', minute: '[0-59]' }, reportIfEmpty: true });
    expect(sub.statusCode).toBe(201);
    const token = sub.json().signatureToken as string;
    expect(token.length).toBeGreaterThan(20);

    expect((await capture(org.key, jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.1']), objectEvent(['urn:epc:id:sgtin:0614141.107346.2'])]), 'a.jsonld')).statusCode).toBe(202);
    const scheduler = t.system.services.epcis.scheduler;
    expect(await scheduler.tick()).toBe(0); // 00:00:30, the first run is at 00:01:00
    clock.advance(30_000);
    expect(await scheduler.tick()).toBe(1);
    await deliver();
    expect(hook.deliveries.map((d) => d.eventIDs.length)).toEqual([2]);
    expect(verifySignature(token, hook.deliveries[0]!.body, hook.deliveries[0]!.signature)).toBe(true);

    clock.advance(60_000);
    expect(await scheduler.tick()).toBe(1);
    await deliver();
    expect(hook.deliveries.map((d) => d.eventIDs.length)).toEqual([2, 0]);

    expect((await capture(org.key, jsonDocument([objectEvent(['urn:epc:id:sgtin:0614141.107346.3'])]), 'b.jsonld')).statusCode).toBe(202);
    clock.advance(60_000);
    expect(await scheduler.tick()).toBe(1);
    await deliver();
    expect(hook.deliveries.map((d) => d.eventIDs.length)).toEqual([2, 0, 1]);
    expect(hook.deliveries[2]!.eventIDs).not.toContain(hook.deliveries[0]!.eventIDs[0]);
  }, 120_000);
});
