// Lighthouse (the npm package, 12.2.3: 13 needs Node 22) on Debian's Chromium, launched by chrome-launcher with
// the flags this machine needs; the default configuration is a mobile phone with simulated slow-4G throttling.
// Runs each URL `runs` times in one browser and returns the run with the median performance score (Lighthouse's
// own advice for noisy machines), or why it could not run.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './page-weight.ts';

export interface LighthouseRun {
  readonly performance: number;
  readonly accessibility: number;
  readonly lcpMs: number;
  readonly fcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  readonly benchmarkIndex: number | null;
  readonly warnings: string[];
  /** Audits of the two categories that did not get full marks (id and score). */
  readonly failing: string[];
  /** Main-thread time by kind (simulated: 4× the observed time). */
  readonly mainThread: string;
}

export async function runLighthouse(urls: readonly string[], runs: number): Promise<{ ok: true; runs: LighthouseRun[][] } | { ok: false; why: string }> {
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
    const all: LighthouseRun[][] = urls.map(() => []);
    // Interleaved, so that the machine's load drifts over every URL alike.
    for (let i = 0; i < runs; i++) {
      for (const [u, url] of urls.entries()) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        const lhr = result?.lhr;
        if (!lhr) return { ok: false, why: 'Lighthouse returned no report' };
        if (lhr.runtimeError) return { ok: false, why: `Lighthouse runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
        all[u]!.push(summary(lhr));
      }
    }
    return { ok: true, runs: all };
  } catch (err) {
    return { ok: false, why: `${(err as Error).name}: ${(err as Error).message}` };
  } finally {
    await Promise.resolve(chrome?.kill()).catch(() => undefined);
  }
}

/** The run with the median performance score. */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function summary(lhr: Lhr): LighthouseRun {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const metric = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
  const failing: string[] = [];
  for (const id of ['performance', 'accessibility']) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${ref.id} (${audit.score})`);
    }
  }
  const work = (lhr.audits['mainthread-work-breakdown']?.details as { items?: { groupLabel?: string; duration: number }[] } | undefined)?.items ?? [];
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: metric('largest-contentful-paint'),
    fcpMs: metric('first-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    warnings: lhr.runWarnings ?? [],
    failing,
    mainThread: work.map((w) => `${w.groupLabel ?? '?'} ${Math.round(w.duration)} ms`).join(', '),
  };
}
