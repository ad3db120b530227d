import { useState } from 'react';
import { ApiOutlined, EditOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/auth-context.tsx';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { isProblemError } from '../../api/problem.ts';
import { useOrganization } from './api.ts';
import { DecisionButtons } from './decision-buttons.tsx';
import { OrganizationDescriptions } from './organization-descriptions.tsx';
import { OrganizationEditDrawer } from './organization-edit-drawer.tsx';
import { canManageUsers, canSeeApiKeys, editScope } from './permissions.ts';

/** One organisation: its details, the decisions an official may take, and links to its users and API keys. */
export default function OrganizationPage() {
  const { t } = useTranslation('organizations');
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const org = useOrganization(id);
  const [editing, setEditing] = useState(false);
  if (org.isError) return <ProblemAlert problem={isProblemError(org.error) ? org.error.problem : null} />;
  if (!org.data) return <Skeleton active />;
  const o = org.data;
  const scope = editScope(me, o);
  return (
    <>
      <PageHeader
        title={o.name}
        extra={
          <>
            <DecisionButtons org={o} />
            {scope !== 'none' ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('edit.button')}
              </Button>
            ) : null}
            {canManageUsers(me, o.id) ? (
              <Button icon={<TeamOutlined />} onClick={() => navigate(`/organizations/${o.id}/users`)}>
                {t('links.users')}
              </Button>
            ) : null}
            {me.user.role !== 'org_staff' ? (
              <Button icon={<HistoryOutlined />} onClick={() => navigate(`/audit?organizationId=${o.id}`)}>
                {t('links.audit')}
              </Button>
            ) : null}
            {canSeeApiKeys(me, o.id) ? (
              <Button icon={<ApiOutlined />} onClick={() => navigate(`/organizations/${o.id}/api-keys`)}>
                {t('links.apiKeys')}
              </Button>
            ) : null}
          </>
        }
      />
      <OrganizationDescriptions org={o} />
      {scope !== 'none' ? <OrganizationEditDrawer org={o} scope={scope} open={editing} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
