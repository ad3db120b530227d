// The ledger badge is honest: it says every record shown is in the transparency ledger only once the ledger has
// a published inclusion proof for each of them — the product, lot and place versions, every journey event and the
// stamp's own records (issuance chunk, each status change) — and a status change makes it wait again. A short
// stamp link (/s/<serial>) renders the journey on its very first request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { createStampRecords } from './ledger/stamp-records.ts';
import { setUp, type Fixture } from './testing/public-kit.ts';

let t: TestSystem;
let f: Fixture;
const get = (url: string) => t.system.app.inject({ method: 'GET', url, remoteAddress: '10.3.0.1' });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const ALL = /Cả (\d+) bản ghi hiển thị trên trang này đều nằm trong sổ cái minh bạch/;
const PARTIAL = /(\d+) trên (\d+) bản ghi trên trang này đã nằm trong sổ cái minh bạch; (\d+) bản ghi đang được ghi vào/;

/** The badge of a page: 'all' with the count, or how many of how many are in. */
function badge(html: string): { all: boolean; total: number; included: number } {
  const body = text(html);
  const all = ALL.exec(body);
  if (all) return { all: true, total: Number(all[1]), included: Number(all[1]) };
  const partial = PARTIAL.exec(body);
  if (!partial) throw new Error(`no ledger badge on the page:\n${body.slice(0, 2000)}`);
  return { all: false, total: Number(partial[2]), included: Number(partial[1]) };
}

/** Requests the page until its badge says every record is in (the first checks run in the background). */
async function untilAll(url: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const b = badge((await get(url)).body);
    if (b.all) return b.total;
    if (Date.now() > deadline) throw new Error(`${url}: the badge still says ${b.included} of ${b.total} after 30 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Records on the proof page that carry a published inclusion proof, and those that do not. */
async function proofCards(stampSerial: string | null): Promise<{ proved: number; unproved: number }> {
  const url = `/proof?product=${f.productId}&lot=${f.lotId}${stampSerial ? `&stamp=${stampSerial}` : ''}`;
  const html = (await get(url)).body;
  return { proved: (html.match(/<article class="card" data-proof>/g) ?? []).length, unproved: (html.match(/<article class="card">/g) ?? []).length };
}

beforeAll(async () => {
  t = await createTestSystem();
  f = await setUp(t, 31);
}, 120_000);
afterAll(async () => t?.close());

describe('scan page: journey and ledger badge', () => {
  it('a short link renders the journey on its first request, and the badge does not claim records the ledger has not logged', async () => {
    const s = f.stamps[0]!;
    const first = await get(`/s/${s.serial}`);
    expect(first.statusCode).toBe(200);
    const body = text(first.body);
    expect(body).toContain('Hành trình sản phẩm');
    expect(body).toContain('Thu hoạch');
    expect(body).toContain('Tưới nước');
    expect(body).not.toContain('đang được tải');
    // Nothing is sequenced yet in this system: the badge must not say the records are in.
    const b = badge(first.body);
    expect(b.all).toBe(false);
    expect(b.included).toBe(0);
    expect(text(first.body)).toContain('Đang ghi vào sổ cái minh bạch');
  });

  it('says "all N" once every proof exists, N being the proof page records plus the stamp records, each with a proof', async () => {
    await t.system.ledger.flush();
    const s = f.stamps[0]!;
    const short = await untilAll(`/s/${s.serial}`);
    const link = await untilAll(s.path);
    expect(link).toBe(short);
    const lotOnly = await proofCards(null);
    const withStamp = await proofCards(s.serial);
    expect(lotOnly.unproved).toBe(0);
    expect(withStamp.unproved).toBe(0);
    expect(short).toBe(withStamp.proved);
    // The stamp's own records: issuance, print, activation.
    expect(withStamp.proved - lotOnly.proved).toBe(3);
    // Product version, lot version, the planting area, two diary steps' EPCIS events at least.
    expect(lotOnly.proved).toBeGreaterThanOrEqual(5);
  });

  it('names the stamp records by the ids the stamps module proves them under', async () => {
    const s = f.stamps[0]!;
    const records = createStampRecords({ db: t.db, clock: t.clock, onError: (err) => pino().error(err) });
    const mine = await records.get(s.serial);
    const proof = await t.system.services.stamps.proof(s.serial);
    expect(mine?.refs.map((r) => `${r.kind} ${r.id}`)).toEqual([proof.issuance, ...proof.changes].map((p) => `${p.ledger.kind} ${p.ledger.id}`));
    expect(mine?.lotId).toBe(f.lotId);
    expect(mine?.status).toBe('active');
  });

  it('a status change is one more record: the badge waits for it, then counts it', async () => {
    const s = f.stamps[2]!;
    const before = await untilAll(s.path);
    const res = await f.coop.admin.request('POST', `/api/v1/stamps/${s.serial}/void`, { reason: 'Nhãn in hỏng', status: 'void' });
    expect(res.statusCode, res.body).toBe(200);
    const after = badge((await get(s.path)).body);
    expect(text((await get(s.path)).body)).toContain('Tem đã bị huỷ');
    expect(after.all).toBe(false);
    // Until the void record is sequenced, every later request says so too.
    await new Promise((r) => setTimeout(r, 500));
    const waiting = badge((await get(s.path)).body);
    expect(waiting.all).toBe(false);
    expect(waiting.total).toBe(before + 1);
    await t.system.ledger.flush();
    expect(await untilAll(s.path)).toBe(before + 1);
  });
});
