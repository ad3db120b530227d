import { useState } from 'react';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { useProducts } from '../catalog/api.ts';
import { SEVERITIES, useOpenRecall, type Severity } from './api.ts';

interface Values {
  mode: 'codes' | 'product';
  codes?: string;
  productId?: string;
  from?: string;
  to?: string;
  reason: string;
  severity: Severity;
  instructions?: string;
  contact?: string;
}

/**
 * Opening a recall: the goods (codes of lots, items or shipments in any GS1 form, or a product's lots made between two
 * dates), the reason, the severity, what holders must do and whom to call. The server computes the scope.
 */
export function OpenRecallModal({ open, initialCodes, onClose }: { open: boolean; initialCodes?: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('recalls');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'codes';
  const [productSearch, setProductSearch] = useState('');
  const products = useProducts(productSearch, 1);
  const openRecall = useOpenRecall();
  const problem = useFormProblem(form, { map: { '/targets/ids': ['codes'], '/targets/productId': ['productId'], '/targets/from': ['from'], '/targets/to': ['to'] } });

  const submit = async (v: Values) => {
    problem.clear();
    const targets = v.mode === 'codes'
      ? { ids: (v.codes ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean) }
      : { productId: v.productId!, from: v.from || null, to: v.to || null };
    try {
      const r = await openRecall.mutateAsync({ targets, reason: v.reason.trim(), severity: v.severity, instructions: v.instructions?.trim() || null, contact: v.contact?.trim() || null });
      form.resetFields();
      onClose();
      navigate(`/recalls/${r.id}`);
    } catch (err) {
      problem.report(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('open.title')}
      okText={t('open.submit')}
      okButtonProps={{ danger: true, loading: openRecall.isPending }}
      cancelText={t('common:cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ mode: 'codes', codes: initialCodes ?? '', severity: 'class_2' }}>
        <Form.Item name="mode" label={t('open.what')}>
          <Radio.Group options={[{ value: 'codes', label: t('open.byCodes') }, { value: 'product', label: t('open.byProduct') }]} />
        </Form.Item>
        {mode === 'codes' ? (
          <Form.Item name="codes" label={t('open.codes')} extra={t('open.codesHelp')} rules={[{ required: true, whitespace: true, message: t('open.codesRequired') }]}>
            <Input.TextArea rows={3} spellCheck={false} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="productId" label={t('open.product')} rules={[{ required: true, message: t('open.productRequired') }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setProductSearch }}
                placeholder={t('open.productPlaceholder')}
                loading={products.isFetching}
                options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: lang === 'en' && p.nameEn ? p.nameEn : p.nameVi }))}
              />
            </Form.Item>
            <Form.Item name="from" label={t('open.from')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="to" label={t('open.to')}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true, min: 5, message: t('open.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="severity" label={t('field.severity')}>
          <Radio.Group options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
        </Form.Item>
        <Form.Item name="instructions" label={t('field.instructions')} extra={t('open.instructionsHelp')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="contact" label={t('field.contact')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
