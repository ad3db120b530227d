// Dates and numbers as people in Sơn La read them: Vietnam time (UTC+7), day first.
import type { Lang } from '../../../platform/i18n/messages.ts';

const formats = new Map<string, Intl.DateTimeFormat>();
/** dateTime's texts by language and moment (ms), each emptied when full. */
const formatted = new Map<Lang, Map<number, string>>();
const FORMATTED_MAX = 20_000;

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

/** A moment in Vietnam time: "29/11/2026 10:15" or "29 Nov 2026, 10:15". */
export function dateTime(d: Date | string | null | undefined, lang: Lang): string {
  if (!d) return '';
  const ms = d instanceof Date ? d.getTime() : new Date(d).getTime();
  if (Number.isNaN(ms)) return '';
  // Intl formatting costs microseconds and scan pages show the same moments again and again (a stamp's first
  // scan, a range's activation, a lot's journey): the text of a moment never changes, so it is kept.
  let texts = formatted.get(lang);
  if (!texts) formatted.set(lang, (texts = new Map()));
  let text = texts.get(ms);
  if (text === undefined) {
    text = format(lang, true).format(new Date(ms));
    if (texts.size >= FORMATTED_MAX) texts.clear();
    texts.set(ms, text);
  }
  return text;
}

/** A calendar date from a record (YYYY-MM-DD) as people write it. */
export function day(d: string | null | undefined, lang: Lang): string {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return '';
  const [y, m, dd] = d.split('-');
  return lang === 'vi' ? `${dd}/${m}/${y}` : format(lang, false).format(new Date(`${d}T00:00:00+07:00`));
}

/** The calendar date in Vietnam of a moment (YYYY-MM-DD), for validity comparisons. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function number(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 6 });
}

/** An ISO 8601 machine-readable value for <time datetime>. */
export function isoDateTime(d: Date | string | null | undefined): string {
  if (!d) return '';
  const date = new Date(d);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
