// Issue 2's browser scenario, in Vietnamese and in English: a cooperative registers through the wizard on a
// 360×640 phone → a sector officer (second factor) approves it → the cooperative's admin signs in on the phone,
// adds a staff member and creates an API key, and the key works against the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startPortalHarness, type PortalHarness } from './harness.ts';
import { translator, type Lang } from './catalogue.ts';
import { exportedSheetText, openMenuEntry, registerThroughWizard, signIn, type Applicant } from './portal-steps.ts';

const OFFICER = 'nongnghiep@snnmt.sonla.example';
const DEMO_PASSWORD = 'SonLa-Demo-2026';

const APPLICANTS: Record<Lang, Applicant> = {
  vi: {
    orgName: 'Hợp tác xã Chè Tà Xùa Đồng Tâm',
    orgNameAscii: 'hop tac xa che ta xua dong tam',
    taxCode: '5500777001',
    adminName: 'Sồng A Dế',
    adminEmail: 'de@chetaxua.example',
    password: 'Che-Ta-Xua-2026!',
  },
  en: {
    orgName: 'Hợp tác xã Mận Hậu Nà Ka',
    orgNameAscii: 'man hau na ka',
    taxCode: '5500777002',
    adminName: 'Lò Văn Ẻn',
    adminEmail: 'en@manhauna.example',
    password: 'Man-Hau-Na-Ka-2026',
  },
};

