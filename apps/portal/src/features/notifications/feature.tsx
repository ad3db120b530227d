import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';
import { NotificationBell } from './notification-bell.tsx';

export const feature: PortalFeature = {
  id: 'notifications',
  routes: [{ path: 'notifications', layout: 'shell', component: lazy(() => import('./notifications-page.tsx')) }],
  menu: [{ key: 'notifications', path: '/notifications', label: 'notifications:menu', icon: <BellOutlined />, group: 'personal', order: 10 }],
  headerItems: [{ key: 'bell', order: 10, component: NotificationBell }],
};
