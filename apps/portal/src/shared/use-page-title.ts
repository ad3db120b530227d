import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title (what screen readers announce and tabs show) to "<page> · TXNG Sơn La". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t('common:appName');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
