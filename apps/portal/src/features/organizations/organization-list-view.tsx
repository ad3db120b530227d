import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, OrganizationKind, OrganizationStatus, Sector } from '../../api/types.ts';
import { useCommuneName } from '../../shared/commune-select.tsx';
import { ExportButton, type ExportColumn } from '../../shared/export/export-button.tsx';
import { useLabels } from '../../shared/labels.ts';
import { useSearchState } from '../../shared/use-search-state.ts';
import { useOrganizationList } from './api.ts';
import { OrganizationFilters } from './organization-filters.tsx';
import { OrganizationTable, type SortKey } from './organization-table.tsx';

export interface OrganizationListViewProps {
  readonly source: 'registrations' | 'organizations';
  readonly statuses: readonly OrganizationStatus[];
  readonly defaultStatus: OrganizationStatus | '';
  readonly linkTo: (org: Organization) => string;
  /** Export file name stem (without date and extension). */
  readonly fileStem: string;
}

function useExportColumns(): ExportColumn<Organization>[] {
  const { t } = useTranslation('organizations');
  const labels = useLabels();
  const communeName = useCommuneName();
  return [
    { header: t('field.name'), value: (o) => o.name, width: 40 },
    { header: t('field.kind'), value: (o) => labels.kind(o.kind) },
    { header: t('field.taxCode'), value: (o) => o.taxCode },
    { header: t('field.representative'), value: (o) => o.representative },
    { header: t('field.commune'), value: (o) => communeName(o.communeId) },
    { header: t('field.address'), value: (o) => o.address, width: 40 },
    { header: t('field.phone'), value: (o) => o.phone },
    { header: t('field.email'), value: (o) => o.email },
    { header: t('field.sectors'), value: (o) => o.sectors.map(labels.sector).join(', ') },
    { header: t('field.gs1CompanyPrefix'), value: (o) => o.gs1CompanyPrefix },
    { header: t('field.status'), value: (o) => labels.orgStatus(o.status) },
    { header: t('field.statusReason'), value: (o) => o.statusReason },
    { header: t('field.createdAt'), value: (o) => new Date(o.createdAt) },
  ];
}

/** A searchable, filterable, sortable, paged list of organisations whose state lives in the URL. */
export function OrganizationListView({ source, statuses, defaultStatus, linkTo, fileStem }: OrganizationListViewProps) {
  const { t } = useTranslation('organizations');
  const defaults = useMemo(() => ({ q: '', status: defaultStatus as string, communeId: '', sector: '', kind: '', sort: '-createdAt', size: '20' }), [defaultStatus]);
  const { values, page, update } = useSearchState(defaults);
  const pageSize = Number(values.size) || 20;
  const query = {
    ...(values.q ? { q: values.q } : {}),
    ...(values.status ? { status: values.status as OrganizationStatus } : {}),
    ...(values.communeId ? { communeId: Number(values.communeId) } : {}),
    ...(values.sector ? { sector: values.sector as Sector } : {}),
    ...(values.kind ? { kind: values.kind as OrganizationKind } : {}),
    sort: values.sort as SortKey,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const list = useOrganizationList(source, query);
  const exportColumns = useExportColumns();
  return (
    <>
      <OrganizationFilters values={values} statuses={statuses} allStatuses={defaultStatus === ''} onChange={(patch) => update(patch)} />
      <div style={{ marginBottom: 12 }}>
        <ExportButton rows={list.data?.items ?? []} columns={exportColumns} fileStem={fileStem} sheetName={t(`export.${source}`)} />
      </div>
      <OrganizationTable
        data={list.data}
        loading={list.isFetching}
        sort={values.sort as SortKey}
        page={page}
        pageSize={pageSize}
        onChange={({ sort, page: nextPage, pageSize: size }) => update({ ...(sort ? { sort } : {}), ...(nextPage ? { page: nextPage } : {}), ...(size ? { size } : {}) })}
        linkTo={linkTo}
      />
    </>
  );
}
