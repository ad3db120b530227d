import { Checkbox, Collapse, Descriptions, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommuneName } from '../../shared/commune-select.tsx';
import { useLabels } from '../../shared/labels.ts';
import type { RegistrationValues } from './wizard-model.ts';

/** Everything entered, to check once more, and the terms to accept. */
export function ReviewStep() {
  const { t } = useTranslation('registration');
  const labels = useLabels();
  const communeName = useCommuneName();
  const form = Form.useFormInstance<RegistrationValues>();
  const values = Form.useWatch([], { form, preserve: true }) as Partial<RegistrationValues> | undefined;
  const o = values?.organization;
  const a = values?.admin;
  const dash = (v: string | null | undefined) => (v ? v : '—');
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('review.organization')}
        items={[
          { key: 'kind', label: t('org.kind'), children: o?.kind ? labels.kind(o.kind) : '—' },
          { key: 'name', label: t('org.name'), children: dash(o?.name) },
          { key: 'taxCode', label: t('org.taxCode'), children: dash(o?.taxCode) },
          { key: 'representative', label: t('org.representative'), children: dash(o?.representative) },
          { key: 'phone', label: t('org.phone'), children: dash(o?.phone) },
          { key: 'email', label: t('org.email'), children: dash(o?.email) },
          { key: 'website', label: t('org.website'), children: dash(o?.website) },
          { key: 'commune', label: t('address.commune'), children: communeName(o?.communeId) },
          { key: 'address', label: t('address.address'), children: dash(o?.address) },
          { key: 'sectors', label: t('sectors.sectors'), children: o?.sectors?.length ? o.sectors.map(labels.sector).join(', ') : '—' },
          { key: 'gs1', label: t('sectors.gs1Prefix'), children: dash(o?.gs1CompanyPrefix) },
          { key: 'gln', label: t('sectors.gln'), children: dash(o?.gln) },
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginTop: 16 }}
        title={t('review.admin')}
        items={[
          { key: 'fullName', label: t('admin.fullName'), children: dash(a?.fullName) },
          { key: 'email', label: t('admin.email'), children: dash(a?.email) },
          { key: 'phone', label: t('admin.phone'), children: dash(a?.phone) },
        ]}
      />
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'terms',
            label: t('review.termsTitle'),
            children: (
              <>
                <Typography.Paragraph>{t('review.terms1')}</Typography.Paragraph>
                <Typography.Paragraph>{t('review.terms2')}</Typography.Paragraph>
                <Typography.Paragraph>{t('review.terms3')}</Typography.Paragraph>
              </>
            ),
          },
        ]}
      />
      <Form.Item
        name="acceptTerms"
        valuePropName="checked"
        style={{ marginTop: 16 }}
        rules={[{ validator: (_r, v: unknown) => (v === true ? Promise.resolve() : Promise.reject(new Error(t('review.acceptRequired')))) }]}
      >
        <Checkbox>{t('review.accept')}</Checkbox>
      </Form.Item>
    </>
  );
}
