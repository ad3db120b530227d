// Issue 8's browser scenario on a 360×640 phone, against the real server in demo mode (its ledger sequencer and
// two local witnesses running): scan a demo stamp → the page shows status, product, producer, origin, journey →
// English and back → "verify it yourself": the phone checks every ledger proof → report a problem through the
// form as a person would → a sector officer (second factor) finds the report in the portal's inbox. The ledger
// badge is checked against the ledger's own proof API all along: it may say "all N records" only when N proofs
// exist. The same page is complete with JavaScript off, and axe-core finds no serious or critical violation on
// the scan page, the passports, the catalogue and the home page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Lang } from '../../apps/server/src/platform/i18n/messages.ts';
import { PageTexts } from '../../apps/server/src/modules/public/texts/page-texts.ts';
import { SiteTexts } from '../../apps/server/src/modules/public/texts/site-texts.ts';
import { ReportTexts } from '../../apps/server/src/modules/public/reports/report-texts.ts';
import { translator } from './catalogue.ts';
import { browserAvailable, ROOT, startPortalHarness, type PortalHarness } from './harness.ts';
import { openMenuEntry, signIn } from './portal-steps.ts';

const OFFICER = 'nongnghiep@snnmt.sonla.example';
const DEMO_PASSWORD = 'SonLa-Demo-2026';
const PRODUCT = 'Xoài tròn Yên Châu';
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const txt = (code: string, lang: Lang, params?: Record<string, unknown>) => translate(code, lang, params);
/** A message with its {placeholders} as a pattern (the values are what the test does not know in advance). */
const pattern = (code: string, lang: Lang) => new RegExp(txt(code, lang).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(\\S+)'));

interface DemoStamp {
  readonly serial: string;
  readonly uri: string;
}

/** The demo seed's stamps 1–6 (the label ZIP's CSV it keeps in the data folder): activated on the mango lot. */
function demoStamps(dataDir: string): DemoStamp[] {
  const [header, ...lines] = readFileSync(path.join(dataDir, 'demo-stamps.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return { serial: cells[cols.indexOf('serial')]!, uri: cells[cols.indexOf('uri')]! };
  });
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The records a proof page lists (kind and id of each card, the stamp's own records included). */
function proofPageRecords(html: string): { kind: string; id: string }[] {
  return [...html.matchAll(/<article class="card"[^>]*><h3>.*?<\/h3><p class="muted code">([^<]+)<\/p>/g)].map((m) => {
    const [kind, id] = decode(m[1]!).split(' · ');
    return { kind: kind!, id: id! };
  });
}

describe.skipIf(!browserAvailable())('public scan page (issue 8)', () => {
  let h: PortalHarness;
  let stamp: DemoStamp;
  /** Whether the ledger can prove a record right now (its public proof API). */
  const proved = async (r: { kind: string; id: string }) => (await fetch(`${h.baseUrl}/api/v1/ledger/proof?kind=${encodeURIComponent(r.kind)}&id=${encodeURIComponent(r.id)}`)).status === 200;

  beforeAll(async () => {
    h = await startPortalHarness();
    stamp = demoStamps(h.dataDir)[0]!;
  }, 300_000);
  afterAll(async () => {
    await h?.stop();
  });

  /** The badge of a scan page: "all N" or "k of N". */
  function badgeOf(text: string): { all: boolean; total: number } {
    const all = pattern(SiteTexts.PUBLIC_LEDGER_ALL, 'vi').exec(text);
    if (all) return { all: true, total: Number(all[1]) };
    const partial = pattern(SiteTexts.PUBLIC_LEDGER_PARTIAL, 'vi').exec(text);
    if (!partial) throw new Error(`no ledger badge in:\n${text.slice(0, 1500)}`);
    return { all: false, total: Number(partial[2]) };
  }

  it('scan → page → English and back → verify the ledger proofs on the phone → report a problem → the officer sees it', async () => {
    const phone = await h.newPage({ width: 360, height: 640 });
    const { page } = phone;
    await page.goto(stamp.uri);
    expect(new URL(page.url()).pathname).toMatch(/^\/01\/\d{14}\/10\/.+\/21\/[0-9A-Z]{16}$/);

    // Status first, then product, producer, origin, lot, journey.
    expect(await page.evaluate<string | undefined>("document.querySelector('main')?.firstElementChild?.id")).toBe('status');
    await page.getByRole('heading', { level: 1, name: txt(PageTexts.PUBLIC_STATUS_genuine, 'vi') }).waitFor();
    await page.getByRole('heading', { level: 2, name: PRODUCT }).waitFor();
    for (const [id, heading] of [['producer', PageTexts.PUBLIC_PRODUCER], ['origin', PageTexts.PUBLIC_ORIGIN], ['lot', PageTexts.PUBLIC_LOT], ['journey', PageTexts.PUBLIC_JOURNEY]] as const) {
      await expect.poll(() => page.locator(`#${id} h2`).innerText()).toBe(txt(heading, 'vi'));
    }
    expect(await page.locator('#producer').innerText()).toContain('Hợp tác xã');
    expect(await page.locator('#origin').innerText()).toMatch(/\d+\.\d{4}, \d+\.\d{4}/);
    expect(await page.locator('#origin a[href^="geo:"]').count()).toBe(1);
    // The journey is there on the first visit (not "loading"), in plain words.
    const steps = page.locator('#journey ol.journey > li');
    expect(await steps.count()).toBeGreaterThan(1);
    expect(await page.locator('#journey').innerText()).not.toContain(txt(PageTexts.PUBLIC_JOURNEY_LOADING, 'vi'));
    expect(await page.locator('#journey').innerText()).not.toMatch(/urn:|bizstep|cbv:/i);
    // Nothing wider than the phone.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // English by the switch, and back.
    await page.getByRole('link', { name: txt(PageTexts.PUBLIC_SWITCH_LANG, 'vi') }).click();
    await page.waitForURL(/[?&]lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: txt(PageTexts.PUBLIC_STATUS_genuine, 'en') }).waitFor();
    expect(await page.locator('#producer h2').innerText()).toBe(txt(PageTexts.PUBLIC_PRODUCER, 'en'));
    expect(await page.locator('#journey').innerText()).toContain(txt(PageTexts.PUBLIC_JOURNEY, 'en'));
    await page.getByRole('link', { name: txt(PageTexts.PUBLIC_SWITCH_LANG, 'en') }).click();
    await page.waitForURL(/[?&]lang=vi/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('heading', { level: 1, name: txt(PageTexts.PUBLIC_STATUS_genuine, 'vi') }).waitFor();

    // The records behind the page, as its proof page lists them (the stamp's own among them).
    const proofHref = await page.getByRole('link', { name: txt(SiteTexts.PUBLIC_LEDGER_VERIFY, 'vi') }).getAttribute('href');
    expect(proofHref).toMatch(/^\/proof\?product=.+&lot=.+&stamp=[0-9A-Z]{16}/);
    const records = proofPageRecords(await (await fetch(`${h.baseUrl}${decode(proofHref!)}`)).text());
    expect(records.filter((r) => r.kind.startsWith('stamp.')).length).toBeGreaterThanOrEqual(3);
    expect(records.filter((r) => r.kind === 'epcis.event').length).toBeGreaterThan(1);

    // The badge is honest the whole time: whenever it says "all N", N is the number of records and each one
    // has a proof (proofs never disappear, so one missing after the page was served was missing before).
    const deadline = Date.now() + 180_000;
    let sawAll = false;
    while (!sawAll) {
      const text = await (await fetch(stamp.uri, { headers: { 'accept-language': 'vi' } })).text();
      const badge = badgeOf(text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
      expect(badge.total).toBe(records.length);
      if (badge.all) {
        const missing = [];
        for (const r of records) if (!(await proved(r))) missing.push(r);
        expect(missing, 'the badge said every record is in the ledger while these had no proof').toEqual([]);
        sawAll = true;
      } else if (Date.now() > deadline) {
        const missing = [];
        for (const r of records) if (!(await proved(r))) missing.push(`${r.kind} ${r.id}`);
        throw new Error(`the badge never said "all" within 3 minutes; records without a proof: ${missing.join(', ') || 'none'}`);
      } else {
        await new Promise((r) => setTimeout(r, 1_500));
      }
    }
    await page.reload();
    const shown = badgeOf(await page.locator('#ledger').innerText());
    expect(shown).toEqual({ all: true, total: records.length });
    await page.getByRole('heading', { level: 2, name: txt(SiteTexts.PUBLIC_LEDGER_BADGE, 'vi') }).waitFor();

    // "Verify it yourself": the phone checks every proof (signature, witnesses, inclusion) with the ledger's verifier.
    await page.getByRole('link', { name: txt(SiteTexts.PUBLIC_LEDGER_VERIFY, 'vi') }).click();
    await page.waitForURL(/\/proof\?/);
    const cards = page.locator('#proofs [data-proof]');
    expect(await cards.count()).toBe(records.length);
    await page.getByRole('button', { name: txt(SiteTexts.PUBLIC_PROOF_BUTTON, 'vi') }).click();
    await expect.poll(() => page.locator('#proofs [data-verified]').count(), { timeout: 30_000 }).toBe(records.length);
    expect(await page.locator('#proofs [data-verified="yes"]').count()).toBe(records.length);
    const firstResult = await cards.first().locator('.result').innerText();
    expect(firstResult).toMatch(pattern(SiteTexts.PUBLIC_PROOF_OK, 'vi'));
    expect(Number(pattern(SiteTexts.PUBLIC_PROOF_OK, 'vi').exec(firstResult)![3])).toBeGreaterThanOrEqual(1);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: txt(PageTexts.PUBLIC_STATUS_genuine, 'vi') }).waitFor();

    // Report a problem as a person would: open the form, choose, type, agree, send (the form's own rules apply:
    // the hidden honeypot stays empty, and a person takes more than the 3 s a bot would not wait).
    const openedAt = Date.now();
    const message = `Quả xoài mua ở chợ Yên Châu bị dập và có mùi lạ (${stamp.serial.slice(0, 4)}).`;
    await page.locator('#report summary').click();
    await page.getByLabel(txt(ReportTexts.PUBLIC_REPORT_CATEGORY, 'vi')).selectOption('quality');
    await page.getByLabel(txt(ReportTexts.PUBLIC_REPORT_MESSAGE, 'vi')).pressSequentially(message, { delay: 20 });
    await page.getByLabel(txt(ReportTexts.PUBLIC_REPORT_CONTACT, 'vi')).fill('0912 000 111');
    await page.getByLabel(txt(ReportTexts.PUBLIC_REPORT_CONSENT, 'vi')).check();
    // The honeypot is off-screen, out of the tab order, hidden from screen readers: a person leaves it empty.
    const trap = await page.locator('#r-website').boundingBox();
    expect(trap!.x + trap!.width).toBeLessThanOrEqual(0);
    expect(await page.locator('#r-website').inputValue()).toBe('');
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - openedAt)));
    await page.getByRole('button', { name: txt(ReportTexts.PUBLIC_REPORT_SUBMIT, 'vi') }).click();
    await page.waitForURL(/\/report\/sent\?/);
    await page.getByRole('heading', { level: 1, name: txt(ReportTexts.PUBLIC_REPORT_SENT_TITLE, 'vi') }).waitFor();
    const number = new URL(page.url()).searchParams.get('n');
    expect(number).toMatch(/^\d+$/);
    expect(await page.locator('main').innerText()).toContain(txt(ReportTexts.PUBLIC_REPORT_SENT, 'vi', { number }));
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    // The sector officer in charge (agriculture) signs in with the second factor and finds it in the inbox.
    const t = translator('vi');
    const officer = await h.newPage({ width: 1280, height: 800 });
    await signIn(officer.page, h, 'vi', OFFICER, DEMO_PASSWORD, () => h.totpCode(OFFICER));
    await openMenuEntry(officer.page, 'vi', t('reports:menu'));
    await officer.page.getByRole('heading', { name: t('reports:title') }).waitFor();
    const card = officer.page.locator('.ant-card').filter({ hasText: t('reports:number', { number: number! }) });
    await card.waitFor();
    expect(await card.innerText()).toContain(t('reports:category.quality'));
    expect(await card.innerText()).toContain(message);
    expect(await card.innerText()).toContain(t('reports:about', { product: PRODUCT, stamp: stamp.serial.replace(/(.{4})(?=.)/g, '$1-'), stampStatus: 'genuine' }));
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  }, 420_000);

  it('is complete with JavaScript off (scan page and proof page)', async () => {
    const context = await h.browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'vi-VN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(demoStamps(h.dataDir)[1]!.uri);
    await page.getByRole('heading', { level: 1, name: txt(PageTexts.PUBLIC_STATUS_genuine, 'vi') }).waitFor();
    await page.getByRole('heading', { level: 2, name: PRODUCT }).waitFor();
    for (const id of ['status', 'producer', 'origin', 'lot', 'journey', 'certificates', 'standards', 'safety', 'stamp', 'ledger', 'report']) {
      expect(await page.locator(`#${id}`).count(), id).toBe(1);
    }
    expect(await page.locator('#journey ol.journey > li').count()).toBeGreaterThan(1);
    // Buttons that need JavaScript are not offered without it.
    expect(await page.locator('#share-place').count()).toBe(1);
    expect(await page.locator('#share-place').isVisible()).toBe(false);
    // The report form and the scratch-code form are plain HTML forms.
    expect(await page.locator('#report form[method="post"][action^="/report"]').count()).toBe(1);
    // The proof page shows every proof for copying into any tlog tool; the in-page button needs JavaScript.
    await page.getByRole('link', { name: txt(SiteTexts.PUBLIC_LEDGER_VERIFY, 'vi') }).click();
    await page.waitForURL(/\/proof\?/);
    expect(await page.locator('#verify-nojs').isVisible()).toBe(true);
    expect(await page.locator('#verify-all').isVisible()).toBe(false);
    expect(await page.locator('#proofs article.card').count()).toBeGreaterThan(3);
    expect(await page.locator('pre.tlog').count()).toBe(await page.locator('#proofs [data-proof]').count());
    await context.close();
  }, 120_000);

  it('has no serious or critical accessibility violation (axe-core) on the scan page, the passports, the catalogue and the home page', async () => {
    const { page, context, problems } = await h.newPage({ width: 360, height: 640 });
    await page.goto(demoStamps(h.dataDir)[2]!.uri);
    const productHref = await page.getByRole('link', { name: txt(SiteTexts.PUBLIC_PASSPORT_OPEN, 'vi') }).getAttribute('href');
    const lotHref = await page.getByRole('link', { name: txt(SiteTexts.PUBLIC_PASSPORT_LOT, 'vi') }).getAttribute('href');
    const urls = [demoStamps(h.dataDir)[2]!.uri, `${demoStamps(h.dataDir)[2]!.uri}?lang=en`, `${h.baseUrl}${decode(productHref!)}`, `${h.baseUrl}${decode(lotHref!)}`, `${h.baseUrl}/products?lang=vi`, `${h.baseUrl}/?lang=vi`, `${h.baseUrl}/?lang=en`];
    const found: string[] = [];
    for (const url of urls) {
      await page.goto(url);
      found.push(...(await axeViolations(page)).map((v) => `${url}: ${v}`));
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});

/** axe-core's serious and critical violations of the open page (WCAG 2.x A/AA and best practices). */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE);
  const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } };
  const result = await page.evaluate<{ passes: unknown[]; violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>(`axe.run(document, ${JSON.stringify(options)})`);
  // axe did look at the page (colour contrast, names, landmarks, headings… passed).
  expect(result.passes.length).toBeGreaterThan(15);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}
