// One diary step as a short form that fits a 360 px phone: the step, when, where, and only the fields that
// step needs (what was sprayed and how much, who the goods went to, which lots were processed).
import { Button, Form, Input, InputNumber, Select, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { useCatalogMutation, useLots, usePlaces } from './api.ts';
import { useBilingual } from './use-can-write.ts';

const KINDS = ['planting', 'fertilising', 'spraying', 'irrigation', 'harvesting', 'sorting', 'processing', 'packing', 'shipping', 'receiving', 'selling'];
const METHODS = ['drying', 'roasting', 'wet_processing', 'hulling', 'grinding', 'fermenting', 'pasteurising', 'other'];

const pad = (n: number) => String(n).padStart(2, '0');
const nowLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

interface StepResult {
  readonly warnings: { code: string; messages: { vi: string; en: string } }[];
}

export function DiaryForm({ lotId, defaultPlaceId }: { lotId: string; defaultPlaceId: string | null }) {
  const { t } = useTranslation('catalog');
  const text = useBilingual();
  const [form] = Form.useForm();
  const problem = useFormProblem(form, { map: { '/input/name': ['inputName'], '/input/dose': ['dose'], '/partner': ['partner'], '/partner/name': ['partner'] } });
  const kind = (Form.useWatch('kind', form) as string | undefined) ?? 'planting';
  const places = usePlaces();
  const lots = useLots();
  const record = useCatalogMutation((body: Record<string, unknown>) => api.post<StepResult>('/diary', body));
  const submit = async (v: Record<string, unknown>) => {
    problem.clear();
    const num = (x: unknown) => (typeof x === 'number' ? x : null);
    const body = {
      lotId,
      kind: v.kind,
      // The browser reads the typed wall-clock time in its own zone; the server gets an exact instant.
      occurredAt: new Date(String(v.occurredAt)).toISOString(),
      placeId: v.placeId ?? null,
      ...(v.inputName ? { input: { name: v.inputName, dose: num(v.dose), doseUnit: v.doseUnit || null, phiDays: num(v.phiDays) } } : {}),
      quantity: num(v.quantity),
      unit: v.unit || null,
      ...(v.partner ? { partner: { name: v.partner } } : {}),
      ...(v.kind === 'processing' ? { inputLots: ((v.inputLots as string[] | undefined) ?? []).map((id) => ({ lotId: id })), method: v.method ?? null } : {}),
      notes: v.notes || null,
    };
    try {
      const result = await record.mutateAsync(body);
      void message.success(t('diary.recorded', { step: t(`diaryKind.${String(v.kind)}`) }));
      for (const w of result.warnings) void message.warning({ content: text(w.messages), duration: 10 });
      form.setFieldsValue({ notes: '', quantity: null, inputName: '', dose: null, phiDays: null, occurredAt: nowLocal() });
    } catch (err) {
      problem.report(err);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'planting', occurredAt: nowLocal(), placeId: defaultPlaceId ?? undefined }} onFinish={submit}>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form.Item name="kind" label={t('diary.kind')} rules={[{ required: true }]}><Select options={KINDS.map((k) => ({ value: k, label: t(`diaryKind.${k}`) }))} /></Form.Item>
      <Form.Item name="occurredAt" label={t('diary.occurredAt')} rules={[{ required: true }]}><Input type="datetime-local" /></Form.Item>
      <Form.Item name="placeId" label={t('diary.place')}><Select allowClear options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.internalCode} — ${p.name}` }))} /></Form.Item>
      {kind === 'spraying' || kind === 'fertilising' ? (
        <>
          <Form.Item name="inputName" label={t('diary.inputName')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="dose" label={t('diary.dose')} rules={kind === 'spraying' ? [{ required: true }] : []}><InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" /></Form.Item>
          <Form.Item name="doseUnit" label={t('diary.doseUnit')}><Input placeholder={t('diary.doseUnitExample')} /></Form.Item>
          {kind === 'spraying' ? <Form.Item name="phiDays" label={t('diary.phiDays')}><InputNumber min={0} max={365} style={{ width: '100%' }} inputMode="numeric" /></Form.Item> : null}
        </>
      ) : null}
      {kind === 'processing' ? (
        <>
          <Form.Item name="method" label={t('diary.method')}><Select allowClear options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))} /></Form.Item>
          <Form.Item name="inputLots" label={t('diary.inputLots')} rules={[{ required: true }]}><Select mode="multiple" options={(lots.data?.items ?? []).filter((l) => l.id !== lotId).map((l) => ({ value: l.id, label: l.lotCode }))} /></Form.Item>
        </>
      ) : null}
      {kind === 'shipping' || kind === 'receiving' ? <Form.Item name="partner" label={t('diary.partner')} rules={[{ required: true }]}><Input /></Form.Item> : null}
      {['harvesting', 'sorting', 'processing', 'packing', 'shipping', 'receiving', 'selling'].includes(kind) ? (
        <>
          <Form.Item name="quantity" label={t('diary.quantity')}><InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" /></Form.Item>
          <Form.Item name="unit" label={t('diary.unit')}><Input /></Form.Item>
        </>
      ) : null}
      <Form.Item name="notes" label={t('diary.notes')}><Input.TextArea rows={2} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} block>{t('diary.submit')}</Button>
    </Form>
  );
}
