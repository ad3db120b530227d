// The portal's own message catalogues, so that the browser tests find controls by the very texts a person reads
// in each language (and fail when a screen shows something else).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.ts';

export type Lang = 'vi' | 'en';
type Catalogue = Record<string, unknown>;

const cache = new Map<string, Catalogue>();

function load(lang: Lang, ns: string): Catalogue {
  const file = path.join(ROOT, 'apps/portal/src/i18n/locales', lang, `${ns}.json`);
  let catalogue = cache.get(file);
  if (!catalogue) {
    catalogue = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
    cache.set(file, catalogue);
  }
  return catalogue;
}

/** `t('registration:steps.address', { … })` as i18next would render it. */
export function translator(lang: Lang) {
  return (key: string, params: Record<string, string | number> = {}): string => {
    const [ns, rest] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
    let node: unknown = load(lang, ns);
    for (const part of rest.split('.')) node = (node as Catalogue | undefined)?.[part];
    if (typeof node !== 'string') throw new Error(`no text ${lang}/${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? `{{${name}}}`));
  };
}
