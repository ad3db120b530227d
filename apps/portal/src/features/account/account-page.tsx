import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth-context.tsx';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';
import { useCommuneName } from '../../shared/commune-select.tsx';
import { useFormat } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ChangePasswordCard } from './change-password-card.tsx';
import { SecondFactorCard } from './second-factor-card.tsx';

export default function AccountPage() {
  const { t } = useTranslation('account');
  const me = useMe();
  const labels = useLabels();
  const communeName = useCommuneName();
  const fmt = useFormat();
  const u = me.user;
  return (
    <>
      <PageHeader title={t('title')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 className="card-title">{t('profile')}</h2>}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'name', label: t('name'), children: u.fullName },
              { key: 'email', label: t('email'), children: u.email },
              { key: 'role', label: t('role'), children: labels.role(u.role) },
              ...(me.organization ? [{ key: 'org', label: t('organization'), children: me.organization.name }] : []),
              ...(u.scope.sector ? [{ key: 'sector', label: t('sector'), children: labels.sector(u.scope.sector) }] : []),
              ...(u.scope.communeId ? [{ key: 'commune', label: t('commune'), children: communeName(u.scope.communeId) }] : []),
              { key: 'lastLogin', label: t('lastLogin'), children: fmt.dateTime(u.lastLoginAt) },
            ]}
          />
        </Card>
        <Card title={<h2 className="card-title">{t('language.title')}</h2>}>
          <Space wrap>
            <span>{t('language.text')}</span>
            <LanguageSwitch />
          </Space>
        </Card>
        <ChangePasswordCard />
        <SecondFactorCard />
      </Space>
    </>
  );
}
