// What a feature contributes to the portal: its routes and its menu entries. A feature is one folder
// `src/features/<name>/` with a `feature.tsx` exporting `feature`; the registry finds it, nothing else to edit.
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../api/types.ts';

export interface SessionInfo {
  readonly role: Role;
  readonly organizationId: string | null;
}

export type RouteLayout =
  /** Signed-in screens inside the shell (menu, header). */
  | 'shell'
  /** Screens for anyone (sign-in, registration, password links), in the simple public frame. */
  | 'public';

export interface FeatureRoute {
  /** Relative to the portal's base (/portal/), e.g. `organizations/:id`. */
  readonly path: string;
  readonly layout: RouteLayout;
  /** Usually `lazy(() => import('./some-page.tsx'))`, so that each screen loads only when opened. */
  readonly component: ComponentType;
  /** Shell routes only: who may open it (default: every signed-in user). */
  readonly roles?: readonly Role[];
}

export type MenuGroup = 'work' | 'organization' | 'administration' | 'personal';

export interface MenuEntry {
  readonly key: string;
  /** A fixed path, or one computed from the session (e.g. the user's own organisation); null hides the entry. */
  readonly path: string | ((session: SessionInfo) => string | null);
  /** i18n key `namespace:key`. */
  readonly label: string;
  readonly icon?: ReactNode;
  readonly group: MenuGroup;
  /** Order within the group (ascending). */
  readonly order: number;
  readonly roles?: readonly Role[];
}

export interface PortalFeature {
  readonly id: string;
  readonly routes: readonly FeatureRoute[];
  readonly menu?: readonly MenuEntry[];
  readonly headerItems?: readonly HeaderItem[];
}

/** A small widget a feature puts in the shell's header (e.g. the notification bell), ordered left to right. */
export interface HeaderItem {
  readonly key: string;
  readonly order: number;
  readonly component: ComponentType;
  readonly roles?: readonly Role[];
}
