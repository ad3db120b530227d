// The product form: every field Circular 02/2024 Art. 6.5 and Decree 37/2026 Art. 32 name, in one column that
// works on a phone. Field errors from the server land on their fields (apply-problem-to-form).
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { usePlaces, type Product } from './api.ts';

const CATEGORIES = ['fresh_fruit', 'dried_fruit', 'vegetables', 'coffee', 'tea', 'dairy', 'meat', 'aquatic', 'honey', 'grain', 'processed_food', 'beverage', 'medicinal_herb', 'medicine', 'handicraft', 'other'];
const CERTS = ['vietgap', 'globalgap', 'organic', 'haccp', 'iso22000', 'iso9001', 'fssc22000', 'brc', 'halal', 'food_safety_facility', 'other'];

type Values = Record<string, unknown> & { standards?: { kind: string; code: string }[]; certifications?: { kind: string; number: string; issuer: string; validTo?: dayjs.Dayjs | null }[] };

const day = (v: unknown) => (v && dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null);

/** Form values → the API's body (nested OCOP and mark objects, dates as YYYY-MM-DD, empty texts as null). */
export function productBody(v: Values) {
  const text = (k: string) => ((v[k] as string | undefined)?.trim() ? (v[k] as string).trim() : null);
  return {
    gtin: text('gtin'),
    nameVi: v.nameVi,
    nameEn: text('nameEn'),
    descriptionVi: text('descriptionVi'),
    category: v.category,
    sector: v.sector ?? null,
    unit: v.unit,
    shelfLifeDays: v.shelfLifeDays ?? null,
    brand: text('brand'),
    trademark: text('trademark'),
    modelCode: text('modelCode'),
    standards: (v.standards ?? []).filter((s) => s?.code).map((s) => ({ kind: s.kind ?? 'tcvn', code: s.code })),
    certifications: (v.certifications ?? []).filter((c) => c?.number).map((c) => ({ kind: c.kind ?? 'vietgap', number: c.number, issuer: c.issuer, validTo: day(c.validTo) })),
    ocop: v.ocopStars ? { stars: v.ocopStars, certificateNumber: text('ocopCertificateNumber'), decision: text('ocopDecision'), expiresOn: day(v.ocopExpiresOn) } : null,
    protectedMark: v.markKind && text('markName') ? { kind: v.markKind, name: text('markName') } : null,
    keyProduct: Boolean(v.keyProduct),
    riskClass: v.riskClass ?? null,
    safetyWarnings: text('safetyWarnings'),
    originPlaceId: v.originPlaceId ?? null,
  };
}

export function initialValues(p: Product | undefined): Values {
  if (!p) return { category: 'fresh_fruit', unit: 'kg', standards: [], certifications: [] };
  return {
    ...p,
    ocopStars: p.ocop?.stars,
    ocopCertificateNumber: p.ocop?.certificateNumber,
    ocopDecision: p.ocop?.decision,
    ocopExpiresOn: p.ocop?.expiresOn ? dayjs(p.ocop.expiresOn) : null,
    markKind: p.protectedMark?.kind,
    markName: p.protectedMark?.name,
    certifications: p.certifications.map((c) => ({ ...c, validTo: c.validTo ? dayjs(c.validTo) : null })),
  };
}

