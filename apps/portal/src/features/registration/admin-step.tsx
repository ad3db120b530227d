import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';
import { isPhone } from './validation.ts';

export function AdminStep() {
  const { t } = useTranslation('registration');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.intro')}</Typography.Paragraph>
      <Form.Item name={['admin', 'fullName']} label={t('admin.fullName')} rules={[{ required: true, min: 2, whitespace: true, message: t('admin.fullNameRequired') }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name={['admin', 'email']} label={t('admin.email')} extra={t('admin.emailHint')} rules={[{ required: true, type: 'email', message: t('emailRule') }]}>
        <Input type="email" autoComplete="email" inputMode="email" />
      </Form.Item>
      <Form.Item
        name={['admin', 'phone']}
        label={t('admin.phone')}
        rules={[{ validator: (_r, v: string | undefined) => (!v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('phoneRule')))) }]}
      >
        <Input type="tel" autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <NewPasswordFields name={['admin', 'password']} confirmName={['admin', 'confirm']} label={t('admin.password')} />
    </>
  );
}
