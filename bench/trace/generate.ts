// The trace benchmark's dataset, written straight into the epcis tables with COPY (PostgreSQL text format): the
// event rows and exactly the index rows a capture writes for them (epcis store/event-rows.ts), so the walk runs
// over the same shapes as in production. Identities are written in their canonical form (canonicalEpc is the
// identity on canonical Digital Links).
//
// Background: supply chains of ten events each (harvest, transfer farm → cooperative, processing, two pallets
// packed and shipped to a distributor and received). Spread among them:
// - probe chains: a lot through 5 transformations and then packed into 100 shipments (SSCCs), each shipped and
//   received: 6 hops, 100 downstream shipments, 306 events;
// - one recall probe: a lot made into 10,000 serialised items (SGTINs), packed 100 per case, 100 cases shipped.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { computeCheckDigit } from '@txng/gs1';

const HARVEST = 'https://id.txng.sonla.gov.vn/voc/bizStep-harvesting';
const TZ = '+07:00';
const BATCH = 20_000;

const gtin = (prefix: string, item: number) => {
  const body = `0${prefix}${String(item).padStart(12 - prefix.length, '0')}`;
  return body + computeCheckDigit(body);
};
const gln = (prefix: string, loc: number) => {
  const body = `${prefix}${String(loc).padStart(12 - prefix.length, '0')}`;
  return body + computeCheckDigit(body);
};
const sscc = (prefix: string, serial: number) => {
  const body = `0${prefix}${String(serial).padStart(16 - prefix.length, '0')}`;
  return `https://id.gs1.org/00/${body}${computeCheckDigit(body)}`;
};
const lot = (g: string, code: string) => `https://id.gs1.org/01/${g}/10/${code}`;
const item = (g: string, serial: string) => `https://id.gs1.org/01/${g}/21/${serial}`;
const place = (g: string) => `https://id.gs1.org/414/${g}`;

interface Q { epcClass: string; quantity?: number; uom?: string }
interface Ev {
  type: 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent';
  org: string;
  time: number;
  action?: 'ADD' | 'OBSERVE' | 'DELETE';
  bizStep: string;
  disposition?: string;
  at: string;
  epcList?: string[];
  quantityList?: Q[];
  parentID?: string;
  childEPCs?: string[];
  childQuantityList?: Q[];
  inputQuantityList?: Q[];
  outputEPCList?: string[];
  outputQuantityList?: Q[];
  source?: string;
  destination?: string;
  document?: string;
}

const ESC: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const f = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\\\t\n\r]/g, (c) => ESC[c]!));

/** COPY text for the epcis tables, accumulated a batch at a time. */
class Copier {
  events: string[] = [];
  ids: string[] = [];
  epcs: string[] = [];
  quantities: string[] = [];
  parties: string[] = [];
  biz: string[] = [];
  count = 0;
  constructor(private readonly recordTime: string) {}

