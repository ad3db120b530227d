// A place: kind, name, commune, coordinates typed or taken from the phone's location, GLN or internal code,
// and for a planting area its code (mã số vùng trồng) and area.
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CommuneSelect } from '../../shared/commune-select.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';

const KINDS = ['farm', 'planting_area', 'barn', 'processing_facility', 'warehouse', 'shop'];

export function PlaceForm({ onSubmit, busy }: { onSubmit: (body: Record<string, unknown>) => Promise<unknown>; busy: boolean }) {
  const { t } = useTranslation('catalog');
  const [form] = Form.useForm();
  const problem = useFormProblem(form);
  const kind = Form.useWatch('kind', form) as string | undefined;
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const locate = () => {
    if (!navigator.geolocation) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        form.setFieldsValue({ latitude: Number(pos.coords.latitude.toFixed(6)), longitude: Number(pos.coords.longitude.toFixed(6)) });
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const submit = async (v: Record<string, unknown>) => {
    problem.clear();
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    try {
      await onSubmit(body);
    } catch (err) {
      problem.report(err);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'planting_area' }} onFinish={submit}>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form.Item name="kind" label={t('place.kind')} rules={[{ required: true }]}><Select options={KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))} /></Form.Item>
      <Form.Item name="name" label={t('place.name')} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
      <Form.Item name="communeId" label={t('common:commune.label')}><CommuneSelect allowClear /></Form.Item>
      <Form.Item name="address" label={t('place.address')}><Input /></Form.Item>
      {kind === 'planting_area' ? (
        <>
          <Form.Item name="plantingAreaCode" label={t('place.plantingAreaCode')} rules={[{ required: true }]}><Input placeholder={t('place.plantingAreaCodeExample')} /></Form.Item>
          <Form.Item name="areaHa" label={t('place.areaHa')} rules={[{ required: true }]}><InputNumber min={0.0001} step={0.1} style={{ width: '100%' }} inputMode="decimal" /></Form.Item>
        </>
      ) : null}
      <Space wrap align="end">
        <Form.Item name="latitude" label={t('place.latitude')}><InputNumber min={-90} max={90} step={0.000001} inputMode="decimal" /></Form.Item>
        <Form.Item name="longitude" label={t('place.longitude')}><InputNumber min={-180} max={180} step={0.000001} inputMode="decimal" /></Form.Item>
        <Form.Item><Button onClick={locate} loading={locating === 'busy'}>{t('place.useLocation')}</Button></Form.Item>
      </Space>
      {locating === 'failed' ? <Typography.Paragraph type="warning">{t('place.locationFailed')}</Typography.Paragraph> : null}
      <Form.Item name="internalCode" label={t('place.internalCode')} extra={t('place.internalCodeHelp')}><Input /></Form.Item>
      <Form.Item name="gln" label={t('place.gln')}><Input inputMode="numeric" /></Form.Item>
      <Form.Item name="glnExtension" label={t('place.glnExtension')}><Input /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>{t('common.save')}</Button>
    </Form>
  );
}
