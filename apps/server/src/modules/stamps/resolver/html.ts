// Small helpers for server-rendered pages: escaping (every value from records or requests goes through `esc`),
// Vietnam-time dates, and the shared document frame with its stylesheet (a few KB, no external resources).
import { translate, type Lang } from '../../../platform/i18n/messages.ts';
import { MARK_COLOR, MARK_MOUNTAINS, MARK_SUN } from '../print/provincial-mark.ts';
import { PageTexts } from './page-messages.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text for element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: lang === 'vi' ? '2-digit' : 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

/** A time in Vietnam (UTC+7), e.g. "29/11/2026 10:15" or "29 Nov 2026, 10:15". */
export function dateTime(d: Date | string | null, lang: Lang): string {
  return d ? format(lang, true).format(new Date(d)) : '';
}

/** A calendar date (YYYY-MM-DD from the records) as people write it. */
export function day(d: string | null, lang: Lang): string {
  if (!d) return '';
  const [y, m, dd] = d.split('-');
  return lang === 'vi' ? `${dd}/${m}/${y}` : format(lang, false).format(new Date(`${d}T00:00:00+07:00`));
}

export const t = (code: string, lang: Lang, params?: Record<string, unknown>) => esc(translate(code, lang, params));

export function markSvgInline(size: number): string {
  const pts = MARK_MOUNTAINS.map(([x, y]) => `${x * 24},${y * 24}`).join(' ');
  return `<svg width="${size}" height="${size}" viewBox="0 0 24 24" aria-hidden="true"><rect width="24" height="24" rx="4.3" fill="${MARK_COLOR}"/><polygon points="${pts}" fill="#fff"/><circle cx="${MARK_SUN.cx * 24}" cy="${MARK_SUN.cy * 24}" r="${MARK_SUN.r * 24}" fill="#fff"/></svg>`;
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1c1c1c;background:#f4f5f2}
header{display:flex;align-items:center;gap:8px;padding:10px 14px;background:#fff;border-bottom:1px solid #dde0d8}header b{flex:1;font-size:15px}
header a{color:#14532d;font-size:14px;padding:8px 4px}main{max-width:640px;margin:0 auto;padding:12px}
section{background:#fff;border-radius:10px;padding:14px;margin:0 0 12px;border:1px solid #e1e4dc}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:0 0 8px}
.banner{border-radius:10px;padding:14px;margin:0 0 12px;color:#fff}.banner h2{font-size:20px;margin:0 0 4px}.banner p{margin:4px 0}
.genuine{background:#166534}.suspicious,.void,.lost,.recalled{background:#991b1b}.inactive{background:#9a3412}.unconfirmed,.unserialised{background:#374151}
dl{display:grid;grid-template-columns:minmax(90px,35%) 1fr;gap:4px 10px;margin:0}dt{color:#555}dd{margin:0;overflow-wrap:anywhere}ul{margin:4px 0;padding-left:20px}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}label{display:block;font-size:14px;color:#444}input{font-size:20px;padding:10px;width:11ch;letter-spacing:2px;border:1px solid #888;border-radius:8px}
button{font-size:16px;padding:11px 18px;border:0;border-radius:8px;background:#14532d;color:#fff;min-height:44px}.note{font-size:14px;color:#555}.ok{color:#166534;font-weight:600}.bad{color:#991b1b;font-weight:600}
.code{font-family:ui-monospace,monospace;letter-spacing:1px}footer{font-size:13px;color:#555;text-align:center;padding:8px 12px 24px}footer a{color:#14532d}`;

export interface PageFrame {
  readonly lang: Lang;
  readonly title: string;
  /** Path of this page for the language switch (query dropped). */
  readonly path: string;
  readonly body: string;
  readonly head?: string;
  readonly scripts?: readonly string[];
}

export function page(f: PageFrame): string {
  const other: Lang = f.lang === 'vi' ? 'en' : 'vi';
  return `<!doctype html><html lang="${f.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(f.title)}</title><meta name="robots" content="noindex">${f.head ?? ''}<style>${CSS}</style></head><body>` +
    `<header>${markSvgInline(28)}<b>${t(PageTexts.PAGE_SITE, f.lang)}</b><a href="${esc(f.path)}?lang=${other}" hreflang="${other}" lang="${other}">${t(PageTexts.PAGE_SWITCH_LANG, f.lang)}</a></header>` +
    `<main>${f.body}</main>${(f.scripts ?? []).map((s) => `<script src="${esc(s)}" defer></script>`).join('')}</body></html>`;
}
