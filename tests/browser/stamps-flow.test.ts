// Issue 7's stamps flow in the real portal, as the people in it do it: the Xoài Hương cooperative requests
// anti-counterfeit stamps for its mango lot → the province administrator (second factor) reads the approval
// checks and approves → issuance runs as a background job, its progress on the page → a second request is
// rejected by the sector officer with a reason the cooperative reads → the cooperative downloads the PDF labels
// (opened with poppler, every QR code decoded back to the stamp URIs the portal lists) and the ZIP (whose CSV
// carries the scratch-off codes) → activates the stamps on the lot by range and by keying in scanned labels →
// a 360×640 phone opens a stamp URI (resolver → public scan page: genuine), enters the scratch-off code (first
// success, then "already verified on <date>") → the cooperative sees the scan in the portal's statistics.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../apps/server/src/platform/i18n/messages.ts';
import { PageTexts } from '../../apps/server/src/modules/public/texts/page-texts.ts';
import { LAYOUT_PRESETS } from '../../apps/server/src/modules/stamps/model.ts';
import { decodeLabelPdf, pdftoppmAvailable } from '../../apps/server/src/modules/stamps/test-pdf.ts';
import { translator } from './catalogue.ts';
import { browserAvailable, startPortalHarness, type PortalHarness } from './harness.ts';
import { pickOption, signIn } from './portal-steps.ts';

const COOP = 'hung@xoaihuong.example';
const PROVINCE_ADMIN = 'quantri@skhcn.sonla.example';
const SECTOR_OFFICER = 'nongnghiep@snnmt.sonla.example';
const DEMO_PASSWORD = 'SonLa-Demo-2026';
const PRODUCT = 'Xoài tròn Yên Châu';
/** More than one issuance chunk (20,000 stamps), so the job runs long enough for its progress to be seen. */
const QUANTITY = 25_000;
const PDF_LABELS = 24; // one A4 sheet of the a4-24 paper the request names
const ZIP_FROM = 25;
const ZIP_TO = 30;
const REJECT_REASON = 'Số lượng vượt nhu cầu của lô; đề nghị gửi lại sau khi thu hoạch.';
const t = translator('vi');
/** expect.poll with the patience a page on a shared machine needs. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 250 });
const pub = (code: string, params?: Record<string, unknown>) => translate(code, 'vi', params);
/** A catalogue text with its {placeholders} as a pattern, the values captured. */
const pattern = (text: string) => new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(.+)')}$`);

async function downloaded(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(await download.failure()).toBeNull();
  return { download, bytes: readFileSync((await download.path())!) };
}

/** The status tag in a request page's header. */
const requestStatus = (page: Page, status: string) => page.locator('.page-header .ant-tag').filter({ hasText: new RegExp(`^${t(`stamps:requestStatus.${status}`)}$`) });

const STOCK = ['issued', 'printed', 'active', 'void', 'lost', 'recalled'] as const;
/** The stamps overview's stock figures, as shown once the stock has been answered. */
async function stockShown(page: Page, baseUrl: string): Promise<Record<(typeof STOCK)[number], number>> {
  const answered = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/stamps/stock' && res.ok());
  await page.goto(`${baseUrl}/portal/stamps`);
  await answered;
  const card = page.locator('.ant-card').filter({ hasText: t('stamps:stock.title') });
  const figures = {} as Record<(typeof STOCK)[number], number>;
  for (const status of STOCK) {
    const figure = card.locator('.ant-statistic').filter({ has: page.getByText(t(`stamps:status.${status}`), { exact: true }) }).locator('.ant-statistic-content');
    figures[status] = Number((await figure.innerText()).replace(/\D/g, ''));
  }
  return figures;
}

/** The request page's stamp table: sequence number, the printed human code and status, as shown. */
async function stampRows(page: Page): Promise<{ seq: number; code: string; status: string }[]> {
  const table = page.locator('.ant-table').filter({ has: page.getByRole('columnheader', { name: t('stamps:stamp.code'), exact: true }) });
  const rows = table.locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
      return { seq: Number(cells[0]), code: cells[1] ?? '', status: cells[2] ?? '' };
    }),
  );
}

