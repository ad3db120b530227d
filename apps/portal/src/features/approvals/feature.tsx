import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { OFFICIAL_ROLES } from '../../api/types.ts';
import type { PortalFeature } from '../../app/navigation/types.ts';

const ApprovalsPage = lazy(() => import('./approvals-page.tsx'));

export const feature: PortalFeature = {
  id: 'approvals',
  routes: [
    { path: 'approvals', layout: 'shell', component: ApprovalsPage, roles: OFFICIAL_ROLES },
    { path: 'registrations/:id', layout: 'shell', component: ApprovalsPage, roles: OFFICIAL_ROLES },
  ],
  menu: [{ key: 'approvals', path: '/approvals', label: 'approvals:menu', icon: <AuditOutlined />, group: 'work', order: 10, roles: OFFICIAL_ROLES }],
};
