import { lazy } from 'react';
import type { PortalFeature } from '../../app/navigation/types.ts';

export const feature: PortalFeature = {
  id: 'registration',
  routes: [
    { path: 'register', layout: 'public', component: lazy(() => import('./registration-page.tsx')) },
    { path: 'register/done', layout: 'public', component: lazy(() => import('./done-page.tsx')) },
  ],
};
