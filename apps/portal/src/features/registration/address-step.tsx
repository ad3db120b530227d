import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CommuneSelect } from '../../shared/commune-select.tsx';

export function AddressStep() {
  const { t } = useTranslation('registration');
  return (
    <>
      <Form.Item name={['organization', 'communeId']} label={t('address.commune')} extra={t('address.communeHint')} rules={[{ required: true, message: t('address.communeRequired') }]}>
        <CommuneSelect />
      </Form.Item>
      <Form.Item name={['organization', 'address']} label={t('address.address')} extra={t('address.addressHint')} rules={[{ required: true, min: 5, whitespace: true, message: t('address.addressRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} autoComplete="street-address" />
      </Form.Item>
    </>
  );
}
