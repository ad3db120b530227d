// Issue 4 item 6 in the portal: a demo cooperative uploads an EPCIS 2.0 JSON-LD document, follows the capture job
// to success, finds its events by lot, step, place and dates (a keyset page at a time), opens one and reads its
// JSON-LD; on a 360 px phone it uploads a document with a bad event, reads the failing event's number, place in
// the file and reason in Vietnamese, and then keeps the valid event only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, startPortalHarness, type PortalHarness } from './harness.ts';
import { translator } from './catalogue.ts';
import { signIn } from './portal-steps.ts';

const COOP = 'hung@xoaihuong.example';
const DEMO_PASSWORD = 'SonLa-Demo-2026';
const t = translator('vi');

interface Lot { id: string; lotCode: string; gtin: string | null; productId: string }
interface Place { id: string; name: string; gln: string | null }
interface Product { id: string; nameVi: string; gtin: string | null }

/** Noon UTC `days` days ago: the same calendar day in every time zone the browser may run in. */
const noonDaysAgo = (days: number) => {
  const d = new Date(Date.now() - days * 86_400_000);
  return { iso: `${d.toISOString().slice(0, 10)}T12:00:00.000Z`, day: d.toISOString().slice(0, 10) };
};
const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');

function documentOf(events: object[]): string {
  return JSON.stringify({
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
    type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString(), epcisBody: { eventList: events },
  });
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/ld+json', buffer: Buffer.from(text) });
}

/** Filters live in the URL: waits until an action has changed them (so no list is read from before). */
async function changesFilters(page: Page, action: () => Promise<void>): Promise<void> {
  const before = page.url();
  await action();
  await expect.poll(() => page.url(), { timeout: 10_000 }).not.toBe(before);
}

/**
 * Picks an option of a filter select. On a busy machine the list can re-render between the mouse going down and up
 * on an option (each typed letter filters it again), and then the browser sends no click: the pick is tried again
 * until the URL shows it, as a person would click again.
 */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const before = page.url();
  const select = page.getByLabel(label, { exact: true });
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) {
      await select.click();
      // Long lists are virtual: typing narrows them to the option, as a person would.
      await select.fill('');
      await select.pressSequentially(option.slice(0, 12));
    }
    await item.click();
    try {
      await expect.poll(() => page.url(), { timeout: 5_000 }).not.toBe(before);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      console.warn(`choose: picking "${option}" in "${label}" left the URL unchanged (attempt ${attempt}); trying again`);
    }
  }
}

async function pickDay(page: Page, label: string, param: 'from' | 'to', day: string): Promise<void> {
  await changesFilters(page, async () => {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(ddmmyyyy(day));
    await input.press('Enter');
  });
  await expect.poll(() => new URL(page.url()).searchParams.get(param)).toBe(day);
  // The picker's panel closes, so that nothing it does later (on blur) changes the day again.
  await page.keyboard.press('Escape');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  expect(new URL(page.url()).searchParams.get(param)).toBe(day);
}

const eventCards = (page: Page) => page.locator('.event-item');
/** The list keeps the previous page on screen while the next query runs (on a busy machine, for seconds). */
async function cardCount(page: Page, n: number): Promise<void> {
  await page.locator('.event-list[aria-busy="false"]').waitFor();
  await expect.poll(() => eventCards(page).count(), { timeout: 20_000 }).toBe(n);
}

