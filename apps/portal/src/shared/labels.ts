// Names of the server's enumerations in the language shown now.
import { useTranslation } from 'react-i18next';
import { useSectors } from '../api/geo.ts';

export function useLabels() {
  const { t, i18n } = useTranslation('common');
  const sectors = useSectors();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return {
    kind: (kind: string) => t(`kind.${kind}`, { defaultValue: kind }),
    orgStatus: (status: string) => t(`orgStatus.${status}`, { defaultValue: status }),
    userStatus: (status: string) => t(`userStatus.${status}`, { defaultValue: status }),
    role: (role: string) => t(`role.${role}`, { defaultValue: role }),
    sector: (code: string) => sectors.data?.find((s) => s.code === code)?.name[lang] ?? t(`sector.${code}`, { defaultValue: code }),
  };
}

export const ORG_STATUS_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red', suspended: 'volcano' };
export const USER_STATUS_COLORS: Record<string, string> = { pending: 'gold', active: 'green', disabled: 'default' };
