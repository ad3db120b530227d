import { Grid, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Organization, Page } from '../../api/types.ts';
import { useCommuneName } from '../../shared/commune-select.tsx';
import { useFormat } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { OrganizationStatusTag } from './status-tag.tsx';

export type SortKey = 'name' | '-name' | 'createdAt' | '-createdAt';

export interface OrganizationTableProps {
  readonly data: Page<Organization> | undefined;
  readonly loading: boolean;
  readonly sort: SortKey;
  readonly page: number;
  readonly pageSize: number;
  readonly onChange: (change: { sort?: SortKey; page?: number; pageSize?: number }) => void;
  /** Where a row's name links to (a page, or the same list with a drawer open). */
  readonly linkTo: (org: Organization) => string;
}

const order = (sort: SortKey, column: 'name' | 'createdAt') => (sort === column ? 'ascend' : sort === `-${column}` ? 'descend' : null);

/** Organisations, sorted and paged by the server; the less important columns give way on phones. */
export function OrganizationTable({ data, loading, sort, page, pageSize, onChange, linkTo }: OrganizationTableProps) {
  const { t } = useTranslation('organizations');
  const labels = useLabels();
  const communeName = useCommuneName();
  const fmt = useFormat();
  const screens = Grid.useBreakpoint();
  const columns: TableProps<Organization>['columns'] = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('field.name'),
      sorter: true,
      sortOrder: order(sort, 'name'),
      render: (_v, org) => (
        <>
          <Link to={linkTo(org)}>{org.name}</Link>
          <br />
          <Typography.Text type="secondary">{labels.kind(org.kind)}</Typography.Text>
        </>
      ),
    },
    { key: 'taxCode', dataIndex: 'taxCode', title: t('field.taxCode'), responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { key: 'commune', dataIndex: 'communeId', title: t('field.commune'), responsive: ['md'], render: (id: number) => communeName(id) },
    {
      key: 'sectors',
      dataIndex: 'sectors',
      title: t('field.sectors'),
      responsive: ['lg'],
      render: (sectors: string[]) => sectors.map((s) => <Tag key={s}>{labels.sector(s)}</Tag>),
    },
    { key: 'status', dataIndex: 'status', title: t('field.status'), render: (s: string) => <OrganizationStatusTag status={s} /> },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('field.createdAt'),
      sorter: true,
      sortOrder: order(sort, 'createdAt'),
      responsive: ['sm'],
      render: (v: string) => fmt.dateTime(v),
    },
  ];
  return (
    <Table<Organization>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: true }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        simple: !screens.md,
        showTotal: (total) => t('common:totalItems', { total }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = s?.columnKey === 'name' || s?.columnKey === 'createdAt' ? s.columnKey : undefined;
        const nextSort: SortKey | undefined = field && s?.order ? ((s.order === 'descend' ? `-${field}` : field) as SortKey) : undefined;
        const sortChanged = (nextSort ?? '-createdAt') !== sort;
        onChange({
          ...(sortChanged ? { sort: nextSort ?? '-createdAt' } : { page: pagination.current ?? 1 }),
          ...(pagination.pageSize && pagination.pageSize !== pageSize ? { pageSize: pagination.pageSize } : {}),
        });
      }}
    />
  );
}
