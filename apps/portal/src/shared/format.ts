import { useTranslation } from 'react-i18next';
import { intlLocale } from '../i18n/language.ts';

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'short', timeStyle: 'short' }).format(d);
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium' }).format(d);
}

/** Date formatters bound to the language shown now. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'vi';
  return {
    lang,
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, lang),
    date: (iso: string | null | undefined) => formatDate(iso, lang),
  };
}
