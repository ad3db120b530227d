import { useEffect, useState } from 'react';
import { Drawer, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../api/problem.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useOrganization } from '../organizations/api.ts';
import { DecisionButtons } from '../organizations/decision-buttons.tsx';
import { OrganizationDescriptions } from '../organizations/organization-descriptions.tsx';

/** One registration in a side panel (full width on phones), with approve and reject. */
export function RegistrationDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('approvals');
  const org = useOrganization(id);
  const [width, setWidth] = useState(640);
  useEffect(() => setWidth(Math.min(640, window.innerWidth)), []);
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={width} title={org.data?.name ?? t('drawer.title')} destroyOnHidden>
      {org.isError ? <ProblemAlert problem={isProblemError(org.error) ? org.error.problem : null} /> : null}
      {org.data ? (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <DecisionButtons org={org.data} />
          </Flex>
          <OrganizationDescriptions org={org.data} />
        </>
      ) : org.isLoading ? (
        <Skeleton active />
      ) : null}
    </Drawer>
  );
}
