import { lazy } from 'react';
import { ApartmentOutlined, HomeOutlined } from '@ant-design/icons';
import { OFFICIAL_ROLES } from '../../api/types.ts';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'organizations',
  routes: [
    { path: 'organizations', layout: 'shell', component: lazy(() => import('./organizations-page.tsx')), roles: OFFICIAL_ROLES },
    { path: 'organizations/:id', layout: 'shell', component: lazy(() => import('./organization-page.tsx')) },
  ],
  menu: [
    { key: 'organizations', path: '/organizations', label: 'organizations:menu.list', icon: <ApartmentOutlined />, group: 'work', order: 20, roles: OFFICIAL_ROLES },
    {
      key: 'my-organization',
      path: (s) => (s.organizationId ? `/organizations/${s.organizationId}` : null),
      label: 'organizations:menu.mine',
      icon: <HomeOutlined />,
      group: 'organization',
      order: 10,
      roles: ['org_admin', 'org_staff'],
    },
  ],
};
