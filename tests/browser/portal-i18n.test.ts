// Every user-facing text of the portal goes through its message catalogues: both languages have the same keys,
// no text is empty, the Vietnamese catalogue is Vietnamese, and no screen has JSX text or a labelling attribute
// written as a literal. Runs in Node on the sources.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness.ts';

const LOCALES = path.join(ROOT, 'apps/portal/src/i18n/locales');
const SRC = path.join(ROOT, 'apps/portal/src');

function keys(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of keys(v, key)) out.set(kk, vv);
  }
  return out;
}

function catalogue(lang: string, ns: string): Map<string, string> {
  return keys(JSON.parse(readFileSync(path.join(LOCALES, lang, ns), 'utf8')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
}

// Texts that are the same in every language: product names, symbols, language names shown in their own language.
const NOT_TRANSLATED = new Set(['VI', 'EN', 'TX', 'Authorization: Bearer', '…', '—', '·', ':', 'https://',
  // The same in both languages: the national programme's name and the SI symbol.
  'OCOP', 'km']);
const LABELLING_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'okText', 'cancelText', 'extra', 'subTitle']);

describe('portal message catalogues', () => {
  const namespaces = readdirSync(path.join(LOCALES, 'vi')).filter((f) => f.endsWith('.json'));

  it('has the same namespaces and keys in Vietnamese and English, none empty', () => {
    expect(readdirSync(path.join(LOCALES, 'en')).filter((f) => f.endsWith('.json')).sort()).toEqual([...namespaces].sort());
    for (const ns of namespaces) {
      const vi = catalogue('vi', ns);
      const en = catalogue('en', ns);
      expect([...en.keys()].sort(), ns).toEqual([...vi.keys()].sort());
      for (const [k, v] of [...vi, ...en]) expect(v.trim(), `${ns} ${k}`).not.toBe('');
      // Same placeholders on both sides, so no translation drops a value.
      for (const [k, v] of vi) expect((en.get(k) ?? '').match(/\{\{\w+\}\}/g)?.sort() ?? [], `${ns} ${k}`).toEqual(v.match(/\{\{\w+\}\}/g)?.sort() ?? []);
    }
  });

  it('writes Vietnamese with its diacritics', () => {
    const all = namespaces.flatMap((ns) => [...catalogue('vi', ns).values()]).join(' ');
    expect(all).toMatch(/Đăng nhập/);
    // Common words that would betray text typed without diacritics.
    expect(all).not.toMatch(/\b(Dang nhap|Mat khau|Nguoi dung|Thong tin|Tai khoan)\b/);
  });

  it('has no literal text in the screens', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node)) {
          const text = node.getText().trim();
          if (/\p{L}/u.test(text) && !NOT_TRANSLATED.has(text)) offenders.push(`${path.relative(ROOT, file)}: "${text}"`);
        }
        if (ts.isJsxAttribute(node) && LABELLING_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
          const text = node.initializer.text;
          if (/\p{L}/u.test(text) && !NOT_TRANSLATED.has(text)) offenders.push(`${path.relative(ROOT, file)}: ${node.name.getText()}="${text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
