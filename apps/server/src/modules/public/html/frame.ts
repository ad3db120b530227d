// The document frame every public page shares: language, title, header with the provincial mark, the language
// switch (a plain link keeping the page's own query), the way to the portal, and the footer. Pages pass escaped
// HTML fragments; everything the frame itself takes from records or requests is escaped here.
import { hasMessage, translate, type Lang } from '../../../platform/i18n/messages.ts';
import { PageTexts } from '../texts/page-texts.ts';
import { esc } from './escape.ts';
import { CSS } from './styles.ts';

export const t = (code: string, lang: Lang, params?: Record<string, unknown>): string => esc(translate(code, lang, params));

const constants = new Map<string, string>();
/** `t` of a text without parameters, kept once drawn (the catalogue does not change while the server runs). */
export function tc(code: string, lang: Lang): string {
  const key = `${lang}:${code}`;
  let text = constants.get(key);
  if (text === undefined) {
    text = t(code, lang);
    if (hasMessage(code)) constants.set(key, text);
  }
  return text;
}

/** The provincial mark drawn inline (mountains under a sun), decorative next to the site name. */
export const MARK = '<svg width="30" height="30" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect width="24" height="24" rx="4" fill="#14532d"/><path d="M2 19l6-8 4 5 3-3 7 6z" fill="#fff"/><circle cx="17" cy="7" r="2.6" fill="#fff"/></svg>';

export interface Frame {
  readonly lang: Lang;
  readonly title: string;
  /** This page's path and query without `lang`, for the language switch and alternates. */
  readonly path: string;
  readonly body: string;
  readonly description?: string;
  /** Extra head content (already safe: JSON-LD, link elements). */
  readonly head?: string;
  readonly scripts?: readonly string[];
  /** Search engines may index catalogue and passport pages; scan pages are per stamp and are not indexed. */
  readonly index?: boolean;
}

/** `path` with `lang=<lang>` added to its query. */
export function withLang(path: string, lang: Lang): string {
  const clean = path.replace(/([?&])lang=[^&]*&?/g, '$1').replace(/[?&]$/, '');
  return `${clean}${clean.includes('?') ? '&' : '?'}lang=${lang}`;
}

interface FrameTexts {
  readonly open: string;
  readonly headEnd: string;
  readonly header: string;
  readonly switchLang: string;
  readonly footer: string;
}

/** The parts of the frame that depend on the language only, drawn once per language (texts never change). */
const frameTexts = new Map<Lang, FrameTexts>();

function textsOf(lang: Lang): FrameTexts {
  let f = frameTexts.get(lang);
  if (!f) {
    f = {
      open: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
      headEnd: `<style>${CSS}</style></head>`,
      header:
        `<a class="skip" href="#main">${t(PageTexts.PUBLIC_SKIP, lang)}</a><header>` +
        `<a class="site" href="/?lang=${lang}">${MARK}<span>${t(PageTexts.PUBLIC_SITE, lang)}</span></a>` +
        `<nav aria-label="${t(PageTexts.PUBLIC_SITE, lang)}"><a href="/products?lang=${lang}">${t(PageTexts.PUBLIC_NAV_PRODUCTS, lang)}</a>`,
      switchLang: t(PageTexts.PUBLIC_SWITCH_LANG, lang),
      footer: `<footer><p>${t(PageTexts.PUBLIC_FOOTER, lang)}</p><p><a href="/portal/">${t(PageTexts.PUBLIC_NAV_PORTAL, lang)}</a></p></footer>`,
    };
    frameTexts.set(lang, f);
  }
  return f;
}

export function page(f: Frame): string {
  const other: Lang = f.lang === 'vi' ? 'en' : 'vi';
  const x = textsOf(f.lang);
  const vi = esc(withLang(f.path, 'vi'));
  const en = esc(withLang(f.path, 'en'));
  const head =
    `${x.open}<title>${esc(f.title)}</title>${f.description ? `<meta name="description" content="${esc(f.description)}">` : ''}` +
    `<meta name="robots" content="${f.index ? 'index,follow' : 'noindex'}"><meta name="theme-color" content="#14532d">` +
    `<link rel="alternate" hreflang="vi" href="${vi}"><link rel="alternate" hreflang="en" href="${en}">` +
    `${f.head ?? ''}${x.headEnd}`;
  const header = `${x.header}<a href="${other === 'vi' ? vi : en}" hreflang="${other}" lang="${other}">${x.switchLang}</a></nav></header>`;
  const scripts = f.scripts?.length ? f.scripts.map((s) => `<script src="${esc(s)}" defer></script>`).join('') : '';
  return `${head}<body>${header}<main id="main">${f.body}</main>${x.footer}${scripts}</body></html>`;
}

/** A definition-list row, left out when the value is empty (values are already-escaped HTML). */
export function row(label: string, value: string): string {
  return value ? `<dt>${label}</dt><dd>${value}</dd>` : '';
}

/** Product name in the page's language (Vietnamese when no English name was given). */
export function localName(nameVi: string, nameEn: string | null | undefined, lang: Lang): string {
  return lang === 'en' && nameEn ? nameEn : nameVi;
}
