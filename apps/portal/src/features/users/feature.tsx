import { lazy } from 'react';
import { SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'users',
  routes: [
    { path: 'organizations/:id/users', layout: 'shell', component: lazy(() => import('./organization-users-page.tsx')), roles: ['org_admin', 'province_admin'] },
    { path: 'officials', layout: 'shell', component: lazy(() => import('./officials-page.tsx')), roles: ['province_admin'] },
  ],
  menu: [
    {
      key: 'org-users',
      path: (s) => (s.organizationId ? `/organizations/${s.organizationId}/users` : null),
      label: 'users:menu.orgUsers',
      icon: <TeamOutlined />,
      group: 'organization',
      order: 20,
      roles: ['org_admin'],
    },
    { key: 'officials', path: '/officials', label: 'users:menu.officials', icon: <SafetyCertificateOutlined />, group: 'administration', order: 10, roles: ['province_admin'] },
  ],
};
