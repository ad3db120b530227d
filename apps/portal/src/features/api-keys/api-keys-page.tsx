import { useMemo, useState } from 'react';
import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isProblemError, problemText } from '../../api/problem.ts';
import type { ApiKey, CreatedApiKey } from '../../api/types.ts';
import { useMe } from '../../app/auth-context.tsx';
import { ExportButton, type ExportColumn } from '../../shared/export/export-button.tsx';
import { useFormat } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useOrganization } from '../organizations/api.ts';
import { useApiKeys, useRevokeApiKey } from './api.ts';
import { CreateKeyModal } from './create-key-modal.tsx';
import { SecretModal } from './secret-modal.tsx';

const STATE_COLORS: Record<string, string> = { active: 'green', expired: 'default', revoked: 'red' };

/** API keys of an organisation for its own software: create (secret shown once), see use, revoke. */
export default function ApiKeysPage() {
  const { t, i18n } = useTranslation('apiKeys');
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const fmt = useFormat();
  const org = useOrganization(id);
  const keys = useApiKeys(id);
  const revoke = useRevokeApiKey(id);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [state, setState] = useState('');
  const canCreate = me.user.role === 'org_admin' && me.user.organizationId === id;
  const rows = useMemo(() => (keys.data ?? []).filter((k) => !state || k.state === state), [keys.data, state]);

  const stateLabel = (s: string) => t(`state.${s}`);
  const exportColumns: ExportColumn<ApiKey>[] = [
    { header: t('field.name'), value: (k) => k.name, width: 28 },
    { header: t('field.prefix'), value: (k) => k.prefix },
    { header: t('field.permissions'), value: (k) => k.permissions.join(', '), width: 40 },
    { header: t('field.state'), value: (k) => stateLabel(k.state) },
    { header: t('field.expiresAt'), value: (k) => (k.expiresAt ? new Date(k.expiresAt) : null) },
    { header: t('field.lastUsedAt'), value: (k) => (k.lastUsedAt ? new Date(k.lastUsedAt) : null) },
    { header: t('field.createdAt'), value: (k) => new Date(k.createdAt) },
  ];

  const columns: TableProps<ApiKey>['columns'] = [
    {
      key: 'name',
      title: t('field.name'),
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
      render: (_v, k) => (
        <>
          <Typography.Text strong>{k.name}</Typography.Text>
          <br />
          <Typography.Text code>{k.prefix}…</Typography.Text>
        </>
      ),
    },
    { key: 'permissions', title: t('field.permissions'), responsive: ['md'], render: (_v, k) => k.permissions.map((p) => <Tag key={p}>{p}</Tag>) },
    { key: 'state', title: t('field.state'), render: (_v, k) => <Tag color={STATE_COLORS[k.state]}>{stateLabel(k.state)}</Tag> },
    { key: 'expiresAt', title: t('field.expiresAt'), responsive: ['sm'], sorter: (a, b) => (a.expiresAt ?? '9').localeCompare(b.expiresAt ?? '9'), render: (_v, k) => (k.expiresAt ? fmt.date(k.expiresAt) : t('never')) },
    { key: 'lastUsedAt', title: t('field.lastUsedAt'), responsive: ['md'], sorter: (a, b) => (a.lastUsedAt ?? '').localeCompare(b.lastUsedAt ?? ''), render: (_v, k) => (k.lastUsedAt ? fmt.dateTime(k.lastUsedAt) : t('neverUsed')) },
    { key: 'createdAt', title: t('field.createdAt'), responsive: ['lg'], sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), render: (_v, k) => fmt.dateTime(k.createdAt) },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('common:actions')}</span>,
      render: (_v, k) =>
        k.state === 'active' ? (
          <Popconfirm
            title={t('revokeConfirm', { name: k.name })}
            okText={t('revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common:cancel')}
            onConfirm={() =>
              revoke
                .mutateAsync(k.id)
                .then(() => void message.success(t('revoked', { name: k.name })))
                .catch((err: unknown) => void message.error(isProblemError(err) ? problemText(err.problem, i18n.resolvedLanguage ?? 'vi') : String(err)))
            }
          >
            <Button size="small" danger aria-label={t('revokeNamed', { name: k.name })}>
              {t('revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={org.data?.name}
        extra={
          canCreate ? (
            <Button type="primary" icon={<KeyOutlined />} onClick={() => setCreating(true)}>
              {t('create.button')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {keys.isError ? <ProblemAlert problem={isProblemError(keys.error) ? keys.error.problem : null} /> : null}
      <Flex gap={8} wrap className="filters" role="search">
        <Select
          aria-label={t('field.state')}
          value={state}
          onChange={setState}
          style={{ width: 200 }}
          options={[{ value: '', label: t('allStates') }, ...['active', 'expired', 'revoked'].map((s) => ({ value: s, label: stateLabel(s) }))]}
        />
        <ExportButton rows={rows} columns={exportColumns} fileStem={t('fileStem')} sheetName={t('title')} />
      </Flex>
      <Table<ApiKey> rowKey="id" columns={columns} dataSource={rows} loading={keys.isLoading} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }} />
      {canCreate ? (
        <CreateKeyModal
          orgId={id}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
          }}
        />
      ) : null}
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
