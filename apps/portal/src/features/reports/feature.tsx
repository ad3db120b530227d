import { lazy } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import type { Role } from '../../api/types.ts';
import type { PortalFeature } from '../../app/navigation/types.ts';

/** Officials read consumers' reports of their scope (the server filters by sector and commune). */
const OFFICIALS: readonly Role[] = ['province_admin', 'sector_officer', 'commune_officer', 'inspector'];

export const feature: PortalFeature = {
  id: 'reports',
  routes: [
    { path: 'reports', layout: 'shell', component: lazy(() => import('./reports-page.tsx')), roles: OFFICIALS },
    { path: 'reports/:id', layout: 'shell', component: lazy(() => import('./reports-page.tsx')), roles: OFFICIALS },
  ],
  menu: [{ key: 'reports', path: '/reports', label: 'reports:menu', icon: <AlertOutlined />, group: 'work', order: 40, roles: OFFICIALS }],
};
