import { lazy } from 'react';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'auth',
  routes: [
    { path: 'sign-in', layout: 'public', component: lazy(() => import('./sign-in-page.tsx')) },
    { path: 'forgot-password', layout: 'public', component: lazy(() => import('./forgot-password-page.tsx')) },
    { path: 'reset-password', layout: 'public', component: lazy(() => import('./reset-password-page.tsx')) },
    { path: 'enrol-totp', layout: 'public', component: lazy(() => import('./totp-enrol-page.tsx')) },
  ],
};
