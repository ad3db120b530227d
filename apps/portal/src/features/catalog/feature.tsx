import { lazy } from 'react';
import { AppstoreOutlined, EnvironmentOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'catalog',
  routes: [
    { path: 'catalog/products', layout: 'shell', component: lazy(() => import('./products-page.tsx')) },
    { path: 'catalog/products/:id', layout: 'shell', component: lazy(() => import('./product-page.tsx')) },
    { path: 'catalog/places', layout: 'shell', component: lazy(() => import('./places-page.tsx')) },
    { path: 'catalog/lots', layout: 'shell', component: lazy(() => import('./lots-page.tsx')) },
    { path: 'catalog/lots/:id', layout: 'shell', component: lazy(() => import('./lot-page.tsx')) },
    { path: 'catalog/imports', layout: 'shell', component: lazy(() => import('./imports-page.tsx')), roles: ['org_admin', 'org_staff'] },
  ],
  menu: [
    { key: 'catalog-products', path: '/catalog/products', label: 'catalog:menu.products', icon: <AppstoreOutlined />, group: 'work', order: 30 },
    { key: 'catalog-places', path: '/catalog/places', label: 'catalog:menu.places', icon: <EnvironmentOutlined />, group: 'work', order: 31 },
    { key: 'catalog-lots', path: '/catalog/lots', label: 'catalog:menu.lots', icon: <InboxOutlined />, group: 'work', order: 32 },
    { key: 'catalog-imports', path: '/catalog/imports', label: 'catalog:menu.imports', icon: <FileExcelOutlined />, group: 'work', order: 33, roles: ['org_admin', 'org_staff'] },
  ],
};
