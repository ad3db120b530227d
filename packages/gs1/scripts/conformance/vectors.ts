// Test support (not part of the package API): where the shared conformance data lives and how each
// conformance test reports what it ran. House rule: data is read in place from ../shared/conformance
// (TXNG_CONFORMANCE_DIR overrides) and every conformance test prints cases run and passed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function conformanceDir(): string {
  const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
  return process.env.TXNG_CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared/conformance');
}

export function readVectors<T>(relativePath: string): T[] {
  return JSON.parse(readFileSync(path.join(conformanceDir(), relativePath), 'utf8')) as T[];
}

export interface CaseOutcome {
  readonly id: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** Print "<file>: ran N, passed M" and return the failures for the test to assert on. */
export function report(file: string, outcomes: readonly CaseOutcome[]): string[] {
  const passed = outcomes.filter((o) => o.ok).length;
  console.log(`gs1 conformance ${file}: ran ${outcomes.length}, passed ${passed}`);
  return outcomes.filter((o) => !o.ok).map((o) => `${o.id}${o.detail ? ` — ${o.detail}` : ''}`);
}
