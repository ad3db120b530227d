import { lazy } from 'react';
import { HistoryOutlined } from '@ant-design/icons';
import type { Role } from '../../api/types.ts';
import type { PortalFeature } from '../../app/navigation/types.ts';

/** Who may read the audit log (the server scopes what each sees). */
const READERS: readonly Role[] = ['province_admin', 'sector_officer', 'commune_officer', 'inspector', 'org_admin'];

export const feature: PortalFeature = {
  id: 'audit',
  routes: [{ path: 'audit', layout: 'shell', component: lazy(() => import('./audit-page.tsx')), roles: READERS }],
  menu: [{ key: 'audit', path: '/audit', label: 'audit:menu', icon: <HistoryOutlined />, group: 'administration', order: 30, roles: READERS }],
};
