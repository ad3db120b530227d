// Test support: the conformance data is read in place (docs/contributing.md "Tests"), from
// ../shared/conformance beside the repository or TXNG_CONFORMANCE_DIR.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

export const CONFORMANCE_DIR = process.env.TXNG_CONFORMANCE_DIR ?? fileURLToPath(new URL('../../../../shared/conformance/', import.meta.url));
export const EPCIS_DIR = join(CONFORMANCE_DIR, 'epcis');

export function epcisPath(...parts: string[]): string {
  return join(EPCIS_DIR, ...parts);
}

export function epcisExists(relativePath: string): boolean {
  return existsSync(epcisPath(relativePath));
}

export function readEpcis(relativePath: string): string {
  return readFileSync(epcisPath(relativePath), 'utf8');
}

/** Files under a folder of the EPCIS conformance data, recursively, as paths relative to epcis/. */
export function epcisFiles(folder: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (extensions.some((e) => name.endsWith(e))) out.push(relative(EPCIS_DIR, full));
    }
  };
  walk(epcisPath(folder));
  return out;
}

export interface ManifestEntry {
  readonly file: string;
  readonly kind?: string;
  readonly root?: string;
  readonly expected: 'valid' | 'invalid' | 'unspecified';
  readonly schema201?: string;
  readonly xsdResult?: string;
}

export function manifest(name: 'json-validation-manifest.json' | 'xml-validation-manifest.json'): ManifestEntry[] {
  return JSON.parse(readEpcis(name)) as ManifestEntry[];
}

/** Prints how many conformance cases a test ran and passed (docs/contributing.md). */
export function report(label: string, ran: number, passed: number, notes: readonly string[] = []): void {
  console.log(`[conformance] ${label}: ran ${ran}, passed ${passed}${notes.length ? `\n  ${notes.join('\n  ')}` : ''}`);
}

/** The clock the conformance tests validate with (the fixtures' dates are all in the past). */
export const TEST_NOW = Date.parse('2026-11-29T00:00:00Z');
