// Browser-test harness: the real server (embedded PGlite, demo data) in a child process on a free loopback port
// with a fresh data folder, the built portal it serves, and Debian's Chromium driven by playwright-core. Never
// downloads a browser. Without /usr/bin/chromium the suite fails under CI and is skipped (loudly) elsewhere.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { demoTotpSecret } from '../../apps/server/src/app/demo/seed-demo.ts';
import { totpCode } from '../../apps/server/src/modules/identity/totp.ts';
import { deriveSecrets } from '../../apps/server/src/platform/security/secrets.ts';

export const CHROMIUM_PATH = process.env.TXNG_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORTAL = path.join(ROOT, 'apps/portal');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Whether this machine can run the browser suite; throws under CI when it cannot (CI must run it). */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package (apt-get install chromium).`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING THE BROWSER TESTS. ${message}\n${'!'.repeat(100)}\n`);
  return false;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the portal when its build is missing, or older than its sources (so a test never runs a stale UI). */
export function ensurePortalBuilt(): void {
  const built = path.join(PORTAL, 'dist/index.html');
  const sources = Math.max(newestMtime(path.join(PORTAL, 'src')), statSync(path.join(PORTAL, 'index.html')).mtimeMs, statSync(path.join(PORTAL, 'vite.config.ts')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  // NODE_ENV=production: under vitest it is 'test', which would make React and antd build in test mode.
  // Under a lock: several test runs in one checkout must not build into the same dist folder at once.
  const result = spawnSync('flock', ['/tmp/txng-portal-build.lock', 'npm', 'run', 'build', '-w', '@txng/portal'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`portal build failed:\n${result.stdout}\n${result.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${output()}`);
}

export interface TestPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and Content-Security-Policy violations seen so far (the server's CSP is strict). */
  readonly problems: string[];
}

export interface PortalHarness {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly browser: Browser;
  /** A fresh browser context (own cookies) and page; 360×640 phone size unless told otherwise. */
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<TestPage>;
  /** A valid TOTP code of a demo official, never one whose 30-second step was already used (RFC 6238 §5.2). */
  totpCode(email: string): Promise<string>;
  /** What the server printed (for failure messages). */
  serverOutput(): string;
  stop(): Promise<void>;
}

export async function startPortalHarness(): Promise<PortalHarness> {
  ensurePortalBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'txng-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      TXNG_DATA_DIR: dataDir,
      TXNG_DEMO: 'true',
      LOG_LEVEL: 'warn',
      // The scenario signs in and registers more often than a person would within a minute.
      TXNG_RATE_LIMIT_AUTH: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stopServer = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };

  let browser: Browser;
  try {
    await waitReady(baseUrl, child, () => output);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  const pseudonym = deriveSecrets(readFileSync(path.join(dataDir, 'demo-secret.txt'), 'utf8').trim(), true).pseudonym;
  const lastStep = new Map<string, number>();

  return {
    baseUrl,
    dataDir,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 360, height: options.height ?? 640 },
        locale: options.locale ?? 'vi-VN',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
      });
      return { context, page, problems };
    },
    async totpCode(email) {
      let step = Math.floor(Date.now() / 30_000);
      const used = lastStep.get(email);
      if (used !== undefined && step <= used) {
        await new Promise((r) => setTimeout(r, (used + 1) * 30_000 - Date.now() + 250));
        step = Math.floor(Date.now() / 30_000);
      }
      lastStep.set(email, step);
      return totpCode(demoTotpSecret(email, pseudonym), new Date());
    },
    serverOutput: () => output,
    async stop() {
      await browser.close().catch(() => undefined);
      await stopServer();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