  add(seq: number, e: Ev): void {
    this.count++;
    const eventId = `urn:uuid:00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
    const time = new Date(e.time).toISOString();
    const body: Record<string, unknown> = { type: e.type, eventID: eventId, eventTime: time, eventTimeZoneOffset: TZ, recordTime: this.recordTime };
    if (e.action) body.action = e.action;
    body.bizStep = e.bizStep;
    if (e.disposition) body.disposition = e.disposition;
    body.readPoint = { id: e.at };
    body.bizLocation = { id: e.at };
    for (const k of ['epcList', 'quantityList', 'parentID', 'childEPCs', 'childQuantityList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList'] as const) if (e[k] !== undefined) body[k] = e[k];
    if (e.source) body.sourceList = [{ type: 'owning_party', source: e.source }];
    if (e.destination) body.destinationList = [{ type: 'owning_party', destination: e.destination }];
    if (e.document) body.bizTransactionList = [{ type: 'desadv', bizTransaction: e.document }];
    this.events.push([seq, eventId, e.org, e.type, e.action ?? null, time, this.recordTime, e.bizStep, e.disposition ?? null, e.at, e.at, null, null, null, null, null, 'f', JSON.stringify(body)].map(f).join('\t'));
    this.ids.push(`${f(eventId)}\t${seq}\t\\\\x${createHash('sha256').update(eventId).digest('hex')}\tf`);
    const epc = (role: number, id: string) => this.epcs.push(`${seq}\t${role}\t${f(id)}`);
    const qty = (role: number, q: Q) => this.quantities.push(`${seq}\t${role}\t${f(q.epcClass)}\t${f(q.quantity)}\t${f(q.uom)}`);
    for (const x of e.epcList ?? []) epc(1, x);
    for (const x of e.childEPCs ?? []) epc(2, x);
    for (const x of e.outputEPCList ?? []) epc(4, x);
    if (e.parentID) epc(5, e.parentID);
    for (const q of e.quantityList ?? []) qty(1, q);
    for (const q of e.childQuantityList ?? []) qty(2, q);
    for (const q of e.inputQuantityList ?? []) qty(3, q);
    for (const q of e.outputQuantityList ?? []) qty(4, q);
    const glnOf = (p: string) => /\/414\/(\d{13})$/.exec(p)?.[1] ?? null;
    if (e.source) this.parties.push(`${seq}\t1\towning_party\t${f(e.source)}\t${f(glnOf(e.source))}`);
    if (e.destination) this.parties.push(`${seq}\t2\towning_party\t${f(e.destination)}\t${f(glnOf(e.destination))}`);
    if (e.document) this.biz.push(`${seq}\tdesadv\t${f(e.document)}`);
  }

  async flush(client: pg.PoolClient): Promise<void> {
    const copy = async (table: string, columns: string, lines: string[]) => {
      if (!lines.length) return;
      await pipeline(Readable.from([Buffer.from(`${lines.join('\n')}\n`)]), client.query(copyFrom(`copy epcis.${table} (${columns}) from stdin`)));
    };
    await copy('events', 'seq, event_id, organization_id, event_type, action, event_time, record_time, biz_step, disposition, read_point, biz_location, transformation_id, pd_set, pd_unset, declaration_time, error_reason, has_sensor, body', this.events);
    await copy('event_ids', 'event_id, seq, hash, declaration', this.ids);
    await copy('event_epcs', 'seq, role, epc', this.epcs);
    await copy('event_quantities', 'seq, role, epc_class, quantity, uom', this.quantities);
    await copy('event_parties', 'seq, role, type, party, gln', this.parties);
    await copy('event_biz_transactions', 'seq, type, biz_transaction', this.biz);
    this.events = [];
    this.ids = [];
    this.epcs = [];
    this.quantities = [];
    this.parties = [];
    this.biz = [];
    this.count = 0;
  }
}

export interface Dataset {
  readonly events: number;
  /** Start lots of the 6-hop probes, and what each one's forward trace must contain. */
  readonly probes: readonly { start: string; shipments: number; nodes: number }[];
  readonly recall: { readonly lot: string; readonly items: number };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generate(pool: pg.Pool, o: { events: number; probes: number; owner: string; organizations: readonly string[]; log: (l: string) => void }): Promise<Dataset> {
  const rnd = random(7);
  const prefixes = ['893600001', '893600002', '893600003', '893600004'];
  const gtins = Array.from({ length: 200 }, (_, i) => gtin(prefixes[i % 4]!, 100 + i));
  const places = Array.from({ length: 2000 }, (_, i) => place(gln(prefixes[i % 4]!, 1 + i)));
  const orgs = o.organizations;
  const copier = new Copier(new Date().toISOString());
  const client = await pool.connect();
  let seq = 0;
  let ssccSerial = 0;
  const t0 = Date.UTC(2025, 0, 1);
  const span = 500 * 86_400_000;
  const emit = async (e: Ev) => {
    copier.add(++seq, e);
    if (copier.count >= BATCH) await copier.flush(client);
  };
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const kg = (epcClass: string, quantity: number): Q => ({ epcClass, quantity, uom: 'KGM' });
  const transfer = async (from: string, to: string, org1: string, org2: string, what: Partial<Ev>, time: number, doc: string) => {
    await emit({ type: 'ObjectEvent', org: org1, time, action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', at: from, source: from, destination: to, document: doc, ...what });
    await emit({ type: 'ObjectEvent', org: org2, time: time + 3_600_000, action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', at: to, source: from, destination: to, document: doc, ...what });
  };

  const probes: { start: string; shipments: number; nodes: number }[] = [];
  const probeAt = new Set(Array.from({ length: o.probes }, (_, i) => Math.floor(((i + 0.5) / o.probes) * (o.events / 10))));
  const recallAt = Math.floor(o.events / 20);
  let recall: Dataset['recall'] | undefined;
  const chains = Math.ceil(o.events / 10);
  const started = Date.now();
  for (let c = 0; c < chains && seq < o.events; c++) {
    const time = t0 + Math.floor(rnd() * span);
    if (probeAt.has(c)) probes.push(await probeChain(c, time));
    if (c === recallAt) recall = await recallChain(time);
    const g = pick(gtins);
    const farm = pick(places);
    const coop = pick(places);
    const dist = pick(places);
    const [of, oc, od] = [pick(orgs), pick(orgs), pick(orgs)];
    const fresh = lot(g, `F${c}`);
    const made = lot(pick(gtins), `P${c}`);
    await emit({ type: 'ObjectEvent', org: of, time, action: 'ADD', bizStep: HARVEST, disposition: 'active', at: farm, quantityList: [kg(fresh, 1000)] });
    await transfer(farm, coop, of, oc, { quantityList: [kg(fresh, 1000)] }, time + 86_400_000, `urn:epcglobal:cbv:bt:${farm.slice(-13)}:F${c}`);
    await emit({ type: 'TransformationEvent', org: oc, time: time + 2 * 86_400_000, bizStep: 'commissioning', disposition: 'active', at: coop, inputQuantityList: [kg(fresh, 1000)], outputQuantityList: [kg(made, 600)] });
    const pallets = [sscc(prefixes[0]!, ++ssccSerial), sscc(prefixes[0]!, ++ssccSerial)];
    for (const p of pallets) await emit({ type: 'AggregationEvent', org: oc, time: time + 2 * 86_400_000 + 3_600_000, action: 'ADD', bizStep: 'packing', at: coop, parentID: p, childQuantityList: [kg(made, 300)] });
    for (const p of pallets) await transfer(coop, dist, oc, od, { epcList: [p] }, time + 3 * 86_400_000, `urn:epcglobal:cbv:bt:${coop.slice(-13)}:P${c}`);
    if (c % 50_000 === 0 && c) o.log(`  ${seq.toLocaleString('en-US')} events written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await copier.flush(client);
  // Captures after the load (the recall's own events) take sequence numbers after the generated ones.
  await client.query(`select setval('epcis.event_seq', $1)`, [seq]);
  await client.query(`insert into epcis.capturing_organizations select distinct organization_id from epcis.events on conflict do nothing`);
  client.release();
  return { events: seq, probes, recall: recall! };

  async function probeChain(c: number, time: number) {
    const g = gtins[c % gtins.length]!;
    const lots = Array.from({ length: 6 }, (_, i) => lot(g, `PROBE${c}-${i}`));
    const at = pick(places);
    const org = pick(orgs);
    await emit({ type: 'ObjectEvent', org, time, action: 'ADD', bizStep: HARVEST, disposition: 'active', at, quantityList: [kg(lots[0]!, 5000)] });
    for (let i = 1; i < 6; i++) {
      await emit({ type: 'TransformationEvent', org, time: time + i * 3_600_000, bizStep: 'commissioning', disposition: 'active', at, inputQuantityList: [kg(lots[i - 1]!, 5000 - i)], outputQuantityList: [kg(lots[i]!, 5000 - i - 1)] });
    }
    for (let k = 0; k < 100; k++) {
      const case_ = sscc(prefixes[1]!, ++ssccSerial);
      const to = pick(places);
      await emit({ type: 'AggregationEvent', org, time: time + 7 * 3_600_000, action: 'ADD', bizStep: 'packing', at, parentID: case_, childQuantityList: [kg(lots[5]!, 10)] });
      await transfer(at, to, org, pick(orgs), { epcList: [case_] }, time + 8 * 3_600_000, `urn:epcglobal:cbv:bt:${at.slice(-13)}:PR${c}-${k}`);
    }
    return { start: lots[0]!, shipments: 100, nodes: 6 + 100 };
  }

  async function recallChain(time: number) {
    const g = gtins[0]!;
    const bag = gtins[1]!;
    const start = lot(g, 'RECALL-0');
    const at = places[0]!;
    await emit({ type: 'ObjectEvent', org: o.owner, time, action: 'ADD', bizStep: HARVEST, disposition: 'active', at, quantityList: [kg(start, 10_000)] });
    const items = Array.from({ length: 10_000 }, (_, i) => item(bag, `R${String(i).padStart(5, '0')}`));
    for (let b = 0; b < 10; b++) {
      await emit({ type: 'TransformationEvent', org: o.owner, time: time + 3_600_000, bizStep: 'commissioning', disposition: 'active', at, inputQuantityList: [kg(start, 1000)], outputEPCList: items.slice(b * 1000, (b + 1) * 1000) });
    }
    for (let k = 0; k < 100; k++) {
      const case_ = sscc(prefixes[2]!, ++ssccSerial);
      await emit({ type: 'AggregationEvent', org: o.owner, time: time + 2 * 3_600_000, action: 'ADD', bizStep: 'packing', at, parentID: case_, childEPCs: items.slice(k * 100, (k + 1) * 100) });
      await transfer(at, places[100 + k]!, o.owner, pick(orgs), { epcList: [case_] }, time + 3 * 3_600_000, `urn:epcglobal:cbv:bt:${at.slice(-13)}:RC-${k}`);
    }
    return { lot: start, items: items.length };
  }
}
