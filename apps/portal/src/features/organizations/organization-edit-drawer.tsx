import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, SECTORS, type Organization } from '../../api/types.ts';
import { CommuneSelect } from '../../shared/commune-select.tsx';
import { useLabels } from '../../shared/labels.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { blankToNull, GS1_PREFIX, isGln, isPhone, TAX_CODE } from '../registration/validation.ts';
import { useUpdateOrganization } from './api.ts';

type Values = Partial<Record<'name' | 'taxCode' | 'address' | 'representative' | 'phone' | 'email' | 'website' | 'gs1CompanyPrefix' | 'gln' | 'kind', string>> & {
  communeId?: number;
  sectors?: string[];
};

const OPTIONAL = ['taxCode', 'phone', 'email', 'website', 'gs1CompanyPrefix', 'gln'] as const;

/** Edit an organisation: its admin edits contact and GS1 details; the province administrator edits everything. */
export function OrganizationEditDrawer({ org, scope, open, onClose }: { org: Organization; scope: 'all' | 'contact'; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('organizations');
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form);
  const update = useUpdateOrganization(org.id);
  const [width, setWidth] = useState(520);
  useEffect(() => setWidth(Math.min(520, window.innerWidth)), []);
  const all = scope === 'all';

  const save = async (values: Values) => {
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      const normalized = (OPTIONAL as readonly string[]).includes(key) ? blankToNull(value as string | undefined) : value;
      const before = (org as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(normalized) !== JSON.stringify(before)) patch[key] = normalized;
    }
    if (Object.keys(patch).length === 0) return onClose();
    try {
      await update.mutateAsync(patch as Partial<Organization>);
      void message.success(t('edit.saved'));
      onClose();
    } catch (err) {
      problem.report(err);
    }
  };

  const phoneRule = { validator: (_r: unknown, v: string | undefined) => (!v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('registration:phoneRule')))) };
  return (
    <Drawer open={open} onClose={onClose} title={t('edit.title', { name: org.name })} size={width} destroyOnHidden
      footer={<Space><Button onClick={onClose}>{t('common:cancel')}</Button><Button type="primary" loading={update.isPending} onClick={() => form.submit()}>{t('common:save')}</Button></Space>}>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" initialValues={{ ...org }} onFinish={save} requiredMark={false}>
        {all ? (
          <>
            <Form.Item name="kind" label={t('field.kind')}>
              <Select options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('field.name')} rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="taxCode" label={t('field.taxCode')} rules={[{ pattern: TAX_CODE, message: t('registration:org.taxCodeRule') }]}>
              <Input inputMode="numeric" />
            </Form.Item>
            <Form.Item name="communeId" label={t('field.commune')} rules={[{ required: true }]}>
              <CommuneSelect />
            </Form.Item>
            <Form.Item name="sectors" label={t('field.sectors')} rules={[{ required: true, type: 'array', min: 1, message: t('registration:sectors.sectorsRequired') }]}>
              <Checkbox.Group options={SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="representative" label={t('field.representative')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} rules={[phoneRule]}>
          <Input type="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('field.email')} rules={[{ type: 'email', message: t('registration:emailRule') }]}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="website" label={t('field.website')} rules={[{ type: 'url', message: t('registration:org.websiteRule') }]}>
          <Input type="url" />
        </Form.Item>
        <Form.Item name="gs1CompanyPrefix" label={t('field.gs1CompanyPrefix')} rules={[{ pattern: GS1_PREFIX, message: t('registration:sectors.gs1PrefixRule') }]}>
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item name="gln" label={t('field.gln')} rules={[{ validator: (_r, v: string | undefined) => (!v || isGln(v) ? Promise.resolve() : Promise.reject(new Error(t('registration:sectors.glnRule')))) }]}>
          <Input inputMode="numeric" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
