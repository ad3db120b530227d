// What a phone downloads for a page, measured in Debian's Chromium through playwright-core: every response's
// bytes on the wire (the DevTools protocol's encodedDataLength: compressed body + headers, as DevTools'
// "transferred"), by resource type; the Largest Contentful Paint from a PerformanceObserver; with JavaScript on or
// off, and optionally under Lighthouse's mobile conditions (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU ÷4).
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TXNG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Transfer {
  readonly url: string;
  readonly type: string;
  readonly bytes: number;
  readonly encoding: string | null;
}

export interface PageLoad {
  readonly transfers: Transfer[];
  /** Bytes on the wire of the given resource types. */
  bytes(...types: string[]): number;
  readonly lcpMs: number | null;
  /** Elements by id found in the loaded document (to see the page is complete). */
  readonly ids: string[];
  readonly journeySteps: number;
  readonly html: string;
}

export async function loadPage(browser: Browser, url: string, options: { javaScript: boolean; mobileThrottling: boolean }): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', javaScriptEnabled: options.javaScript });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (options.mobileThrottling) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const seen = new Map<string, { url: string; type: string; encoding: string | null }>();
    const transfers: Transfer[] = [];
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      seen.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers['content-encoding'] ?? null });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = seen.get(e.requestId);
      if (r) transfers.push({ ...r, bytes: e.encodedDataLength });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // Late requests (a lazy image, a deferred script) finish within this on loopback, even throttled.
    await page.waitForTimeout(options.mobileThrottling ? 3_000 : 1_000);
    // With JavaScript off the page runs no observer (nor timers): LCP is measured with it on.
    const lcpMs = !options.javaScript
      ? null
      : await page.evaluate<number | null>(`new Promise((resolve) => {
          let last = null;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) last = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(last), 500);
        })`);
    const html = await page.content();
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const journeySteps = await page.locator('#journey ol.journey > li').count();
    return {
      transfers,
      bytes: (...types: string[]) => transfers.filter((t) => types.includes(t.type)).reduce((sum, t) => sum + t.bytes, 0),
      lcpMs,
      ids,
      journeySteps,
      html,
    };
  } finally {
    await context.close();
  }
}
