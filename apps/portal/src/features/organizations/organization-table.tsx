import { Button, Grid, Table, Tag, Typography, type TableProps } from 'antd';
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
  readonly onOpen: (org: Organization) => void;
}

const order = (sort: SortKey, column: 'name' | 'createdAt') => (sort === column ? 'ascend' : sort === `-${column}` ? 'descend' : null);

/** Organisations, sorted and paged by the server; the less important columns give way on phones. */
export function OrganizationTable({ data, loading, sort, page, pageSize, onChange, onOpen }: OrganizationTableProps) {
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
          <Typography.Link onClick={() => onOpen(org)}>{org.name}</Typography.Link>
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
    {
      key: 'open',
      title: <span className="visually-hidden">{t('common:actions')}</span>,
      render: (_v, org) => (
        <Button size="small" onClick={() => onOpen(org)} aria-label={t('openNamed', { name: org.name })}>
          {t('common:details')}
        </Button>
      ),
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
