import { useState } from 'react';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { usePageTitle } from '../../shared/use-page-title.ts';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { authApi } from './api.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

/** Serves both password-reset links and account set-up links (/portal/reset-password?token=…). */
export default function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const problem = useFormProblem(form);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('reset.title'));

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    problem.clear();
    try {
      await authApi.confirmPasswordReset(token, password);
      setDone(true);
    } catch (err) {
      problem.report(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="public-card">
      <Typography.Title level={1} className="page-title">
        {t('reset.title')}
      </Typography.Title>
      {!token ? (
        <Alert type="warning" showIcon title={t('reset.noToken')} />
      ) : done ? (
        <Alert type="success" showIcon role="status" title={t('reset.done')} action={<Link to="/sign-in">{t('backToSignIn')}</Link>} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('reset.intro')}</Typography.Paragraph>
          <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('reset.submit')}
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
