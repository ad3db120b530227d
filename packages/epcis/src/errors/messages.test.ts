// The message catalogue: every code the package can report has a Vietnamese and an English message, and
// every code used in the source is in the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EPCIS_MESSAGES, formatEpcisIssue, type EpcisIssueCode } from './messages.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('message catalogue', () => {
  test('every code has non-empty Vietnamese and English messages with the same placeholders', () => {
    for (const [code, m] of Object.entries(EPCIS_MESSAGES)) {
      expect(code).toMatch(/^EPCIS_[A-Z0-9_]+$/);
      expect(m.vi.trim(), code).not.toBe('');
      expect(m.en.trim(), code).not.toBe('');
      expect(m.vi, `${code} is translated`).not.toBe(m.en);
      const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();
      expect(names(m.vi), code).toEqual(names(m.en));
    }
  });

  test('every code reported in the source exists in the catalogue', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const used = new Set<string>();
    for (const file of sources(root)) for (const m of readFileSync(file, 'utf8').matchAll(/'(EPCIS_[A-Z0-9_]+)'/g)) used.add(m[1]!);
    const known = new Set(Object.keys(EPCIS_MESSAGES));
    expect([...used].filter((c) => !known.has(c) && !/^EPCIS_SCHEMA_$/.test(c))).toEqual([]);
    expect(used.size).toBeGreaterThan(30);
  });

  test('parameters are filled in', () => {
    const issue = { code: 'EPCIS_ILMD_WITHOUT_ADD' as EpcisIssueCode };
    expect(formatEpcisIssue(issue, 'vi')).toContain('ilmd');
    expect(formatEpcisIssue({ code: 'EPCIS_BAD_CHECK_DIGIT', params: { value: 'https://id.gs1.org/01/1' } }, 'en')).toBe('The GS1 check digit in https://id.gs1.org/01/1 is wrong');
  });
});
