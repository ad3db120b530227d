import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/geo.ts';
import { OFFICIAL_ROLES, SECTORS, type OfficialRole } from '../../api/types.ts';
import { CommuneSelect } from '../../shared/commune-select.tsx';
import { useLabels } from '../../shared/labels.ts';

/** Role and scope of an official: a sector officer needs a sector, a commune officer a commune (server rule). */
export function OfficialScopeFields() {
  const { t, i18n } = useTranslation('users');
  const labels = useLabels();
  const departments = useDepartments();
  const role = Form.useWatch<OfficialRole | undefined>('role');
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <>
      <Form.Item name="role" label={t('field.role')} rules={[{ required: true }]}>
        <Select options={OFFICIAL_ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
      </Form.Item>
      {role === 'sector_officer' || role === 'inspector' ? (
        <Form.Item name="sector" label={t('field.sector')} rules={[{ required: role === 'sector_officer', message: t('form.sectorRequired') }]}>
          <Select allowClear options={SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))} />
        </Form.Item>
      ) : null}
      {role === 'commune_officer' || role === 'inspector' ? (
        <Form.Item name="communeId" label={t('field.commune')} rules={[{ required: role === 'commune_officer', message: t('form.communeRequired') }]}>
          <CommuneSelect allowClear />
        </Form.Item>
      ) : null}
      <Form.Item name="departmentCode" label={t('field.department')}>
        <Select allowClear loading={departments.isLoading} options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name[lang] }))} />
      </Form.Item>
    </>
  );
}

export interface ScopeValues {
  role: OfficialRole;
  sector?: string | null;
  communeId?: number | null;
  departmentCode?: string | null;
}

/** Only the scope fields that fit the role are sent; the others are cleared. */
export function scopeBody(v: ScopeValues) {
  const sector = v.role === 'sector_officer' || v.role === 'inspector' ? (v.sector ?? null) : null;
  const communeId = v.role === 'commune_officer' || v.role === 'inspector' ? (v.communeId ?? null) : null;
  return { role: v.role, sector: sector as (typeof SECTORS)[number] | null, communeId, departmentCode: v.departmentCode ?? null };
}
