// Issue 5's browser scenario on a 360 px phone: a cooperative registers a planting area, a product and a lot,
// records planting → spraying → harvest → packing → shipping in the farm diary, and reads the lot's timeline
// (with the pre-harvest-interval warning the harvest earned).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, startPortalHarness, type PortalHarness } from './harness.ts';
import { translator } from './catalogue.ts';
import { pickOption, signIn } from './portal-steps.ts';

const COOP = 'lan@nhansongmaxanh.example';
const DEMO_PASSWORD = 'SonLa-Demo-2026';
const t = translator('vi');

async function save(page: Page): Promise<void> {
  await page.locator('.ant-drawer-open').getByRole('button', { name: t('catalog:common.save') }).click();
}

async function recordStep(page: Page, kind: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await pickOption(page, t('catalog:diary.kind'), t(`catalog:diaryKind.${kind}`));
  await fill();
  await page.getByRole('button', { name: t('catalog:diary.submit') }).click();
  await page.getByText(t('catalog:diary.recorded', { step: t(`catalog:diaryKind.${kind}`) })).first().waitFor();
}

describe.skipIf(!browserAvailable())('catalog scenario (issue 5)', () => {
  let h: PortalHarness;
  beforeAll(async () => {
    h = await startPortalHarness();
  }, 300_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('registers a place, a product and a lot, keeps the diary on a phone and shows the timeline', async () => {
    const { page, context } = await h.newPage({ width: 360, height: 740 });
    await signIn(page, h, 'vi', COOP, DEMO_PASSWORD);

    // A planting area, with its planting-area code and area.
    await page.goto(`${h.baseUrl}/portal/catalog/places`);
    await page.getByRole('heading', { level: 1, name: t('catalog:place.title') }).waitFor();
    await page.getByRole('button', { name: t('catalog:place.new') }).click();
    await page.getByLabel(t('catalog:place.name')).fill('Vùng nhãn bản Phiêng Pằn');
    await pickOption(page, t('common:commune.label'), 'Xã Sông Mã', 'song ma');
    await page.getByLabel(t('catalog:place.plantingAreaCode')).fill('VN-SLOR-0999');
    await page.getByLabel(t('catalog:place.areaHa')).fill('7,5'.replace(',', '.'));
    await page.getByLabel(t('catalog:place.latitude')).fill('21.06');
    await page.getByLabel(t('catalog:place.longitude')).fill('103.74');
    await save(page);
    await page.getByText('Vùng nhãn bản Phiêng Pằn').waitFor();

    // A product (no GS1 prefix: "no GTIN yet"), with its origin.
    await page.goto(`${h.baseUrl}/portal/catalog/products`);
    await page.getByRole('button', { name: t('catalog:product.new') }).click();
    await page.getByLabel(t('catalog:product.nameVi')).fill('Nhãn muộn Phiêng Pằn');
    await page.getByLabel(t('catalog:product.safetyWarnings')).fill('Rửa sạch trước khi ăn.');
    await pickOption(page, t('catalog:product.originPlace'), 'VT-002 — Vùng nhãn bản Phiêng Pằn');
    await save(page);
    await page.getByRole('heading', { level: 1, name: 'Nhãn muộn Phiêng Pằn' }).waitFor();
    // The completeness panel lists what the law still requires (images, GTIN, standards, certificates…).
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Hình ảnh sản phẩm');

    // A lot of it.
    await page.goto(`${h.baseUrl}/portal/catalog/lots`);
    await page.getByRole('button', { name: t('catalog:lot.new') }).click();
    await pickOption(page, t('catalog:lot.product'), 'Nhãn muộn Phiêng Pằn', 'nhan muon');
    await page.getByLabel(t('catalog:lot.lotCode')).fill('NM-PP-01');
    await pickOption(page, t('catalog:lot.originPlace'), 'VT-002 — Vùng nhãn bản Phiêng Pằn');
    await save(page);
    await page.getByRole('heading', { level: 1, name: `${t('catalog:lot.lotCode')} NM-PP-01` }).waitFor();

    // The diary, step by step.
    await recordStep(page, 'planting');
    await recordStep(page, 'spraying', async () => {
      await page.getByLabel(t('catalog:diary.inputName')).fill('Emamectin benzoate 5WG');
      await page.getByLabel(t('catalog:diary.dose'), { exact: true }).fill('10');
      await page.getByLabel(t('catalog:diary.doseUnit')).fill('g/bình 16 lít');
      await page.getByLabel(t('catalog:diary.phiDays')).fill('7');
    });
    await recordStep(page, 'harvesting', async () => {
      await page.getByLabel(t('catalog:diary.quantity')).fill('850');
      await page.getByLabel(t('catalog:diary.unit')).fill('kg');
    });
    await recordStep(page, 'packing');
    await recordStep(page, 'shipping', async () => {
      await page.getByLabel(t('catalog:diary.partner')).fill('Chợ đầu mối Long Biên');
    });

    // The timeline: every step, in plain words, with who, where and why.
    const steps = page.locator('.timeline-step');
    await expect.poll(() => steps.count()).toBe(6);
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['lot', 'planting', 'spraying', 'harvesting', 'packing', 'shipping']);
    const text = await page.locator('.ant-timeline').innerText();
    expect(text).toContain('Emamectin benzoate 5WG; liều 10 g/bình 16 lít; thời gian cách ly 7 ngày');
    expect(text).toContain('giao cho Chợ đầu mối Long Biên');
    expect(text).toContain('Cảnh báo: thu hoạch trong thời gian cách ly');
    expect(text).toContain('Ở đâu: Vùng nhãn bản Phiêng Pằn');
    // Nothing is wider than the phone.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await context.close();
  });
});
