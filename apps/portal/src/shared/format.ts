import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Day first, as written in Vietnam (and in British English): 29/11/2026. */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}` : '—';
}

/** 29/11/2026 14:05, in the viewer's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}` : '—';
}

/** Date formatters for screens (re-rendered when the language changes). */
export function useFormat() {
  const { i18n } = useTranslation();
  return { lang: i18n.resolvedLanguage ?? 'vi', dateTime: formatDateTime, date: formatDate };
}
