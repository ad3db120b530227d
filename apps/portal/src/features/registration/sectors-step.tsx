import { Checkbox, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSectors } from '../../api/geo.ts';
import { SECTORS } from '../../api/types.ts';
import { useLabels } from '../../shared/labels.ts';
import { GS1_PREFIX, isGln } from './validation.ts';

export function SectorsStep() {
  const { t } = useTranslation('registration');
  const labels = useLabels();
  const sectors = useSectors();
  const codes = sectors.data?.map((s) => s.code) ?? [...SECTORS];
  return (
    <>
      <Form.Item name={['organization', 'sectors']} label={t('sectors.sectors')} extra={t('sectors.sectorsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('sectors.sectorsRequired') }]}>
        <Checkbox.Group>
          <Space orientation="vertical">
            {codes.map((code) => (
              <Checkbox key={code} value={code}>
                {labels.sector(code)}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name={['organization', 'gs1CompanyPrefix']} label={t('sectors.gs1Prefix')} extra={t('sectors.gs1PrefixHint')} rules={[{ pattern: GS1_PREFIX, message: t('sectors.gs1PrefixRule') }]}>
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item
        name={['organization', 'gln']}
        label={t('sectors.gln')}
        extra={t('sectors.glnHint')}
        dependencies={[['organization', 'gs1CompanyPrefix']]}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_r, v: string | undefined) => {
              if (!v) return Promise.resolve();
              if (!isGln(v)) return Promise.reject(new Error(t('sectors.glnRule')));
              const prefix = getFieldValue(['organization', 'gs1CompanyPrefix']) as string | undefined;
              if (prefix && !v.startsWith(prefix)) return Promise.reject(new Error(t('sectors.glnPrefixRule')));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input inputMode="numeric" maxLength={13} />
      </Form.Item>
    </>
  );
}
