import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, type Language } from '../../i18n/language.ts';

/** Vietnamese / English; also sets the `txng_lang` cookie so the server answers in the same language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('common:language.label')}
      value={value}
      onChange={(lang) => {
        if (isLanguage(lang)) void changeLanguage(lang);
      }}
      options={[
        { value: 'vi', label: <span title={t('common:language.vi')} lang="vi">VI</span> },
        { value: 'en', label: <span title={t('common:language.en')} lang="en">EN</span> },
      ]}
    />
  );
}
