import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth-context.tsx';
import { menuFor } from '../navigation/registry.ts';

/** The navigation menu built from every feature's entries that the person's role allows. */
export function SideMenu({ onNavigate, collapsed = false }: { onNavigate?: () => void; collapsed?: boolean }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (!session) return null;
  const groups = menuFor(session);
  const all = groups.flatMap((g) => g.entries);
  // The entry whose path is the longest prefix of the current location is the selected one.
  const selected = all
    .filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const items: MenuProps['items'] = groups.map((g) => ({
    type: 'group' as const,
    key: `group-${g.group}`,
    label: collapsed ? null : t(`common:menuGroup.${g.group}`),
    children: g.entries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) })),
  }));
  return (
    <nav aria-label={t('common:mainNavigation')}>
      <Menu
        mode="inline"
        inlineCollapsed={collapsed}
        selectedKeys={selected ? [selected.path] : []}
        items={items}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
