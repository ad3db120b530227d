import { useState } from 'react';
import { Button, Card, Form, InputNumber, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isProblemError, type Problem } from '../../api/problem.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useLots, useProducts } from '../catalog/api.ts';
import { createRequest, LAYOUT_PRESETS, useStampsMutation, type StampKind } from './api.ts';

interface Values {
  productId: string;
  lotId?: string;
  quantity: number;
  kind: StampKind;
  preset: string;
  expectedRegionKm: number;
  note?: string;
}

/** A cooperative asks for stamps: product (and lot), how many, which kind, which label paper. */
export default function RequestNewPage() {
  const { t } = useTranslation('stamps');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const productId = Form.useWatch('productId', form);
  const products = useProducts('', 1);
  const lots = useLots('', productId);
  const create = useStampsMutation(createRequest);
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (v: Values) => {
    setProblem(null);
    try {
      const r = await create.mutateAsync({ productId: v.productId, lotId: v.lotId ?? null, quantity: v.quantity, kind: v.kind, layout: { preset: v.preset }, expectedRegionKm: v.expectedRegionKm, note: v.note ?? null });
      navigate(`/stamps/requests/${r.id}`);
    } catch (err) {
      if (isProblemError(err)) setProblem(err.problem);
      else throw err;
    }
  };
  return (
    <>
      <PageHeader title={t('request.new')} subtitle={t('request.newHelp')} />
      <Card>
        <ProblemAlert problem={problem} className="form-problem" />
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ quantity: 1000, kind: 'qr', preset: 'a4-24', expectedRegionKm: 400 }} requiredMark="optional">
          <Form.Item name="productId" label={t('field.product')} rules={[{ required: true, message: t('field.required') }]}>
            <Select showSearch optionFilterProp="label" loading={products.isFetching} options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.nameVi}${p.gtin ? ` — ${p.gtin}` : ''}` }))} />
          </Form.Item>
          <Form.Item name="lotId" label={t('field.lot')} extra={t('field.lotHelp')}>
            <Select allowClear disabled={!productId} options={(lots.data?.items ?? []).map((l) => ({ value: l.id, label: l.lotCode }))} />
          </Form.Item>
          <Form.Item name="quantity" label={t('field.quantity')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber min={1} max={1_000_000} step={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kind" label={t('field.kind')}>
            <Radio.Group options={(['qr', 'qr_code'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} optionType="button" />
          </Form.Item>
          <Form.Item name="preset" label={t('field.layout')} extra={t('field.layoutHelp')}>
            <Select options={LAYOUT_PRESETS.map((p) => ({ value: p, label: t(`preset.${p}`) }))} />
          </Form.Item>
          <Form.Item name="expectedRegionKm" label={t('field.region')} extra={t('field.regionHelp')}>
            <InputNumber min={10} max={5000} addonAfter="km" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('field.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>{t('request.submit')}</Button>
        </Form>
      </Card>
    </>
  );
}
