// i18next with one namespace per feature. Every file `locales/<lang>/<namespace>.json` is picked up at build
// time, so a feature adds its texts by adding a file to each language; Vietnamese is the default and fallback.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, SUPPORTED_LANGUAGES } from './language.ts';

type Catalogue = Record<string, unknown>;

const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

export function buildResources(source: Record<string, Catalogue>): Record<string, Record<string, Catalogue>> {
  const resources: Record<string, Record<string, Catalogue>> = {};
  for (const [file, catalogue] of Object.entries(source)) {
    const match = /\/locales\/([a-z]{2})\/([A-Za-z0-9-]+)\.json$/.exec(file);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    (resources[lang] ??= {})[ns] = catalogue;
  }
  return resources;
}

const resources = buildResources(files);

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...SUPPORTED_LANGUAGES],
  ns: Object.keys(resources.vi ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
