// Collects every feature of src/features/*/feature.tsx at build time.
import type { FeatureRoute, HeaderItem, MenuEntry, MenuGroup, PortalFeature, SessionInfo } from './types.ts';

const modules = import.meta.glob<PortalFeature>('../../features/*/feature.tsx', { eager: true, import: 'feature' });

export const FEATURES: readonly PortalFeature[] = Object.values(modules).sort((a, b) => a.id.localeCompare(b.id));

export const MENU_GROUPS: readonly MenuGroup[] = ['work', 'organization', 'administration', 'personal'];

export function allowed(roles: FeatureRoute['roles'], session: SessionInfo): boolean {
  return !roles || roles.includes(session.role);
}

export function routesFor(layout: FeatureRoute['layout']): FeatureRoute[] {
  return FEATURES.flatMap((f) => f.routes.filter((r) => r.layout === layout));
}

export interface ResolvedMenuEntry extends Omit<MenuEntry, 'path'> {
  readonly path: string;
}

/** The menu a person sees: entries their role allows, grouped and ordered. */
export function menuFor(session: SessionInfo): { group: MenuGroup; entries: ResolvedMenuEntry[] }[] {
  const entries: ResolvedMenuEntry[] = [];
  for (const f of FEATURES) {
    for (const entry of f.menu ?? []) {
      if (!allowed(entry.roles, session)) continue;
      const path = typeof entry.path === 'function' ? entry.path(session) : entry.path;
      if (path) entries.push({ ...entry, path });
    }
  }
  return MENU_GROUPS.map((group) => ({ group, entries: entries.filter((e) => e.group === group).sort((a, b) => a.order - b.order) })).filter(
    (g) => g.entries.length > 0,
  );
}

export function headerItemsFor(session: SessionInfo): HeaderItem[] {
  return FEATURES.flatMap((f) => f.headerItems ?? [])
    .filter((h) => allowed(h.roles, session))
    .sort((a, b) => a.order - b.order);
}
