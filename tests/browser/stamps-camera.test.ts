// Issue 7's activation "by scanning labels on a phone", with a camera: Chromium's fake capture device plays a
// video in which the printed-but-inactive demo labels pass in front of the lens, with a shop's own QR code among
// them. The cooperative opens the activation page on a 360×640 phone, picks the lot, turns the camera on; the page
// reads every label (Chromium on Linux has no BarcodeDetector, so this is the portal's own decoder, as on an
// iPhone), lists each once, says the shop's code is not a stamp, and activates them: the stamps are then active.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrModules, type QrModules } from '../../apps/server/src/modules/stamps/print/qr-modules.ts';
import { translator } from './catalogue.ts';
import { writeQrVideo } from './fake-camera.ts';
import { browserAvailable, CHROMIUM_ARGS, CHROMIUM_PATH, startPortalHarness, type PortalHarness } from './harness.ts';
import { pickOption, signIn } from './portal-steps.ts';

const COOP = 'hung@xoaihuong.example';
const DEMO_PASSWORD = 'SonLa-Demo-2026';
const NOT_A_STAMP = 'https://xoaihuong.example/gioi-thieu';
const t = translator('vi');

interface Stamp { serial: string; uri: string; status: string; lotId: string | null; seq: number }

/** Any QR code as runs of dark modules (a shop's website here), drawn the way the label printer's are. */
function plainQr(text: string): QrModules {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const runs: number[] = [];
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (data[y * size + x]) runs.push(x + 4, y + 4, 1);
  return { size: size + 8, runs: Int16Array.from(runs) };
}

describe.skipIf(!browserAvailable())('activating stamps with a phone camera (issue 7)', () => {
  let h: PortalHarness;
  let cameraBrowser: Browser | undefined;
  let videoDir: string;
  beforeAll(async () => {
    h = await startPortalHarness();
    videoDir = mkdtempSync(path.join(tmpdir(), 'txng-camera-'));
  }, 300_000);
  afterAll(async () => {
    await cameraBrowser?.close().catch(() => undefined);
    await h?.stop();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  it('reads each printed label once, ignores a QR code that is not a stamp, and activates them on the lot', async () => {
    // The labels on the table: the demo's printed, not yet active stamps of the mango lot, as the cooperative's
    // own stamp list gives them.
    const lookup = await h.newPage();
    await signIn(lookup.page, h, 'vi', COOP, DEMO_PASSWORD);
    const printed = (await (await lookup.page.request.get(`${h.baseUrl}/api/v1/stamps?status=printed&limit=50`)).json()).items as Stamp[];
    await lookup.context.close();
    expect(printed.length).toBeGreaterThanOrEqual(4);
    const labels = printed.slice(0, 4);
    const lotId = labels[0]!.lotId!;

    const video = path.join(videoDir, 'labels.y4m');
    writeQrVideo(video, [...labels.slice(0, 2).map((s) => qrModules(s.uri)), plainQr(NOT_A_STAMP), ...labels.slice(2).map((s) => qrModules(s.uri))]);
    cameraBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    const context = await cameraBrowser.newContext({ viewport: { width: 360, height: 640 }, locale: 'vi-VN', permissions: ['camera'] });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
    });
    await signIn(page, h, 'vi', COOP, DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/portal/stamps/activate`);
    await page.getByRole('heading', { level: 1, name: t('stamps:activate.title') }).waitFor();
    expect(await page.evaluate<boolean>("'BarcodeDetector' in globalThis")).toBe(false);
    const lotCode = ((await (await page.request.get(`${h.baseUrl}/api/v1/lots/${lotId}`)).json()) as { lotCode: string }).lotCode;
    expect(lotCode).toBeTruthy();
    await pickOption(page, t('stamps:field.lot'), new RegExp(`^${lotCode}$`));

    await page.getByRole('button', { name: t('stamps:activate.camera') }).click();
    await page.locator('video').waitFor();
    // The loop plays each label for 0.8 s; every one is read within a few passes, the shop's code among them.
    await page.getByText(t('stamps:activate.scanned', { count: labels.length })).waitFor({ timeout: 60_000 });
    await page.getByText(t('stamps:activate.notStamp')).waitFor({ timeout: 30_000 });
    const listed = await page.locator('.ant-list-item code').allInnerTexts();
    expect(listed.sort()).toEqual(labels.map((s) => s.serial).sort());
    // Another full pass of the video adds nothing: each label is listed once.
    await page.waitForTimeout(2_500);
    expect(await page.locator('.ant-list-item code').count()).toBe(labels.length);
    await page.getByRole('button', { name: t('stamps:activate.stopCamera') }).click();
    await page.locator('video').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: t('stamps:activate.submit', { count: labels.length }) }).click();
    await page.getByText(t('stamps:activate.result', { changed: labels.length, skipped: 0 })).waitFor();
    const after = await Promise.all(labels.map(async (s) => (await (await page.request.get(`${h.baseUrl}/api/v1/stamps/${s.serial}`)).json()) as Stamp));
    expect(after.map((s) => [s.status, s.lotId])).toEqual(labels.map(() => ['active', lotId]));
    expect(problems).toEqual([]);
    await context.close();
  });
});
