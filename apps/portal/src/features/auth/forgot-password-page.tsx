import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { usePageTitle } from '../../shared/use-page-title.ts';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { authApi } from './api.ts';

export default function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<{ email: string }>();
  const problem = useFormProblem(form);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('forgot.title'));

  const submit = async ({ email }: { email: string }) => {
    setBusy(true);
    problem.clear();
    try {
      await authApi.requestPasswordReset(email.trim());
      setSent(true);
    } catch (err) {
      problem.report(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="public-card">
      <Typography.Title level={1} className="page-title">
        {t('forgot.title')}
      </Typography.Title>
      {sent ? (
        <Alert type="success" showIcon role="status" title={t('forgot.sent')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('forgot.intro')}</Typography.Paragraph>
          <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
            <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, type: 'email', message: t('forgot.emailRule') }]}>
              <Input type="email" autoComplete="email" inputMode="email" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('forgot.submit')}
            </Button>
          </Form>
        </>
      )}
      <div style={{ marginTop: 16 }}>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </div>
    </Card>
  );
}
