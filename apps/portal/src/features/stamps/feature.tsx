import { lazy } from 'react';
import { QrcodeOutlined, ScanOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

const ORG = ['org_admin', 'org_staff'] as const;

export const feature: PortalFeature = {
  id: 'stamps',
  routes: [
    { path: 'stamps', layout: 'shell', component: lazy(() => import('./requests-page.tsx')) },
    { path: 'stamps/new', layout: 'shell', component: lazy(() => import('./request-new-page.tsx')), roles: ORG },
    { path: 'stamps/requests/:id', layout: 'shell', component: lazy(() => import('./request-page.tsx')) },
    { path: 'stamps/activate', layout: 'shell', component: lazy(() => import('./activate-page.tsx')), roles: ORG },
    { path: 'stamps/scans/:serial', layout: 'shell', component: lazy(() => import('./stamp-scans-page.tsx')) },
  ],
  menu: [
    { key: 'stamps', path: '/stamps', label: 'stamps:menu.stamps', icon: <QrcodeOutlined />, group: 'work', order: 40 },
    { key: 'stamps-activate', path: '/stamps/activate', label: 'stamps:menu.activate', icon: <ScanOutlined />, group: 'work', order: 41, roles: ORG },
  ],
};
