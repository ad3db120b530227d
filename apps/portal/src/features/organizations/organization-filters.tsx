import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, SECTORS, type OrganizationStatus } from '../../api/types.ts';
import { CommuneSelect } from '../../shared/commune-select.tsx';
import { useLabels } from '../../shared/labels.ts';

export interface OrganizationFilterValues {
  q: string;
  status: string;
  communeId: string;
  sector: string;
  kind: string;
  sort: string;
}

export interface OrganizationFiltersProps {
  readonly values: OrganizationFilterValues;
  readonly statuses: readonly OrganizationStatus[];
  /** Offer "all statuses" (organisations) or not (the queue always shows one status). */
  readonly allStatuses: boolean;
  readonly onChange: (patch: Partial<OrganizationFilterValues>) => void;
}

/** Search (diacritics optional, done by the server), status, commune, sector, kind and order. */
export function OrganizationFilters({ values, statuses, allStatuses, onChange }: OrganizationFiltersProps) {
  const { t } = useTranslation('organizations');
  const labels = useLabels();
  return (
    <Flex gap={8} wrap className="filters" role="search" aria-label={t('filters.label')}>
      <Input.Search
        key={values.q}
        defaultValue={values.q}
        allowClear
        placeholder={t('common:searchPlaceholder')}
        aria-label={t('filters.search')}
        onSearch={(q) => onChange({ q: q.trim() })}
        style={{ width: 280 }}
      />
      <Select
        aria-label={t('filters.status')}
        value={values.status}
        onChange={(status: string) => onChange({ status })}
        options={[...(allStatuses ? [{ value: '', label: t('filters.allStatuses') }] : []), ...statuses.map((s) => ({ value: s, label: labels.orgStatus(s) }))]}
        style={{ width: 160 }}
      />
      <CommuneSelect
        aria-label={t('filters.commune')}
        allowClear
        placeholder={t('filters.allCommunes')}
        value={values.communeId ? Number(values.communeId) : undefined}
        onChange={(id: number | undefined) => onChange({ communeId: id ? String(id) : '' })}
        style={{ width: 220 }}
      />
      <Select
        aria-label={t('filters.sector')}
        value={values.sector}
        onChange={(sector: string) => onChange({ sector })}
        options={[{ value: '', label: t('filters.allSectors') }, ...SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))]}
        style={{ width: 220 }}
      />
      <Select
        aria-label={t('filters.kind')}
        value={values.kind}
        onChange={(kind: string) => onChange({ kind })}
        options={[{ value: '', label: t('filters.allKinds') }, ...ORGANIZATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
        style={{ width: 180 }}
      />
    </Flex>
  );
}
