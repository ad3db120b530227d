import { lazy } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'trace',
  routes: [{ path: 'trace', layout: 'shell', component: lazy(() => import('./trace-page.tsx')) }],
  menu: [{ key: 'trace', path: '/trace', label: 'trace:menu', icon: <ApartmentOutlined />, group: 'work', order: 35 }],
};
