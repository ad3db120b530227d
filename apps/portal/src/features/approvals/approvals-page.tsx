import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/page-header.tsx';
import { OrganizationListView } from '../organizations/organization-list-view.tsx';
import { RegistrationDrawer } from './registration-drawer.tsx';

/** The officials' approval queue; /registrations/:id (the link in notifications) opens one in the drawer. */
export default function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  const { id } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <OrganizationListView
        source="registrations"
        statuses={['pending', 'approved', 'rejected']}
        defaultStatus="pending"
        fileStem={t('fileStem')}
        linkTo={(org) => `/registrations/${org.id}${search}`}
      />
      <RegistrationDrawer id={id} onClose={() => navigate(`/approvals${search}`)} />
    </>
  );
}
