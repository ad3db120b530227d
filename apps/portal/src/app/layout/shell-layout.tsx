import { Suspense, useEffect, useRef, useState } from 'react';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth-context.tsx';
import { headerItemsFor } from '../navigation/registry.ts';
import { Brand } from './brand.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PageLoading } from './page-loading.tsx';
import { SideMenu } from './side-menu.tsx';
import { UserMenu } from './user-menu.tsx';

/** The signed-in frame: a side menu on wide screens, a drawer behind a menu button on phones (360 px and up). */
export function ShellLayout() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After client-side navigation, move focus to the new screen so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);

  const headerItems = session ? headerItemsFor(session) : [];
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('common:skipToContent')}
      </a>
      <Layout className="shell">
        {wide ? (
          <Layout.Sider theme="light" width={248} collapsedWidth={72} collapsed={collapsed} trigger={null} className="shell-sider">
            <Brand compact={collapsed} />
            <SideMenu collapsed={collapsed} />
          </Layout.Sider>
        ) : null}
        <Layout>
          <Layout.Header className="shell-header">
            <Button
              type="text"
              icon={wide ? collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined /> : <MenuOutlined />}
              aria-label={wide ? (collapsed ? t('common:expandMenu') : t('common:collapseMenu')) : t('common:openMenu')}
              aria-expanded={wide ? !collapsed : drawerOpen}
              aria-controls={wide ? undefined : 'mobile-menu'}
              onClick={() => (wide ? setCollapsed((c) => !c) : setDrawerOpen(true))}
            />
            {wide ? null : <Brand compact />}
            <div className="shell-header-right">
              <LanguageSwitch />
              {headerItems.map(({ key, component: Item }) => (
                <Item key={key} />
              ))}
              <UserMenu />
            </div>
          </Layout.Header>
          <Layout.Content className="shell-content">
            <main id="main-content" ref={main} tabIndex={-1} className="main-content">
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
      {wide ? null : (
        <Drawer
          id="mobile-menu"
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </>
  );
}
