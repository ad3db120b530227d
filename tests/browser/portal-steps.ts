// Steps of the foundation scenario, done as a person would in the portal: by labels, roles and visible text.
import { expect } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import type { PortalHarness } from './harness.ts';
import { translator, type Lang } from './catalogue.ts';

export interface Applicant {
  readonly orgName: string;
  /** The same name without diacritics, typed into search boxes. */
  readonly orgNameAscii: string;
  readonly taxCode: string;
  readonly adminName: string;
  readonly adminEmail: string;
  readonly password: string;
}

export const SECTOR_NAME: Record<Lang, string> = { vi: 'Nông nghiệp và Môi trường', en: 'Agriculture and Environment' };

/** Opens a portal page; in English, switches the language with the header switch first (as a person would). */
export async function openPortal(page: Page, h: PortalHarness, path: string, lang: Lang): Promise<void> {
  await page.goto(`${h.baseUrl}/portal${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if (lang === 'en' && (await page.locator('html').getAttribute('lang')) !== 'en') {
    await page.locator('.ant-segmented-item', { hasText: /^EN$/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  }
}

async function next(page: Page, t: ReturnType<typeof translator>, expectedStep: string): Promise<void> {
  await page.getByRole('button', { name: t('registration:next') }).click();
  await page.getByRole('heading', { level: 2, name: t(`registration:steps.${expectedStep}`) }).waitFor();
}

/** The registration wizard, start to the done page. */
export async function registerThroughWizard(page: Page, h: PortalHarness, lang: Lang, a: Applicant): Promise<void> {
  const t = translator(lang);
  await openPortal(page, h, '/register', lang);
  await page.getByRole('heading', { level: 1, name: t('registration:title') }).waitFor();

  // Step 1: the organisation. Trying to continue with nothing filled shows the field rules first.
  await page.getByRole('button', { name: t('registration:next') }).click();
  await page.getByText(t('registration:org.nameRequired')).waitFor();
  await page.getByLabel(t('registration:org.name')).fill(a.orgName);
  await page.getByLabel(t('registration:org.taxCode')).fill(a.taxCode);
  await page.getByLabel(t('registration:org.representative')).fill(a.adminName);
  await page.getByLabel(t('registration:org.phone')).fill('0212 3851 234');
  await next(page, t, 'address');

  // Step 2: the commune, found by typing its name without diacritics.
  await pickOption(page, t('registration:address.commune'), 'Xã Yên Châu', 'yen chau');
  await page.getByLabel(t('registration:address.address')).fill('Bản Nà Khái, xã Yên Châu, tỉnh Sơn La');
  await next(page, t, 'sectors');

  // Step 3: sector; a wrong GLN is caught before sending, then cleared.
  await page.getByRole('checkbox', { name: SECTOR_NAME[lang] }).check();
  await page.getByLabel(t('registration:sectors.gln')).fill('8936123450001');
  await page.getByRole('button', { name: t('registration:next') }).click();
  await page.getByText(t('registration:sectors.glnRule')).waitFor();
  await page.getByLabel(t('registration:sectors.gln')).fill('');
  await next(page, t, 'admin');

  // Step 4: the first administrator.
  await page.getByLabel(t('registration:admin.fullName')).fill(a.adminName);
  await page.getByLabel(t('registration:admin.email')).fill(a.adminEmail);
  await page.getByLabel(t('registration:admin.password'), { exact: true }).fill(a.password);
  await page.getByLabel(t('auth:password.confirm')).fill(a.password);
  await next(page, t, 'review');

  // Step 5: review shows what was entered; the terms must be accepted.
  const summary = page.locator('.ant-descriptions');
  await summary.getByText(a.orgName, { exact: true }).waitFor();
  await summary.getByText('Xã Yên Châu', { exact: true }).waitFor();
  await summary.getByText(a.adminEmail).waitFor();
  await page.getByRole('button', { name: t('registration:submit') }).click();
  await page.getByText(t('registration:review.acceptRequired')).waitFor();
  await page.getByRole('checkbox', { name: t('registration:review.accept') }).check();
  await page.getByRole('button', { name: t('registration:submit') }).click();

  await page.getByRole('heading', { name: t('registration:done.title') }).waitFor();
  await page.getByText(t('registration:done.subtitle', { name: a.orgName })).waitFor();
  expect(new URL(page.url()).pathname).toBe('/portal/register/done');
}

/** Sign-in form, then the TOTP step when the server asks for it. */
export async function signIn(page: Page, h: PortalHarness, lang: Lang, email: string, password: string, totp?: () => Promise<string>): Promise<void> {
  const t = translator(lang);
  await openPortal(page, h, '/sign-in', lang);
  await page.getByLabel(t('auth:signIn.email')).fill(email);
  await page.getByLabel(t('auth:signIn.password')).fill(password);
  await page.getByRole('button', { name: t('auth:signIn.submit') }).click();
  if (totp) {
    await page.getByRole('heading', { level: 1, name: t('auth:totp.title') }).waitFor();
    await page.getByLabel(t('auth:totp.code')).fill(await totp());
    await page.getByRole('button', { name: t('auth:totp.submit') }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/portal/sign-in'));
}

/** Reads back an exported .xlsx: the text of its first sheet. */
export async function exportedSheetText(page: Page, buttonName: RegExp): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  expect(Object.keys(files)).toContain('xl/worksheets/sheet1.xml');
  return strFromU8(files['xl/worksheets/sheet1.xml']!);
}

/** On phones the menu sits in a drawer behind the menu button. */
export async function openMenuEntry(page: Page, lang: Lang, label: string): Promise<void> {
  const t = translator(lang);
  await page.locator('.shell-header').waitFor();
  const menuButton = page.getByRole('button', { name: t('common:openMenu') });
  if (await menuButton.isVisible()) await menuButton.click();
  await page.getByRole('menuitem', { name: label }).click();
}

/**
 * Picks an option of a single select found by its label, typing `typed` first to narrow a long (virtual) list, and
 * returns the option's text. On a busy machine the list can re-render between the mouse going down and up on an
 * option (each typed letter filters it again) and the browser then sends no click; so the pick counts only once
 * the select shows it, and is tried again otherwise, as a person would click again.
 */
export async function pickOption(page: Page, label: string | RegExp, option: string | RegExp, typed?: string): Promise<string> {
  const select = page.getByLabel(label, { exact: true });
  const root = page.locator('.ant-select').filter({ has: select });
  const exact = typeof option === 'string' ? new RegExp('^' + option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$') : option;
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: exact }).first();
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) {
      await select.click();
      if (typed) {
        await select.fill('');
        await select.pressSequentially(typed);
      }
    }
    // antd renders a long list virtually (about 8 rows around the scroll position): an option further down is not
    // in the page until the list scrolls to it, as it does when a person presses the down arrow.
    await page.locator('.ant-select-dropdown:visible').first().waitFor();
    for (let step = 0; step < 60 && !(await item.isVisible()); step++) await select.press('ArrowDown');
    const text = (await item.innerText()).trim();
    await item.click();
    try {
      const shown = root.locator('.ant-select-content').first();
      await expect.poll(async () => ((await shown.count()) ? (await shown.innerText()).trim() : null), { timeout: 5_000 }).toBe(text);
      return text;
    } catch (err) {
      if (attempt === 3) throw err;
      console.warn(`pickOption: "${text}" in "${String(label)}" was not picked (attempt ${attempt}); trying again`);
    }
  }
}