describe.skipIf(!browserAvailable())('portal scenario (issue 2)', () => {
  let h: PortalHarness;
  beforeAll(async () => {
    h = await startPortalHarness();
  }, 300_000);
  afterAll(async () => {
    await h?.stop();
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`registers, approves, signs in, adds staff and an API key (${lang})`, async () => {
      const t = translator(lang);
      const a = APPLICANTS[lang];

      // 1. The cooperative registers on a phone.
      const applicant = await h.newPage({ width: 360, height: 640 });
      await registerThroughWizard(applicant.page, h, lang, a);
      if (lang === 'en') {
        // The language cookie makes the server answer in English too.
        const detail = await applicant.page.evaluate(async () => {
          const res = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }) });
          return ((await res.json()) as { detail: string }).detail;
        });
        expect(detail).toBe('Wrong e-mail or password.');
      }
      // Before approval, the applicant cannot sign in, and is told why.
      const waiting = await h.newPage({ width: 360, height: 640 });
      await waiting.page.goto(`${h.baseUrl}/portal/sign-in`);
      if (lang === 'en') await waiting.context.addCookies([{ name: 'txng_lang', value: 'en', url: h.baseUrl }]);
      await waiting.page.reload();
      await waiting.page.getByLabel(t('auth:signIn.email')).fill(a.adminEmail);
      await waiting.page.getByLabel(t('auth:signIn.password')).fill(a.password);
      await waiting.page.getByRole('button', { name: t('auth:signIn.submit') }).click();
      await waiting.page.getByRole('alert').filter({ hasText: lang === 'vi' ? 'đang chờ' : 'awaiting approval' }).waitFor();
      expect([...applicant.problems, ...waiting.problems]).toEqual([]);
      await applicant.context.close();
      await waiting.context.close();

      // 2. The sector officer finds it in the queue (search without diacritics) and approves it.
      const officer = await h.newPage({ width: 1280, height: 800 });
      await signIn(officer.page, h, lang, OFFICER, DEMO_PASSWORD, () => h.totpCode(OFFICER));
      await officer.page.waitForURL(/\/portal\/approvals/);
      await officer.page.getByRole('heading', { level: 1, name: t('approvals:title') }).waitFor();
      const search = officer.page.getByLabel(t('organizations:filters.search'));
      await search.fill(a.orgNameAscii);
      await search.press('Enter');
      await officer.page.getByRole('link', { name: a.orgName }).waitFor();
      await expect.poll(() => officer.page.locator('tbody tr.ant-table-row').count()).toBe(1);
      // The queue exports to Excel with the rows shown.
      const sheet = await exportedSheetText(officer.page, new RegExp(t('common:exportXlsx', { count: 1 }).replace(/[()]/g, '\\$&')));
      expect(sheet).toContain(a.orgName);
      expect(sheet).toContain(a.taxCode);

      await officer.page.getByRole('link', { name: a.orgName }).click();
      const drawer = officer.page.locator('.ant-drawer');
      await drawer.getByText(a.taxCode).waitFor();
      await drawer.getByRole('button', { name: t('organizations:decision.approve') }).click();
      await officer.page.locator('.ant-popconfirm').getByRole('button', { name: t('organizations:decision.approve') }).click();
      await officer.page.getByText(t('organizations:decision.done.approve', { name: a.orgName })).waitFor();
      await drawer.getByText(t(`common:orgStatus.approved`)).first().waitFor();
      expect(officer.problems).toEqual([]);
      await officer.context.close();

      // 3. The cooperative's admin signs in on the phone and lands on the organisation's page.
      const admin = await h.newPage({ width: 360, height: 640 });
      await signIn(admin.page, h, lang, a.adminEmail, a.password);
      await admin.page.waitForURL(/\/portal\/organizations\/[0-9a-f-]{36}$/);
      const orgId = new URL(admin.page.url()).pathname.split('/').pop()!;
      await admin.page.getByRole('heading', { level: 1, name: a.orgName }).waitFor();

      // It adds a staff member; the one-time set-up link is shown once.
      await openMenuEntry(admin.page, lang, t('users:menu.orgUsers'));
      await admin.page.getByRole('heading', { level: 1, name: t('users:orgTitle') }).waitFor();
      await admin.page.getByRole('button', { name: t('users:add.button') }).click();
      const dialog = admin.page.getByRole('dialog', { name: t('users:add.title') });
      await dialog.getByLabel(t('users:field.fullName')).fill('Mùa Thị Sua');
      await dialog.getByLabel(t('users:field.email')).fill(`sua.${lang}@staff.example`);
      await dialog.getByRole('button', { name: t('users:add.submit') }).click();
      const linkDialog = admin.page.getByRole('dialog', { name: t('users:setupLink.title', { name: 'Mùa Thị Sua' }) });
      const setupLink = (await linkDialog.getByTestId('setup-link').innerText()).trim();
      expect(setupLink).toMatch(new RegExp(`^${h.baseUrl}/portal/reset-password\\?token=`));
      await linkDialog.getByRole('button', { name: t('users:setupLink.done') }).click();
      await admin.page.getByText(`sua.${lang}@staff.example`).waitFor();

      // It creates an API key; the secret is shown once.
      await openMenuEntry(admin.page, lang, t('apiKeys:menu'));
      await admin.page.getByRole('heading', { level: 1, name: t('apiKeys:title') }).waitFor();
      await admin.page.getByRole('button', { name: t('apiKeys:create.button') }).click();
      const keyDialog = admin.page.getByRole('dialog', { name: t('apiKeys:create.title') });
      await keyDialog.getByLabel(t('apiKeys:field.name')).fill(lang === 'vi' ? 'Phần mềm kho' : 'Warehouse software');
      await keyDialog.getByRole('button', { name: t('apiKeys:create.submit') }).click();
      const secretDialog = admin.page.getByRole('dialog', { name: t('apiKeys:secret.title', { name: lang === 'vi' ? 'Phần mềm kho' : 'Warehouse software' }) });
      const secret = (await secretDialog.getByTestId('api-key-secret').innerText()).trim();
      expect(secret).toMatch(/^txng_[A-Za-z0-9_-]+$/);
      const close = secretDialog.getByRole('button', { name: t('apiKeys:secret.close') });
      expect(await close.isDisabled()).toBe(true);
      await secretDialog.getByRole('checkbox', { name: t('apiKeys:secret.stored') }).check();
      await close.click();
      await admin.page.getByText(t('apiKeys:state.active')).first().waitFor();

      // The key works against the API, for this organisation only.
      const res = await fetch(`${h.baseUrl}/api/v1/organizations/${orgId}`, { headers: { authorization: `Bearer ${secret}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { name: string }).name).toBe(a.orgName);

      // The staff member opens the set-up link, chooses a password and signs in.
      if (lang === 'vi') {
        const staff = await h.newPage({ width: 360, height: 640 });
        await staff.page.goto(setupLink);
        await staff.page.getByLabel(t('auth:password.new')).fill('Sua-Staff-Password-1');
        await staff.page.getByLabel(t('auth:password.confirm')).fill('Sua-Staff-Password-1');
        await staff.page.getByRole('button', { name: t('auth:reset.submit') }).click();
        await staff.page.getByText(t('auth:reset.done')).waitFor();
        await signIn(staff.page, h, lang, `sua.${lang}@staff.example`, 'Sua-Staff-Password-1');
        await staff.page.getByRole('heading', { level: 1, name: a.orgName }).waitFor();
        expect(staff.problems).toEqual([]);
        await staff.context.close();
      }
      expect(admin.problems).toEqual([]);
      await admin.context.close();
    }, 300_000);
  }

  it('signs in with the keyboard alone, with visible focus', async () => {
    const t = translator('vi');
    const { page, context, problems } = await h.newPage({ width: 1280, height: 800 });
    await page.goto(`${h.baseUrl}/portal/sign-in`);
    await page.getByRole('heading', { level: 1, name: t('auth:signIn.title') }).waitFor();
    type Focus = { tag: string; type: string; autocomplete: string; text: string; outline: string };
    const focused = () =>
      page.evaluate(`(() => {
        const el = document.activeElement;
        return { tag: el?.tagName ?? '', type: el?.getAttribute('type') ?? '', autocomplete: el?.getAttribute('autocomplete') ?? '',
                 text: el?.textContent?.trim() ?? '', outline: el ? getComputedStyle(el).outlineStyle : 'none' };
      })()`) as Promise<Focus>;
    // The e-mail field has focus on arrival; backwards from it come the language switch, the home link and,
    // first of all, the skip link, which becomes visible when focused; forwards again leads back to the field.
    expect((await focused()).autocomplete).toBe('username');
    expect((await focused()).outline).not.toBe('none');
    let stops = 0;
    while ((await focused()).text !== t('common:skipToContent') && stops++ < 8) await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toBe(t('common:skipToContent'));
    expect(await page.evaluate('document.activeElement.getBoundingClientRect().top')).toBeGreaterThanOrEqual(0);
    const backwards = stops;
    for (let i = 0; i < backwards; i++) await page.keyboard.press('Tab');
    expect((await focused()).autocomplete).toBe('username');
    await page.keyboard.type('hung@xoaihuong.example');
    await page.keyboard.press('Tab');
    expect((await focused()).autocomplete).toBe('current-password');
    await page.keyboard.type(DEMO_PASSWORD);
    stops = 0;
    while ((await focused()).tag !== 'BUTTON' && stops++ < 4) await page.keyboard.press('Tab');
    const button = await focused();
    expect(button.text).toBe(t('auth:signIn.submit'));
    expect(button.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Hợp tác xã Xoài Hương Yên Châu' }).waitFor();

    // When the session ends (here: its cookie is gone), the next request answers 401 and the portal returns to
    // the sign-in page, remembering where the person was.
    await context.clearCookies();
    await page.getByRole('menuitem', { name: t('users:menu.orgUsers') }).click();
    await page.waitForURL(/\/portal\/sign-in\?next=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('next') ?? '')).toMatch(/^\/organizations\/[0-9a-f-]{36}\/users$/);
    await page.getByRole('heading', { level: 1, name: t('auth:signIn.title') }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