export function ProductForm({ product, onSubmit, busy }: { product?: Product; onSubmit: (body: ReturnType<typeof productBody>) => Promise<unknown>; busy: boolean }) {
  const { t } = useTranslation('catalog');
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, { map: { '/ocop/stars': ['ocopStars'], '/protectedMark/name': ['markName'] } });
  const places = usePlaces();
  const submit = async (values: Values) => {
    problem.clear();
    try {
      await onSubmit(productBody(values));
    } catch (err) {
      problem.report(err);
    }
  };
  const options = (ns: string, keys: readonly (string | number)[]) => keys.map((k) => ({ value: k, label: t(`${ns}.${k}`) }));
  return (
    <Form form={form} layout="vertical" initialValues={initialValues(product)} onFinish={submit} scrollToFirstError>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form.Item name="nameVi" label={t('product.nameVi')} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
      <Form.Item name="nameEn" label={t('product.nameEn')}><Input /></Form.Item>
      <Form.Item name="gtin" label={t('product.gtin')} extra={t('product.gtinHelp')}><Input inputMode="numeric" /></Form.Item>
      <Form.Item name="category" label={t('product.category')} rules={[{ required: true }]}><Select options={options('category', CATEGORIES)} /></Form.Item>
      <Form.Item name="unit" label={t('product.unit')} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="shelfLifeDays" label={t('product.shelfLifeDays')}><InputNumber min={1} max={36500} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="descriptionVi" label={t('product.descriptionVi')}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="brand" label={t('product.brand')}><Input /></Form.Item>
      <Form.Item name="trademark" label={t('product.trademark')}><Input /></Form.Item>
      <Form.Item name="modelCode" label={t('product.modelCode')}><Input /></Form.Item>
      <Form.Item label={t('product.standards')}>
        <Form.List name="standards">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'kind']} noStyle initialValue="tcvn"><Select aria-label={t('product.standardKind')} style={{ width: 150 }} options={options('standardKind', ['tcvn', 'qcvn', 'international', 'own'])} /></Form.Item>
                  <Form.Item name={[f.name, 'code']} noStyle rules={[{ required: true }]}><Input aria-label={t('product.standardCode')} placeholder={t('product.standardCodeExample')} style={{ width: 180 }} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>×</Button>
                </Space>
              ))}
              <Button onClick={() => add({ kind: 'tcvn' })}>{t('product.addStandard')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('product.certifications')}>
        <Form.List name="certifications">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'kind']} noStyle><Select aria-label={t('product.certKind')} style={{ width: 150 }} options={options('certKind', CERTS)} /></Form.Item>
                  <Form.Item name={[f.name, 'number']} noStyle rules={[{ required: true }]}><Input aria-label={t('product.certNumber')} placeholder={t('product.certNumber')} style={{ width: 150 }} /></Form.Item>
                  <Form.Item name={[f.name, 'issuer']} noStyle rules={[{ required: true }]}><Input aria-label={t('product.certIssuer')} placeholder={t('product.certIssuer')} style={{ width: 200 }} /></Form.Item>
                  <Form.Item name={[f.name, 'validTo']} noStyle><DatePicker aria-label={t('product.certValidTo')} placeholder={t('product.certValidTo')} format="DD/MM/YYYY" /></Form.Item>
                  <Button onClick={() => remove(f.name)}>×</Button>
                </Space>
              ))}
              <Button onClick={() => add({ kind: 'vietgap' })}>{t('product.addCertification')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="ocopStars" label={t('product.ocopStars')}><Select allowClear options={[3, 4, 5].map((s) => ({ value: s, label: '★'.repeat(s) }))} /></Form.Item>
      <Form.Item name="ocopCertificateNumber" label={t('product.ocopCertificate')}><Input /></Form.Item>
      <Form.Item name="ocopDecision" label={t('product.ocopDecision')}><Input /></Form.Item>
      <Form.Item name="ocopExpiresOn" label={t('product.ocopExpiresOn')}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="markKind" label={t('product.markKind')}><Select allowClear options={options('mark', ['geographical_indication', 'collective_mark', 'certification_mark'])} /></Form.Item>
      <Form.Item name="markName" label={t('product.markName')}><Input /></Form.Item>
      <Form.Item name="keyProduct" valuePropName="checked"><Checkbox>{t('product.keyProduct')}</Checkbox></Form.Item>
      <Form.Item name="riskClass" label={t('product.riskClass')}><Select allowClear options={options('risk', ['low', 'medium', 'high'])} /></Form.Item>
      <Form.Item name="safetyWarnings" label={t('product.safetyWarnings')}><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="originPlaceId" label={t('product.originPlace')}><Select allowClear options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.internalCode} — ${p.name}` }))} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>{t('common.save')}</Button>
    </Form>
  );
}
