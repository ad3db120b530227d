import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { homePath, useAuth } from '../../app/auth-context.tsx';
import { PageLoading } from '../../app/layout/page-loading.tsx';
import { usePageTitle } from '../../shared/use-page-title.ts';
import { TotpEnrolment } from './totp-enrolment.tsx';

/** Officials without a second factor land here after signing in: nothing else works until they enrol. */
export default function TotpEnrolPage() {
  const { t } = useTranslation('auth');
  const { status, me, refresh, signOut } = useAuth();
  const navigate = useNavigate();
  usePageTitle(t('enrol.title'));
  if (status === 'loading') return <PageLoading />;
  if (status === 'anonymous' || !me) return <Navigate to="/sign-in" replace />;
  if (me.user.totpEnabled && !me.mfaEnrolmentRequired) return <Navigate to={homePath(me)} replace />;
  return (
    <Card className="public-card">
      <Typography.Title level={1} className="page-title">
        {t('enrol.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{me.mfaEnrolmentRequired ? t('enrol.requiredIntro') : t('enrol.intro')}</Typography.Paragraph>
      <TotpEnrolment
        onDone={() => {
          void refresh().then((value) => navigate(value ? homePath(value) : '/', { replace: true }));
        }}
      />
      <Button type="link" onClick={() => void signOut()} style={{ marginTop: 16, paddingLeft: 0 }}>
        {t('common:signOut')}
      </Button>
    </Card>
  );
}
