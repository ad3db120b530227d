import { useState } from 'react';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/problem.ts';
import { homePath, safeNext, useAuth } from '../../app/auth-context.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { usePageTitle } from '../../shared/use-page-title.ts';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { authApi, type Credentials } from './api.ts';
import { TotpCodeInput } from './totp-code-input.tsx';

/** Sign-in: e-mail and password, then the 6-digit code when the server asks for one (TOTP_REQUIRED). */
export default function SignInPage() {
  const { t } = useTranslation('auth');
  const { status, me, signedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Credentials>();
  const [codeForm] = Form.useForm<{ totp: string }>();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = useFormProblem(form);
  const codeProblem = useFormProblem(codeForm);
  usePageTitle(t('signIn.title'));

  if (status === 'signed-in' && me && !busy) return <Navigate to={safeNext(params.get('next')) ?? homePath(me)} replace />;

  const attempt = async (body: Credentials) => {
    setBusy(true);
    try {
      const result = await authApi.login(body);
      signedIn(result);
      navigate(result.mfaEnrolmentRequired ? '/enrol-totp' : (safeNext(params.get('next')) ?? homePath(result)), { replace: true });
    } catch (err) {
      setBusy(false);
      if (isProblemError(err) && err.code === 'TOTP_REQUIRED') {
        setCredentials(body);
        problem.clear();
        return;
      }
      (body.totp ? codeProblem : problem).report(err);
    }
  };

  if (credentials) {
    return (
      <Card className="public-card">
        <Typography.Title level={1} className="page-title">
          {t('totp.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('totp.intro')}</Typography.Paragraph>
        <ProblemAlert problem={codeProblem.problem} fieldErrors={codeProblem.unmatched} />
        <Form form={codeForm} layout="vertical" requiredMark={false} onFinish={({ totp }) => attempt({ ...credentials, totp })}>
          <Form.Item name="totp" label={t('totp.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}>
            <TotpCodeInput autoFocus />
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('totp.submit')}
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                setCredentials(null);
                codeProblem.clear();
              }}
            >
              {t('totp.back')}
            </Button>
          </Space>
        </Form>
      </Card>
    );
  }

  return (
    <Card className="public-card">
      <Typography.Title level={1} className="page-title">
        {t('signIn.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => attempt({ email: values.email.trim(), password: values.password })}>
        <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, message: t('signIn.emailRequired') }]}>
          <Input type="email" autoComplete="username" inputMode="email" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <Space orientation="vertical" style={{ marginTop: 16, width: '100%' }}>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        <span>
          {t('signIn.noAccount')} <Link to="/register">{t('signIn.register')}</Link>
        </span>
      </Space>
    </Card>
  );
}
