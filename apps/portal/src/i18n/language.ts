// The portal's language: Vietnamese first, English available. The choice lives in the `txng_lang` cookie, which
// the server also reads, so its problem messages, notifications and e-mails follow the same language.
import i18n from 'i18next';
import { setApiLanguage } from '../api/client.ts';

export const SUPPORTED_LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const LANGUAGE_COOKIE = 'txng_lang';

export function isLanguage(v: unknown): v is Language {
  return v === 'vi' || v === 'en';
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function writeCookie(lang: Language): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}

export function initialLanguage(): Language {
  const fromCookie = readCookie(LANGUAGE_COOKIE);
  const lang = isLanguage(fromCookie) ? fromCookie : 'vi';
  writeCookie(lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  return lang;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi';
}

export async function changeLanguage(lang: Language): Promise<void> {
  writeCookie(lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}
