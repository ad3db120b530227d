import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from './api.ts';

/** A new password and its confirmation, with the server's length rule checked before sending. */
export function NewPasswordFields({ name = 'password', confirmName = 'confirm', label }: { name?: string | string[]; confirmName?: string | string[]; label?: string }) {
  const { t } = useTranslation('auth');
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('password.new')}
        extra={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        rules={[
          { required: true, message: t('password.required') },
          { min: PASSWORD_MIN_LENGTH, message: t('password.hint', { min: PASSWORD_MIN_LENGTH }) },
        ]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={t('password.confirm')}
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: unknown) =>
              !value || getFieldValue(name) === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
