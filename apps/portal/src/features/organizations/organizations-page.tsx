import { useTranslation } from 'react-i18next';
import { ORGANIZATION_STATUSES } from '../../api/types.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { OrganizationListView } from './organization-list-view.tsx';

export default function OrganizationsPage() {
  const { t } = useTranslation('organizations');
  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      <OrganizationListView source="organizations" statuses={ORGANIZATION_STATUSES} defaultStatus="" fileStem={t('export.fileStem')} linkTo={(org) => `/organizations/${org.id}`} />
    </>
  );
}
