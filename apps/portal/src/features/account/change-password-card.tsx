import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { authApi } from '../auth/api.ts';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';

interface Values {
  currentPassword: string;
  password: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const { t } = useTranslation('account');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, { map: { '/newPassword': ['password'] } });
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    problem.clear();
    try {
      await authApi.changePassword(v.currentPassword, v.password);
      form.resetFields();
      void message.success(t('password.changed'));
    } catch (err) {
      problem.report(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<h2 className="card-title">{t('password.title')}</h2>}>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('auth:password.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
