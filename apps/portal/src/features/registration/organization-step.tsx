import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, TAX_CODE_REQUIRED_KINDS, type OrganizationKind } from '../../api/types.ts';
import { useLabels } from '../../shared/labels.ts';
import { isPhone, TAX_CODE } from './validation.ts';

export function OrganizationStep() {
  const { t } = useTranslation('registration');
  const labels = useLabels();
  const kind = Form.useWatch<OrganizationKind | undefined>(['organization', 'kind']);
  const taxRequired = kind !== undefined && TAX_CODE_REQUIRED_KINDS.includes(kind);
  return (
    <>
      <Form.Item name={['organization', 'kind']} label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
        <Select options={ORGANIZATION_KINDS.filter((k) => k !== 'state_agency').map((k) => ({ value: k, label: labels.kind(k) }))} placeholder={t('org.kindPlaceholder')} />
      </Form.Item>
      <Form.Item name={['organization', 'name']} label={t('org.name')} extra={t('org.nameHint')} rules={[{ required: true, min: 2, max: 300, whitespace: true, message: t('org.nameRequired') }]}>
        <Input autoComplete="organization" />
      </Form.Item>
      <Form.Item
        name={['organization', 'taxCode']}
        label={t('org.taxCode')}
        extra={taxRequired ? t('org.taxCodeHint') : t('org.taxCodeOptional')}
        dependencies={[['organization', 'kind']]}
        rules={[{ required: taxRequired, message: t('org.taxCodeRequired') }, { pattern: TAX_CODE, message: t('org.taxCodeRule') }]}
      >
        <Input inputMode="numeric" maxLength={14} />
      </Form.Item>
      <Form.Item name={['organization', 'representative']} label={t('org.representative')} rules={[{ required: true, min: 2, whitespace: true, message: t('org.representativeRequired') }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name={['organization', 'phone']}
        label={t('org.phone')}
        rules={[{ validator: (_r, v: string | undefined) => (!v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('phoneRule')))) }]}
      >
        <Input type="tel" autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Form.Item name={['organization', 'email']} label={t('org.email')} rules={[{ type: 'email', message: t('emailRule') }]}>
        <Input type="email" autoComplete="email" inputMode="email" />
      </Form.Item>
      <Form.Item name={['organization', 'website']} label={t('org.website')} rules={[{ type: 'url', message: t('org.websiteRule') }]}>
        <Input type="url" inputMode="url" placeholder="https://" />
      </Form.Item>
    </>
  );
}
