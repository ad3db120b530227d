import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth-context.tsx';
import { isOfficialRole } from '../../api/types.ts';

/** Organisation users record their own catalog; officials only read it (the server enforces the same). */
export function useCanWrite(): boolean {
  const me = useMe();
  return !isOfficialRole(me.user.role) && me.user.organizationId !== null;
}

/** Texts the server sends in both languages, in the language shown now. */
export function useBilingual(): (m: { vi: string; en: string }) => string {
  const { i18n } = useTranslation();
  return (m) => (i18n.resolvedLanguage === 'en' ? m.en : m.vi);
}
