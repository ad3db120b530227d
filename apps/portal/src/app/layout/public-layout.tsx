import { Suspense } from 'react';
import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Brand } from './brand.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PageLoading } from './page-loading.tsx';

/** The frame of screens for people who are not signed in: sign-in, registration, password links. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('common:skipToContent')}
      </a>
      <Layout className="public">
        <Layout.Header className="public-header">
          <Brand />
          <LanguageSwitch />
        </Layout.Header>
        <Layout.Content>
          <main id="main-content" tabIndex={-1} className="public-main">
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
        <Layout.Footer className="public-footer">{t('common:footer')}</Layout.Footer>
      </Layout>
    </>
  );
}
