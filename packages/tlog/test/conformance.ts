// Test support: conformance data is read in place from ../shared/conformance (TXNG_CONFORMANCE_DIR overrides),
// and every conformance test reports how many cases it ran and how many passed (docs/contributing.md#tests).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const conformanceDir = path.resolve(process.env.TXNG_CONFORMANCE_DIR ?? path.join(repoRoot, '../shared/conformance'));

export function tlogPath(...parts: string[]): string {
  return path.join(conformanceDir, 'tlog', ...parts);
}

export function readBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(tlogPath(...parts)));
}

export function readText(...parts: string[]): string {
  return readFileSync(tlogPath(...parts), 'utf8');
}

/** JSON whose integers of 16+ digits (2^64 − 1 in six vectors) become strings instead of losing precision. */
export function readJsonExact<T>(...parts: string[]): T {
  return JSON.parse(readText(...parts).replace(/(:\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"')) as T;
}

/** Every .json file under a directory of the tlog conformance data, sorted, as paths relative to it. */
export function jsonFilesUnder(...parts: string[]): string[] {
  const root = tlogPath(...parts);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out;
}

/** Counts cases and prints "<name>: ran N, passed M" when the suite ends. */
export class CaseCounter {
  ran = 0;
  passed = 0;
  readonly failures: string[] = [];

  constructor(readonly name: string) {}

  check(id: string, pass: boolean): boolean {
    this.ran++;
    if (pass) this.passed++;
    else this.failures.push(id);
    return pass;
  }

  report(): void {
    console.log(`[conformance] ${this.name}: ran ${this.ran}, passed ${this.passed}`);
  }
}