describe.skipIf(!browserAvailable())('EPCIS events in the portal (issue 4 item 6)', () => {
  let h: PortalHarness;
  beforeAll(async () => {
    h = await startPortalHarness();
  }, 300_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('uploads a document, follows the job, finds the events by filter and reads one as JSON-LD', async () => {
    const { page, context, problems } = await h.newPage({ width: 1280, height: 900 });
    await signIn(page, h, 'vi', COOP, DEMO_PASSWORD);
    // The demo catalog's mango lot and packing house, as the catalog API names them.
    const lots = (await (await page.request.get(`${h.baseUrl}/api/v1/lots?limit=200`)).json()) as { items: Lot[] };
    const places = (await (await page.request.get(`${h.baseUrl}/api/v1/places?limit=200`)).json()) as { items: Place[] };
    const products = (await (await page.request.get(`${h.baseUrl}/api/v1/products?limit=200`)).json()) as { items: Product[] };
    const lot = lots.items.find((l) => l.lotCode.startsWith('XY-') && l.gtin)!;
    const house = places.items.find((p) => p.gln)!;
    const mango = products.items.find((p) => p.id === lot.productId)!;
    expect(lot && house && mango).toBeTruthy();
    const lotClass = `https://id.gs1.org/01/${lot.gtin!.padStart(14, '0')}/10/${lot.lotCode}`;
    const where = { readPoint: { id: `https://id.gs1.org/414/${house.gln}` }, bizLocation: { id: `https://id.gs1.org/414/${house.gln}` } };
    const yesterday = noonDaysAgo(1);
    const twoDaysAgo = noonDaysAgo(2);
    const threeDaysAgo = noonDaysAgo(3);
    const shippingId = 'urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000a1';
    const events = [
      { type: 'ObjectEvent', eventID: shippingId, eventTime: yesterday.iso, eventTimeZoneOffset: '+07:00', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', ...where, quantityList: [{ epcClass: lotClass, quantity: 300, uom: 'KGM' }] },
      { type: 'ObjectEvent', eventID: 'urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000a2', eventTime: twoDaysAgo.iso, eventTimeZoneOffset: '+07:00', action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant', ...where, quantityList: [{ epcClass: lotClass, quantity: 1200, uom: 'KGM' }] },
      // Twenty storage checks three days ago: more than one page (20 a page) of this lot's recent events.
      ...Array.from({ length: 20 }, (_x, i) => ({ type: 'ObjectEvent', eventTime: new Date(Date.parse(threeDaysAgo.iso) + i * 60_000).toISOString(), eventTimeZoneOffset: '+07:00', action: 'OBSERVE', bizStep: 'storing', ...where, quantityList: [{ epcClass: lotClass, quantity: 50 + i, uom: 'KGM' }] })),
    ];

    // Upload: the job is followed to success.
    await page.goto(`${h.baseUrl}/portal/events/upload`);
    await page.getByRole('heading', { level: 1, name: t('events:upload.title') }).waitFor();
    await upload(page, 'xoai-xuat-hang.jsonld', documentOf(events));
    await page.getByText(t('events:upload.success', { stored: 22, total: 22 })).waitFor();
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^[0-9a-f-]{36}$/);

    // The browser: by lot, step and one day, only the shipment, in plain words.
    await page.getByRole('button', { name: t('events:upload.seeEvents') }).click();
    await page.getByRole('heading', { level: 1, name: t('events:list.title') }).waitFor();
    await choose(page, t('events:filter.lot'), `${lot.lotCode} — ${mango.nameVi}`);
    await choose(page, t('events:filter.bizStep'), t('events:bizStep.shipping'));
    await pickDay(page, t('events:filter.from'), 'from', yesterday.day);
    await pickDay(page, t('events:filter.to'), 'to', yesterday.day);
    await cardCount(page, 1);
    const card = await eventCards(page).first().innerText();
    expect(card).toContain(t('events:bizStep.shipping'));
    expect(card).toContain(`${t('events:words.lot', { lot: lot.lotCode, product: mango.nameVi })}: 300 kg`);
    expect(card).toContain(house.name);
    expect(card).toContain(t('events:disposition.in_transit'));
    expect(card).not.toContain('https://id.gs1.org');
    expect(card).not.toContain('in_transit');

    // By place and three days, without the step: 22 events, a keyset page of 20 and then the other 2.
    await page.getByRole('button', { name: t('events:filter.clear') }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await choose(page, t('events:filter.place'), house.name);
    await pickDay(page, t('events:filter.from'), 'from', threeDaysAgo.day);
    await cardCount(page, 20);
    expect(await eventCards(page).first().innerText()).toContain(t('events:bizStep.shipping'));
    await page.getByRole('button', { name: t('events:list.next') }).click();
    await page.getByText(t('events:list.page', { page: 2 })).waitFor();
    await cardCount(page, 2);
    expect(await page.getByRole('button', { name: t('events:list.next') }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: t('events:list.previous') }).click();
    await cardCount(page, 20);

    // The shipment's page: its fields and the JSON-LD as captured.
    await eventCards(page).first().getByRole('button', { name: t('events:list.open') }).click();
    await page.getByRole('heading', { level: 1, name: t('events:bizStep.shipping') }).waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBe(shippingId);
    const json = JSON.parse(await page.getByLabel(t('events:detail.jsonLd')).innerText()) as Record<string, unknown>;
    expect(json).toMatchObject({ type: 'ObjectEvent', eventID: shippingId, bizStep: 'shipping', disposition: 'in_transit', quantityList: [{ epcClass: lotClass, quantity: 300, uom: 'KGM' }] });
    const fields = await page.locator('.event-fields').innerText();
    expect(fields).toContain(t('events:fieldName.bizLocation'));
    expect(fields).toContain(shippingId);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a phone, shows the failing event of a bad document in Vietnamese, then keeps the valid one', async () => {
    const { page, context, problems } = await h.newPage({ width: 360, height: 740 });
    await signIn(page, h, 'vi', COOP, DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/portal/events/upload`);
    await page.getByRole('heading', { level: 1, name: t('events:upload.title') }).waitFor();
    const good = { type: 'ObjectEvent', eventID: 'urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000b1', eventTime: noonDaysAgo(1).iso, eventTimeZoneOffset: '+07:00', action: 'OBSERVE', bizStep: 'receiving', epcList: ['urn:epc:id:sgtin:893612345.0001.77'] };
    // Lot master data (ilmd) belongs only to events that create something (action ADD, EPCIS 2.0 §7.4.2).
    const bad = { type: 'ObjectEvent', eventID: 'urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000b2', eventTime: noonDaysAgo(1).iso, eventTimeZoneOffset: '+07:00', action: 'OBSERVE', bizStep: 'receiving', epcList: ['urn:epc:id:sgtin:893612345.0001.78'], ilmd: { 'cbvmda:countryOfOrigin': 'VN' } };
    await upload(page, 'nhan-hang.jsonld', documentOf([good, bad]));

    // Rollback (the default): nothing stored, the second event (index 1) named with its pointer and reason.
    await page.getByText(t('events:upload.rejected', { count: 1 })).waitFor();
    const row = page.locator('.capture-errors tbody tr.ant-table-row').first();
    const text = await row.innerText();
    expect(text).toContain(t('events:upload.eventNumber', { number: 2, index: 1 }));
    expect(text).toContain('/epcisBody/eventList/1');
    expect(text).toContain('ilmd chỉ được dùng khi action là ADD');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // Proceed: the valid event is kept, the bad one skipped.
    await page.getByRole('button', { name: t('events:upload.retryProceed') }).click();
    await page.getByText(t('events:upload.partial', { stored: 1, total: 2, failed: 1 })).waitFor();
    await page.getByRole('button', { name: t('events:upload.seeEvents') }).click();
    await page.getByRole('heading', { level: 1, name: t('events:list.title') }).waitFor();
    await choose(page, t('events:filter.bizStep'), t('events:bizStep.receiving'));
    await cardCount(page, 1);
    expect(await eventCards(page).first().innerText()).toContain(t('events:words.item', { product: 'Xoài tròn Yên Châu', serial: '77' }));
    // By product: its lots (the default) or its serialised items — only the received item is one of those.
    await page.getByRole('button', { name: t('events:filter.clear') }).click();
    await choose(page, t('events:filter.product'), 'Xoài tròn Yên Châu');
    await changesFilters(page, () => page.getByRole('radio', { name: t('events:filter.byItem') }).click());
    await cardCount(page, 1);
    expect(await eventCards(page).first().innerText()).toContain(t('events:bizStep.receiving'));
    await changesFilters(page, () => page.getByRole('radio', { name: t('events:filter.byLot') }).click());
    await cardCount(page, 20);
    expect(await eventCards(page).allInnerTexts()).not.toContainEqual(expect.stringContaining(t('events:bizStep.receiving')));
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // When the session has ended, the next event query leads back to the sign-in page.
    await context.clearCookies();
    await choose(page, t('events:filter.bizStep'), t('events:bizStep.storing'));
    await page.waitForURL((url) => url.pathname === '/portal/sign-in');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the events to the commune officer of Yên Châu, and not to a cooperative elsewhere', async () => {
    const officer = 'canbo.yenchau@ubnd.sonla.example';
    const { page, context, problems } = await h.newPage({ width: 1280, height: 900 });
    await signIn(page, h, 'vi', officer, DEMO_PASSWORD, () => h.totpCode(officer));
    await page.goto(`${h.baseUrl}/portal/events`);
    await page.getByRole('heading', { level: 1, name: t('events:list.title') }).waitFor();
    // Officials read; only organisations upload.
    expect(await page.getByRole('button', { name: t('events:upload.open') }).count()).toBe(0);
    await choose(page, t('events:filter.bizStep'), t('events:bizStep.shipping'));
    await pickDay(page, t('events:filter.from'), 'from', noonDaysAgo(1).day);
    await pickDay(page, t('events:filter.to'), 'to', noonDaysAgo(1).day);
    await page.locator('.event-list[aria-busy="false"]').waitFor();
    const ids = () => eventCards(page).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-event-id')} ${e.textContent?.slice(0, 200)}`));
    await expect.poll(ids, { timeout: 20_000 }).toEqual([expect.stringContaining('urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000a1')]);
    await eventCards(page).first().getByRole('button', { name: t('events:list.open') }).click();
    await page.getByRole('heading', { level: 1, name: t('events:bizStep.shipping') }).waitFor();
    expect(await page.getByLabel(t('events:detail.jsonLd')).innerText()).toContain('urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000a1');

    // A planting area without a GLN: the farm diary's steps there, newest first, each named as the diary names it.
    await page.goto(`${h.baseUrl}/portal/events`);
    await page.getByRole('heading', { level: 1, name: t('events:list.title') }).waitFor();
    await choose(page, t('events:filter.place'), 'Vùng trồng xoài bản Nà Khái');
    await cardCount(page, 5);
    expect(await page.locator('.event-item .ant-card-head-title').allInnerTexts()).toEqual(['harvesting', 'irrigation', 'spraying', 'fertilising', 'planting'].map((k) => t(`catalog:diaryKind.${k}`)));
    expect(await eventCards(page).first().innerText()).toContain('Vùng trồng xoài bản Nà Khái');
    expect(problems).toEqual([]);
    await context.close();

    // A cooperative in Sông Mã reads only its own events and those naming it: not the mango shipment.
    const other = await h.newPage({ width: 1280, height: 900 });
    await signIn(other.page, h, 'vi', 'lan@nhansongmaxanh.example', DEMO_PASSWORD);
    await other.page.goto(`${h.baseUrl}/portal/events?step=shipping`);
    await other.page.getByRole('heading', { level: 1, name: t('events:list.title') }).waitFor();
    await other.page.locator('.event-list[aria-busy="false"]').waitFor();
    // Its own shipment (from the demo diary) is there; the mango shipment is not.
    await expect.poll(() => eventCards(other.page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await other.page.locator('[data-event-id="urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000a1"]').count()).toBe(0);
    await other.page.goto(`${h.baseUrl}/portal/events/event?id=${encodeURIComponent('urn:uuid:6d1f7a52-4c1e-4b6e-9a0e-0000000000a1')}`);
    await other.page.getByRole('alert').waitFor();
    expect(await other.page.locator('.event-json').count()).toBe(0);
    await other.context.close();
  });
});
