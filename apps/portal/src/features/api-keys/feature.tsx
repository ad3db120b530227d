import { lazy } from 'react';
import { ApiOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'api-keys',
  routes: [{ path: 'organizations/:id/api-keys', layout: 'shell', component: lazy(() => import('./api-keys-page.tsx')), roles: ['org_admin', 'province_admin'] }],
  menu: [
    {
      key: 'api-keys',
      path: (s) => (s.organizationId ? `/organizations/${s.organizationId}/api-keys` : null),
      label: 'apiKeys:menu',
      icon: <ApiOutlined />,
      group: 'organization',
      order: 30,
      roles: ['org_admin'],
    },
  ],
};
