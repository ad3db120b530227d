import { lazy } from 'react';
import { WarningOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'recalls',
  routes: [
    { path: 'recalls', layout: 'shell', component: lazy(() => import('./recalls-page.tsx')) },
    // The path the server's recall notifications link to (`/recalls/<id>`).
    { path: 'recalls/:id', layout: 'shell', component: lazy(() => import('./recall-page.tsx')) },
  ],
  menu: [{ key: 'recalls', path: '/recalls', label: 'recalls:menu', icon: <WarningOutlined />, group: 'work', order: 36 }],
};
