import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';
import { isPhone } from '../registration/validation.ts';

/** Name, e-mail, phone, and how the new person gets a password (a one-time link, or one chosen now). */
export function PersonFields() {
  const { t } = useTranslation('users');
  const how = Form.useWatch<'link' | 'password' | undefined>('passwordMode');
  return (
    <>
      <Form.Item name="fullName" label={t('field.fullName')} rules={[{ required: true, min: 2, whitespace: true, message: t('form.fullNameRequired') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={t('field.email')} rules={[{ required: true, type: 'email', message: t('registration:emailRule') }]}>
        <Input type="email" autoComplete="off" inputMode="email" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('field.phone')}
        rules={[{ validator: (_r, v: string | undefined) => (!v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('registration:phoneRule')))) }]}
      >
        <Input type="tel" inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="passwordMode" label={t('form.passwordMode')}>
        <Radio.Group
          options={[
            { value: 'link', label: t('form.modeLink') },
            { value: 'password', label: t('form.modePassword') },
          ]}
        />
      </Form.Item>
      {how === 'password' ? <NewPasswordFields /> : null}
    </>
  );
}

export interface PersonValues {
  fullName: string;
  email: string;
  phone?: string;
  passwordMode: 'link' | 'password';
  password?: string;
  confirm?: string;
}

export function personBody(v: PersonValues, locale: 'vi' | 'en') {
  return {
    fullName: v.fullName.trim(),
    email: v.email.trim(),
    phone: v.phone?.trim() ? v.phone.trim() : null,
    ...(v.passwordMode === 'password' && v.password ? { password: v.password } : {}),
    locale,
  };
}
