import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/types.ts';
import { homePath, useAuth } from './auth-context.tsx';
import { PageLoading } from './layout/page-loading.tsx';
import { allowed } from './navigation/registry.ts';

/** Shell screens need a session with its second factor done. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'anonymous' || !me) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mfaEnrolmentRequired) return <Navigate to="/enrol-totp" replace />;
  return <>{children}</>;
}

export function RequireRole({ roles, children }: { roles: readonly Role[] | undefined; children: ReactNode }) {
  const { session } = useAuth();
  if (session && !allowed(roles, session)) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="403" title={t('common:forbidden.title')} subTitle={t('common:forbidden.text')} extra={<Button onClick={() => navigate('/')}>{t('common:backHome')}</Button>} />;
}

export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="404" title={t('common:notFound.title')} subTitle={t('common:notFound.text')} extra={<Button onClick={() => navigate('/')}>{t('common:backHome')}</Button>} />;
}

export function HomeRedirect() {
  const { me } = useAuth();
  return me ? <Navigate to={homePath(me)} replace /> : <PageLoading />;
}
