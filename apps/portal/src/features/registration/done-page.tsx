import { Button, Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../../shared/use-page-title.ts';
import { WizardProgress } from './wizard-progress.tsx';

interface DoneState {
  readonly name?: string;
  readonly email?: string;
}

/** After sending: what happens next, in plain words. */
export default function RegistrationDonePage() {
  const { t } = useTranslation('registration');
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as DoneState;
  usePageTitle(t('done.title'));
  return (
    <Card>
      <WizardProgress current={5} />
      <Result
        status="success"
        title={<h1 className="page-title" style={{ fontSize: 22 }}>{t('done.title')}</h1>}
        subTitle={state.name ? t('done.subtitle', { name: state.name }) : undefined}
        extra={
          <Button type="primary" onClick={() => navigate('/sign-in')}>
            {t('done.toSignIn')}
          </Button>
        }
      />
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('done.nextTitle')}
      </Typography.Title>
      <ol>
        <li>{t('done.next1')}</li>
        <li>{state.email ? t('done.next2With', { email: state.email }) : t('done.next2')}</li>
        <li>{t('done.next3')}</li>
      </ol>
    </Card>
  );
}
