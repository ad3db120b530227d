import { useMemo, useState } from 'react';
import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblemError, problemText } from '../../api/problem.ts';
import { OFFICIAL_ROLES, type CreatedUser, type User } from '../../api/types.ts';
import { useMe } from '../../app/auth-context.tsx';
import { useCommuneName } from '../../shared/commune-select.tsx';
import { ExportButton } from '../../shared/export/export-button.tsx';
import { foldedIncludes } from '../../shared/fold.ts';
import { useFormat } from '../../shared/format.ts';
import { USER_STATUS_COLORS, useLabels } from '../../shared/labels.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useOfficials, useUpdateOfficial, type UserPatch } from './api.ts';
import { OfficialModal } from './official-modal.tsx';
import { SetupLinkModal } from './setup-link-modal.tsx';
import { useUserExportColumns } from './user-export.ts';

/** The province administrator's list of officials: roles, scopes, status, and lost second factors. */
export default function OfficialsPage() {
  const { t, i18n } = useTranslation('users');
  const me = useMe();
  const { message } = App.useApp();
  const labels = useLabels();
  const communeName = useCommuneName();
  const fmt = useFormat();
  const officials = useOfficials();
  const update = useUpdateOfficial();
  const [modal, setModal] = useState<{ editing: User | null } | null>(null);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const exportColumns = useUserExportColumns();
  const rows = useMemo(
    () => (officials.data ?? []).filter((u) => (!q || foldedIncludes(`${u.fullName} ${u.email}`, q)) && (!role || u.role === role)),
    [officials.data, q, role],
  );
  const change = (u: User, patch: UserPatch, done: string) =>
    update
      .mutateAsync({ userId: u.id, patch })
      .then(() => void message.success(done))
      .catch((err: unknown) => void message.error(isProblemError(err) ? problemText(err.problem, i18n.resolvedLanguage ?? 'vi') : String(err)));

  const columns: TableProps<User>['columns'] = [
    {
      key: 'name',
      title: t('field.fullName'),
      sorter: (a, b) => a.fullName.localeCompare(b.fullName, 'vi'),
      render: (_v, u) => (
        <>
          <Typography.Text strong>{u.fullName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{u.email}</Typography.Text>
        </>
      ),
    },
    { key: 'role', title: t('field.role'), sorter: (a, b) => a.role.localeCompare(b.role), render: (_v, u) => labels.role(u.role) },
    {
      key: 'scope',
      title: t('field.scope'),
      responsive: ['md'],
      render: (_v, u) => [u.scope.sector ? labels.sector(u.scope.sector) : null, u.scope.communeId ? communeName(u.scope.communeId) : null].filter(Boolean).join(' · ') || t('wholeProvince'),
    },
    { key: 'status', title: t('field.status'), render: (_v, u) => <Tag color={USER_STATUS_COLORS[u.status]}>{labels.userStatus(u.status)}</Tag> },
    { key: 'totp', title: t('field.totp'), responsive: ['md'], render: (_v, u) => (u.totpEnabled ? t('common:yes') : t('common:no')) },
    { key: 'lastLogin', title: t('field.lastLoginAt'), responsive: ['lg'], render: (_v, u) => fmt.dateTime(u.lastLoginAt) },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('common:actions')}</span>,
      render: (_v, u) =>
        u.id === me.user.id ? null : (
          <Space wrap>
            <Button size="small" onClick={() => setModal({ editing: u })} aria-label={t('officials.editNamed', { name: u.fullName })}>
              {t('officials.edit')}
            </Button>
            {u.totpEnabled ? (
              <Popconfirm title={t('officials.resetTotpConfirm', { name: u.fullName })} okText={t('officials.resetTotp')} cancelText={t('common:cancel')} onConfirm={() => change(u, { resetTotp: true }, t('officials.totpReset', { name: u.fullName }))}>
                <Button size="small">{t('officials.resetTotp')}</Button>
              </Popconfirm>
            ) : null}
            {u.status === 'active' ? (
              <Popconfirm title={t('disableConfirm', { name: u.fullName })} okText={t('disable')} cancelText={t('common:cancel')} onConfirm={() => change(u, { status: 'disabled' }, t('disabled', { name: u.fullName }))}>
                <Button size="small" danger aria-label={t('disableNamed', { name: u.fullName })}>
                  {t('disable')}
                </Button>
              </Popconfirm>
            ) : u.status === 'disabled' ? (
              <Button size="small" onClick={() => void change(u, { status: 'active' }, t('enabled', { name: u.fullName }))} aria-label={t('enableNamed', { name: u.fullName })}>
                {t('enable')}
              </Button>
            ) : null}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('officials.title')}
        subtitle={t('officials.subtitle')}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setModal({ editing: null })}>
            {t('officials.add')}
          </Button>
        }
      />
      {officials.isError ? <ProblemAlert problem={isProblemError(officials.error) ? officials.error.problem : null} /> : null}
      <Flex gap={8} wrap className="filters" role="search">
        <Input.Search allowClear placeholder={t('common:searchPlaceholder')} aria-label={t('search')} onChange={(e) => setQ(e.target.value)} style={{ width: 280 }} />
        <Select aria-label={t('field.role')} value={role} onChange={setRole} style={{ width: 200 }} options={[{ value: '', label: t('allRoles') }, ...OFFICIAL_ROLES.map((r) => ({ value: r, label: labels.role(r) }))]} />
        <ExportButton rows={rows} columns={exportColumns} fileStem={t('officials.fileStem')} sheetName={t('officials.title')} />
      </Flex>
      <Table<User> rowKey="id" columns={columns} dataSource={rows} loading={officials.isLoading} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }} />
      <OfficialModal
        open={modal !== null}
        editing={modal?.editing ?? null}
        onClose={() => setModal(null)}
        onCreated={(c) => {
          setModal(null);
          void message.success(t('add.done', { name: c.user.fullName }));
          if (c.setupLink) setCreated(c);
        }}
      />
      <SetupLinkModal link={created?.setupLink ?? null} name={created?.user.fullName ?? ''} onClose={() => setCreated(null)} />
    </>
  );
}
