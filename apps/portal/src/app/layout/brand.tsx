import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The portal's name, linking home. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className={compact ? 'brand brand-compact' : 'brand'} aria-label={t('common:homeLink')}>
      <span className="brand-mark" aria-hidden="true">
        TX
      </span>
      <span className="brand-text">{t('common:appName')}</span>
    </Link>
  );
}
