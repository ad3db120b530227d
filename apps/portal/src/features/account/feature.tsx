import { lazy } from 'react';
import { UserOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'account',
  routes: [{ path: 'account', layout: 'shell', component: lazy(() => import('./account-page.tsx')) }],
  menu: [{ key: 'account', path: '/account', label: 'account:menu', icon: <UserOutlined />, group: 'personal', order: 20 }],
};
