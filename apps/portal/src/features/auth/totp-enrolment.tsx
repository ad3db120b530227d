import { useEffect, useRef, useState } from 'react';
import { Button, Form, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../api/problem.ts';
import { isProblemError } from '../../api/problem.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { authApi } from './api.ts';
import { QrCode } from './qr-code.tsx';
import { TotpCodeInput } from './totp-code-input.tsx';

/** Secrets are base32; groups of four are easier to type into an authenticator app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Second-factor enrolment: a new secret as a QR code and as text, then a code from the app to confirm it. */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('auth');
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [setupProblem, setSetupProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const problem = useFormProblem(form, { map: { '/code': ['code'] } });
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    authApi
      .totpSetup()
      .then(setSetup)
      .catch((err: unknown) => setSetupProblem(isProblemError(err) ? err.problem : { status: 0, code: 'NETWORK_ERROR', detail: String(err) }));
  }, []);

  if (setupProblem) return <ProblemAlert problem={setupProblem} />;
  if (!setup) return <Spin />;

  const verify = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await authApi.totpVerify(code);
      onDone();
    } catch (err) {
      problem.report(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ol className="enrol-steps">
        <li>{t('enrol.step1')}</li>
        <li>{t('enrol.step2')}</li>
        <li>{t('enrol.step3')}</li>
      </ol>
      <QrCode text={setup.otpauthUri} label={t('enrol.qrAlt')} />
      <div>
        <Typography.Text strong id="totp-secret-label">
          {t('enrol.manual')}
        </Typography.Text>
        <Typography.Paragraph className="secret-box" copyable={{ text: setup.secret, tooltips: [t('common:copy'), t('common:copied')] }} aria-labelledby="totp-secret-label" data-testid="totp-secret">
          {groupSecret(setup.secret)}
        </Typography.Paragraph>
      </div>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={verify}>
        <Form.Item name="code" label={t('enrol.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}>
          <TotpCodeInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('enrol.submit')}
        </Button>
      </Form>
    </Space>
  );
}