describe.skipIf(!browserAvailable() || !pdftoppmAvailable())('stamps flow in the portal (issue 7)', () => {
  let h: PortalHarness;
  beforeAll(async () => {
    h = await startPortalHarness();
  }, 300_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('request → approve → issue → print → activate → scan → verify, and a rejected request', async () => {
    // 1. The cooperative asks for stamps in the portal: the mango, its lot, QR + scratch-off code.
    const coop = await h.newPage({ width: 1280, height: 900 });
    await signIn(coop.page, h, 'vi', COOP, DEMO_PASSWORD);
    const stockBefore = await stockShown(coop.page, h.baseUrl);
    const request = async (quantity: number, kind: 'qr' | 'qr_code'): Promise<{ id: string; lotCode: string }> => {
      await coop.page.goto(`${h.baseUrl}/portal/stamps`);
      await coop.page.getByRole('heading', { level: 1, name: t('stamps:title') }).waitFor();
      await coop.page.getByRole('button', { name: t('stamps:request.new') }).click();
      await coop.page.getByRole('heading', { level: 1, name: t('stamps:request.new') }).waitFor();
      await pickOption(coop.page, t('stamps:field.product'), new RegExp(`^${PRODUCT} — \\d{14}$`));
      // An optional field: its label carries the form's "(optional)" mark.
      const lotCode = await pickOption(coop.page, new RegExp(`^${t('stamps:field.lot')}\\b`), /^XY-/);
      await coop.page.getByLabel(t('stamps:field.quantity')).fill(String(quantity));
      await coop.page.getByText(t(`stamps:kind.${kind}`), { exact: true }).click();
      await coop.page.getByRole('button', { name: t('stamps:request.submit') }).click();
      await coop.page.waitForURL(/\/portal\/stamps\/requests\/[0-9a-f-]{36}$/);
      await requestStatus(coop.page, 'pending').waitFor();
      return { id: new URL(coop.page.url()).pathname.split('/').pop()!, lotCode };
    };
    const wanted = await request(QUANTITY, 'qr_code');
    const unwanted = await request(500, 'qr');
    expect(wanted.lotCode).toMatch(/^XY-\d{4}-01$/);

    // 2. The province administrator finds both in the queue, reads the checks and approves the first.
    const admin = await h.newPage({ width: 1280, height: 900 });
    await signIn(admin.page, h, 'vi', PROVINCE_ADMIN, DEMO_PASSWORD, () => h.totpCode(PROVINCE_ADMIN));
    await admin.page.goto(`${h.baseUrl}/portal/stamps`);
    await admin.page.getByRole('heading', { level: 1, name: t('stamps:title') }).waitFor();
    const queueItems = admin.page.locator('.ant-list-item');
    await poll(() => queueItems.count()).toBe(2);
    const summary = (quantity: number, kind: string) => t('stamps:request.summary', { quantity: quantity.toLocaleString('vi'), kind: t(`stamps:kind.${kind}`) });
    await queueItems.filter({ hasText: summary(QUANTITY, 'qr_code') }).getByRole('button', { name: t('stamps:request.review') }).click();
    await admin.page.waitForURL(new RegExp(`/portal/stamps/requests/${wanted.id}$`));
    const checks = admin.page.locator('.ant-card').filter({ hasText: t('stamps:checks.title') }).locator('.ant-list-item');
    await poll(() => checks.count()).toBe(7);
    const shown = await checks.evaluateAll((items) => items.map((li) => ({ icon: li.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '', label: (li.textContent ?? '').trim() })));
    expect(shown.map((c) => c.label)).toEqual([
      'Tổ chức đã được phê duyệt',
      'Sản phẩm đã công bố',
      'Đủ thông tin bắt buộc theo Thông tư 02/2024',
      'Chứng nhận còn hiệu lực',
      'Chứng nhận OCOP còn hạn',
      'Lô hàng thuộc sản phẩm',
      'Trong hạn mức tem của năm',
    ]);
    // Every check passed or does not apply; none failed (a failed one would disable "approve").
    for (const c of shown) expect(['check-circle', 'minus-circle'], c.label).toContain(c.icon);
    expect(shown.filter((c) => c.icon === 'check-circle').length).toBeGreaterThanOrEqual(5);
    await admin.page.getByRole('button', { name: t('stamps:request.approve') }).click();
    await admin.page.getByText(t('stamps:request.approved')).waitFor();

    // 3. Issuance is a background job; the page follows its progress until every stamp is issued.
    const progress = admin.page.getByRole('progressbar', { name: t('stamps:request.issuing') });
    await progress.waitFor();
    const seen: number[] = [];
    const issuedTag = requestStatus(admin.page, 'issued');
    const deadline = Date.now() + 180_000;
    while (!(await issuedTag.isVisible())) {
      if (Date.now() > deadline) throw new Error(`issuance did not finish; progress seen: ${seen.join(', ')}\n${h.serverOutput().slice(-3000)}`);
      const now = await progress.getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => null);
      if (now !== null && seen.at(-1) !== Number(now)) seen.push(Number(now));
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v, i) => v >= 0 && v < 100 && (i === 0 || v >= seen[i - 1]!))).toBe(true);
    expect(await progress.count()).toBe(0);
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    // 4. The product's sector officer rejects the second request, with a reason.
    const officer = await h.newPage({ width: 1280, height: 900 });
    await signIn(officer.page, h, 'vi', SECTOR_OFFICER, DEMO_PASSWORD, () => h.totpCode(SECTOR_OFFICER));
    await officer.page.goto(`${h.baseUrl}/portal/stamps`);
    const officerQueue = officer.page.locator('.ant-list-item');
    await poll(() => officerQueue.count()).toBe(1);
    await officerQueue.getByRole('button', { name: t('stamps:request.review') }).click();
    await officer.page.waitForURL(new RegExp(`/portal/stamps/requests/${unwanted.id}$`));
    await officer.page.getByRole('button', { name: t('stamps:request.reject') }).click();
    const dialog = officer.page.getByRole('dialog', { name: t('stamps:request.reject') });
    await dialog.getByLabel(t('stamps:request.reason')).fill(REJECT_REASON);
    await dialog.getByRole('button', { name: t('stamps:request.reject') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await requestStatus(officer.page, 'rejected').waitFor();
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    // The cooperative reads the decision and its reason on the request.
    await coop.page.goto(`${h.baseUrl}/portal/stamps/requests/${unwanted.id}`);
    await requestStatus(coop.page, 'rejected').waitFor();
    const decided = coop.page.locator('.ant-descriptions-item').filter({ hasText: t('stamps:field.decided') });
    await poll(() => decided.innerText()).toContain(REJECT_REASON);
    expect(await coop.page.getByRole('button', { name: t('stamps:print.pdf') }).count()).toBe(0);

    // 5. The issued request: the printed address and the stamps, as the portal lists them.
    await coop.page.goto(`${h.baseUrl}/portal/stamps/requests/${wanted.id}`);
    await requestStatus(coop.page, 'issued').waitFor();
    const uriItem = coop.page.locator('.ant-descriptions-item').filter({ hasText: t('stamps:field.uri') }).locator('code');
    const uriPrefix = (await uriItem.innerText()).trim().replace(/…$/, '');
    expect(uriPrefix).toMatch(new RegExp(`^${h.baseUrl.replace(/[.]/g, '\\.')}/01/\\d{14}/10/${wanted.lotCode}/21/$`));
    const listed = await stampRows(coop.page);
    expect(listed.slice(0, ZIP_TO).map((s) => s.seq)).toEqual(Array.from({ length: ZIP_TO }, (_, i) => i + 1));
    for (const s of listed) expect(s.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const uriOf = (seq: number) => `${uriPrefix}${listed.find((s) => s.seq === seq)!.code.replace(/-/g, '')}`;

    // 6. The PDF of labels 1–24: opened with poppler, every QR code decodes to the stamp's URI.
    await coop.page.getByLabel(t('stamps:print.from')).fill('1');
    await coop.page.getByLabel(t('stamps:print.to')).fill(String(PDF_LABELS));
    const pdf = await downloaded(coop.page, t('stamps:print.pdf'));
    expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await coop.page.getByText(t('stamps:print.done', { count: PDF_LABELS })).waitFor();
    const decoded = decodeLabelPdf(pdf.bytes, LAYOUT_PRESETS['a4-24'], 'qr_code', PDF_LABELS);
    expect(decoded).toEqual(Array.from({ length: PDF_LABELS }, (_, i) => uriOf(i + 1)));

    // The ZIP of labels 25–30: one SVG and one PNG per label, and the codes to cover with scratch-off foil.
    await coop.page.getByLabel(t('stamps:print.from')).fill(String(ZIP_FROM));
    await coop.page.getByLabel(t('stamps:print.to')).fill(String(ZIP_TO));
    const zip = await downloaded(coop.page, t('stamps:print.zip'));
    const files = unzipSync(new Uint8Array(zip.bytes));
    const count = ZIP_TO - ZIP_FROM + 1;
    expect(Object.keys(files).filter((n) => n.endsWith('.svg'))).toHaveLength(count);
    expect(Object.keys(files).filter((n) => n.endsWith('.png'))).toHaveLength(count);
    const [header, ...lines] = new TextDecoder().decode(files['stamps.csv']).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const cols = header!.split(',');
    const labels = lines.map((l) => l.split(',')).map((c) => ({ seq: Number(c[cols.indexOf('seq')]), uri: c[cols.indexOf('uri')]!, code: c[cols.indexOf('verification_code')]! }));
    expect(labels.map((l) => [l.seq, l.uri])).toEqual(Array.from({ length: count }, (_, i) => [ZIP_FROM + i, uriOf(ZIP_FROM + i)]));
    for (const l of labels) expect(l.code).toMatch(/^\d{8}$/);
    // The print history lists both files.
    const printJobs = coop.page.locator('.ant-card').filter({ hasText: t('stamps:print.title') }).locator('tbody tr');
    await poll(() => printJobs.count()).toBe(2);
    const history = (await printJobs.allInnerTexts()).join('\n');
    expect(history).toContain(`1–${PDF_LABELS} (${PDF_LABELS})`);
    expect(history).toContain(`${ZIP_FROM}–${ZIP_TO} (${count})`);

    // 7. Activation: labels 25–30 by range on the request page…
    await coop.page.getByLabel(t('stamps:print.from')).fill(String(ZIP_FROM));
    await coop.page.getByLabel(t('stamps:print.to')).fill(String(ZIP_TO));
    const activation = coop.page.locator('.ant-card').filter({ hasText: t('stamps:activate.byScan') });
    await pickOption(coop.page, t('stamps:field.lot'), new RegExp(`^${wanted.lotCode}$`));
    await activation.getByRole('button', { name: t('stamps:activate.range', { from: ZIP_FROM, to: ZIP_TO }) }).click();
    await coop.page.getByText(t('stamps:activate.result', { changed: count, skipped: 0 })).waitFor();

    // …and the printed sheet's labels 1–24 on the activation page, read by a handheld scanner (which types what
    // it reads, the QR code's text, and Enter) or keyed in; the camera is there too (stamps-camera.test.ts uses it).
    await activation.getByRole('button', { name: t('stamps:activate.byScan') }).click();
    await coop.page.getByRole('heading', { level: 1, name: t('stamps:activate.title') }).waitFor();
    await coop.page.getByRole('button', { name: t('stamps:activate.camera') }).waitFor();
    await pickOption(coop.page, t('stamps:field.lot'), new RegExp(`^${wanted.lotCode}$`));
    const typed = coop.page.getByLabel(t('stamps:activate.typeCode'));
    for (const text of decoded) {
      await typed.fill(text!);
      await typed.press('Enter');
    }
    // A label read twice is listed once.
    await typed.fill(decoded[0]!);
    await typed.press('Enter');
    await coop.page.getByText(t('stamps:activate.scanned', { count: PDF_LABELS })).waitFor();
    await coop.page.getByRole('button', { name: t('stamps:activate.submit', { count: PDF_LABELS }) }).click();
    await coop.page.getByRole('status').filter({ hasText: t('stamps:activate.result', { changed: PDF_LABELS, skipped: 0 }) }).waitFor();

    await coop.page.goto(`${h.baseUrl}/portal/stamps/requests/${wanted.id}`);
    await poll(async () => (await stampRows(coop.page)).slice(0, ZIP_TO).map((s) => `${s.seq} ${s.status}`)).toEqual(Array.from({ length: ZIP_TO }, (_, i) => `${i + 1} ${t('stamps:status.active')}`));
    expect(new Set((await stampRows(coop.page)).slice(ZIP_TO).map((s) => s.status))).toEqual(new Set([t('stamps:status.issued')]));
    // The overview's stock: every one of the 25,000 stamps issued, the 30 labelled ones in circulation.
    const stockAfter = await stockShown(coop.page, h.baseUrl);
    expect(Object.fromEntries(STOCK.map((s) => [s, stockAfter[s] - stockBefore[s]]))).toEqual({ issued: QUANTITY - ZIP_TO, printed: 0, active: ZIP_TO, void: 0, lost: 0, recalled: 0 });
    await coop.page.goto(`${h.baseUrl}/portal/stamps/requests/${wanted.id}`);
    await stampRows(coop.page);

    // 8. A phone scans label 25: the resolver answers with the public scan page, "genuine".
    const target = labels[0]!;
    const phone = await h.newPage({ width: 360, height: 640 });
    await phone.page.goto(target.uri);
    expect(phone.page.url()).toBe(target.uri);
    await phone.page.getByRole('heading', { level: 1, name: pub(PageTexts.PUBLIC_STATUS_genuine) }).waitFor();
    await phone.page.getByRole('heading', { level: 2, name: PRODUCT }).waitFor();
    expect(await phone.page.locator('main').innerText()).toContain(wanted.lotCode);
    // The scratch-off code, as printed under the foil: first time verified, the second time "already, on <date>".
    const verify = async (code: string) => {
      await phone.page.getByLabel(pub(PageTexts.PUBLIC_VERIFY_LABEL)).fill(code);
      // The form posts back to the stamp's path (no JavaScript): a new page with the outcome.
      await Promise.all([phone.page.waitForEvent('framenavigated'), phone.page.getByRole('button', { name: pub(PageTexts.PUBLIC_VERIFY_SUBMIT) }).click()]);
      await phone.page.waitForLoadState('load');
      return (await phone.page.locator('#verify-code [role="status"]').innerText()).trim();
    };
    const first = await verify(target.code);
    const verifiedAt = pattern(pub(PageTexts.PUBLIC_VERIFY_verified)).exec(first)?.[1];
    expect(verifiedAt, first).toBeTruthy();
    const second = await verify(`${target.code.slice(0, 4)} ${target.code.slice(4)}`);
    expect(second).toBe(pub(PageTexts.PUBLIC_VERIFY_already_verified, { at: verifiedAt }));
    await phone.page.getByRole('heading', { level: 1, name: pub(PageTexts.PUBLIC_STATUS_genuine) }).waitFor();
    expect(await phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    // 9. The cooperative sees the scan and the verification in the portal's statistics of that stamp.
    await coop.page.getByRole('link', { name: listed.find((s) => s.seq === target.seq)!.code }).click();
    await coop.page.getByRole('heading', { level: 1, name: t('stamps:scans.title') }).waitFor();
    const scanCount = coop.page.locator('.ant-statistic').filter({ hasText: t('stamps:scans.count') }).locator('.ant-statistic-content');
    await expect.poll(async () => {
      await coop.page.reload();
      await coop.page.getByRole('heading', { level: 1, name: t('stamps:scans.title') }).waitFor();
      return (await scanCount.innerText()).trim();
    }, { timeout: 15_000, interval: 1_000 }).toBe('1');
    await coop.page.getByText(t('stamps:scans.clean')).waitFor();
    const verifiedItem = coop.page.locator('.ant-descriptions-item').filter({ hasText: t('stamps:scans.verified') });
    expect(await verifiedItem.innerText()).not.toContain('—');
    expect(coop.problems).toEqual([]);
    await coop.context.close();
  }, 600_000);
});
