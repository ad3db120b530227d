import { useState } from 'react';
import { Button, DatePicker, Drawer, Form, Input, InputNumber, List, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { foldedIncludes } from '../../shared/fold.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { useCatalogMutation, useLots, usePlaces, useProducts, type Lot } from './api.ts';
import { useCanWrite } from './use-can-write.ts';

function LotForm({ onDone }: { onDone: (lot: Lot) => void }) {
  const { t } = useTranslation('catalog');
  const [form] = Form.useForm();
  const problem = useFormProblem(form);
  const products = useProducts('', 1);
  const places = usePlaces();
  const create = useCatalogMutation((body: Record<string, unknown>) => api.post<Lot>('/lots', body));
  const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : null);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (v: Record<string, unknown>) => {
        problem.clear();
        try {
          onDone(await create.mutateAsync({ productId: v.productId, lotCode: v.lotCode, harvestDate: day(v.harvestDate as Dayjs), productionDate: day(v.productionDate as Dayjs), expiryDate: day(v.expiryDate as Dayjs), quantity: v.quantity ?? null, unit: v.unit || null, originPlaceId: v.originPlaceId ?? null }));
        } catch (err) {
          problem.report(err);
        }
      }}
    >
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form.Item name="productId" label={t('lot.product')} rules={[{ required: true }]}><Select showSearch={{ filterOption: (input, option) => foldedIncludes(String(option?.label ?? ''), input) }} options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.nameVi }))} /></Form.Item>
      <Form.Item name="lotCode" label={t('lot.lotCode')} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="harvestDate" label={t('lot.harvestDate')}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="productionDate" label={t('lot.productionDate')}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="expiryDate" label={t('lot.expiryDate')}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="quantity" label={t('lot.quantity')}><InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" /></Form.Item>
      <Form.Item name="unit" label={t('lot.unit')}><Input /></Form.Item>
      <Form.Item name="originPlaceId" label={t('lot.originPlace')}><Select allowClear options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.internalCode} — ${p.name}` }))} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} block>{t('common.save')}</Button>
    </Form>
  );
}

export default function LotsPage() {
  const { t } = useTranslation('catalog');
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const [q, setQ] = useState('');
  const lots = useLots(q);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={t('lot.title')} subtitle={t('lot.subtitle')} extra={canWrite ? <Button type="primary" onClick={() => setCreating(true)}>{t('lot.new')}</Button> : null} />
      <Input.Search aria-label={t('common.search')} placeholder={t('common.search')} allowClear onSearch={setQ} style={{ marginBottom: 12 }} />
      <List<Lot>
        loading={lots.isFetching}
        dataSource={lots.data?.items ?? []}
        renderItem={(l) => (
          <List.Item actions={[<Button key="open" size="small" onClick={() => navigate(`/catalog/lots/${l.id}`)}>{t('common.open')}</Button>]}>
            <List.Item.Meta title={<Typography.Link onClick={() => navigate(`/catalog/lots/${l.id}`)}>{l.lotCode}</Typography.Link>} description={[l.harvestDate, l.quantity !== null ? `${l.quantity} ${l.unit ?? ''}` : null].filter(Boolean).join(' · ')} />
          </List.Item>
        )}
      />
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('lot.new')} size="large" destroyOnHidden>
        <LotForm onDone={(lot) => { setCreating(false); navigate(`/catalog/lots/${lot.id}`); }} />
      </Drawer>
    </>
  );
}
