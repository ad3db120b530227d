import { lazy } from 'react';
import { CloudUploadOutlined, HistoryOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

const ORG = ['org_admin', 'org_staff'] as const;

export const feature: PortalFeature = {
  id: 'events',
  routes: [
    { path: 'events', layout: 'shell', component: lazy(() => import('./events-page.tsx')) },
    // The event id is a URI (urn:uuid:…, ni:///sha-256;…): it travels in the query string, not the path.
    { path: 'events/event', layout: 'shell', component: lazy(() => import('./event-page.tsx')) },
    { path: 'events/upload', layout: 'shell', component: lazy(() => import('./upload-page.tsx')), roles: ORG },
  ],
  menu: [
    { key: 'events', path: '/events', label: 'events:menu.events', icon: <HistoryOutlined />, group: 'work', order: 35 },
    { key: 'events-upload', path: '/events/upload', label: 'events:menu.upload', icon: <CloudUploadOutlined />, group: 'work', order: 36, roles: ORG },
  ],
};
