import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { useCommuneName } from '../../shared/commune-select.tsx';
import type { ExportColumn } from '../../shared/export/export-button.tsx';
import { useLabels } from '../../shared/labels.ts';

export function useUserExportColumns(): ExportColumn<User>[] {
  const { t } = useTranslation('users');
  const labels = useLabels();
  const communeName = useCommuneName();
  return [
    { header: t('field.fullName'), value: (u) => u.fullName, width: 28 },
    { header: t('field.email'), value: (u) => u.email, width: 32 },
    { header: t('field.phone'), value: (u) => u.phone },
    { header: t('field.role'), value: (u) => labels.role(u.role) },
    { header: t('field.sector'), value: (u) => (u.scope.sector ? labels.sector(u.scope.sector) : null) },
    { header: t('field.commune'), value: (u) => (u.scope.communeId ? communeName(u.scope.communeId) : null) },
    { header: t('field.status'), value: (u) => labels.userStatus(u.status) },
    { header: t('field.totp'), value: (u) => (u.totpEnabled ? t('common:yes') : t('common:no')) },
    { header: t('field.lastLoginAt'), value: (u) => (u.lastLoginAt ? new Date(u.lastLoginAt) : null) },
    { header: t('field.createdAt'), value: (u) => new Date(u.createdAt) },
  ];
}
