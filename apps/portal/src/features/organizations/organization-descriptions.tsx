import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/types.ts';
import { useCommuneName } from '../../shared/commune-select.tsx';
import { useFormat } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { OrganizationStatusTag } from './status-tag.tsx';

/** Everything the server knows about an organisation, as label–value rows (one column on phones). */
export function OrganizationDescriptions({ org }: { org: Organization }) {
  const { t } = useTranslation('organizations');
  const labels = useLabels();
  const communeName = useCommuneName();
  const fmt = useFormat();
  const dash = (v: string | null) => v ?? '—';
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'status', label: t('field.status'), children: <OrganizationStatusTag status={org.status} /> },
        ...(org.statusReason ? [{ key: 'reason', label: t('field.statusReason'), children: org.statusReason }] : []),
        { key: 'kind', label: t('field.kind'), children: labels.kind(org.kind) },
        { key: 'taxCode', label: t('field.taxCode'), children: dash(org.taxCode) },
        { key: 'representative', label: t('field.representative'), children: org.representative },
        { key: 'commune', label: t('field.commune'), children: communeName(org.communeId) },
        { key: 'address', label: t('field.address'), children: org.address, span: { xs: 1, sm: 1, md: 2 } },
        { key: 'phone', label: t('field.phone'), children: dash(org.phone) },
        { key: 'email', label: t('field.email'), children: dash(org.email) },
        { key: 'website', label: t('field.website'), children: dash(org.website) },
        { key: 'sectors', label: t('field.sectors'), children: org.sectors.map((s) => <Tag key={s}>{labels.sector(s)}</Tag>) },
        { key: 'gs1', label: t('field.gs1CompanyPrefix'), children: dash(org.gs1CompanyPrefix) },
        { key: 'gln', label: t('field.gln'), children: dash(org.gln) },
        { key: 'createdAt', label: t('field.createdAt'), children: fmt.dateTime(org.createdAt) },
        { key: 'decidedAt', label: t('field.decidedAt'), children: fmt.dateTime(org.decidedAt) },
      ]}
    />
  );
}
