import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOfficialRole } from '../../api/types.ts';
import { useAuth, useMe } from '../../app/auth-context.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { authApi } from '../auth/api.ts';
import { TotpCodeInput } from '../auth/totp-code-input.tsx';
import { TotpEnrolment } from '../auth/totp-enrolment.tsx';

/** Second factor: officials always have it; businesses may turn it on and off. */
export function SecondFactorCard() {
  const { t } = useTranslation('account');
  const me = useMe();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [form] = Form.useForm<{ password: string; code: string }>();
  const problem = useFormProblem(form);
  const official = isOfficialRole(me.user.role);
  const on = me.user.totpEnabled;

  const disable = async () => {
    const v = await form.validateFields();
    try {
      await authApi.totpDisable(v.password, v.code);
      setDisabling(false);
      form.resetFields();
      await refresh();
      void message.success(t('totp.disabled'));
    } catch (err) {
      problem.report(err);
    }
  };

  return (
    <Card title={<h2 className="card-title">{t('totp.title')}</h2>}>
      <Typography.Paragraph>
        {t('totp.status')} <Tag color={on ? 'green' : 'default'}>{on ? t('totp.on') : t('totp.off')}</Tag>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{official ? t('totp.officialNote') : t('totp.businessNote')}</Typography.Paragraph>
      {!on ? (
        <Button type="primary" onClick={() => setEnrolling(true)}>
          {t('totp.enable')}
        </Button>
      ) : !official ? (
        <Button danger onClick={() => setDisabling(true)}>
          {t('totp.disable')}
        </Button>
      ) : null}
      <Modal open={enrolling} title={t('totp.enableTitle')} footer={null} onCancel={() => setEnrolling(false)} destroyOnHidden>
        <TotpEnrolment
          onDone={() => {
            setEnrolling(false);
            void refresh();
            void message.success(t('totp.enabled'));
          }}
        />
      </Modal>
      <Modal open={disabling} title={t('totp.disableTitle')} okText={t('totp.disable')} okButtonProps={{ danger: true }} cancelText={t('common:cancel')} onOk={disable} onCancel={() => setDisabling(false)} forceRender>
        <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="password" label={t('password.current')} rules={[{ required: true, message: t('auth:password.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="code" label={t('auth:totp.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth:totp.codeRule') }]}>
            <TotpCodeInput />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
