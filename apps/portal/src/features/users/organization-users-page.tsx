import { useMemo, useState } from 'react';
import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isProblemError, problemText } from '../../api/problem.ts';
import type { CreatedUser, User } from '../../api/types.ts';
import { useMe } from '../../app/auth-context.tsx';
import { ExportButton } from '../../shared/export/export-button.tsx';
import { useFormat } from '../../shared/format.ts';
import { foldedIncludes } from '../../shared/fold.ts';
import { USER_STATUS_COLORS, useLabels } from '../../shared/labels.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useOrganization } from '../organizations/api.ts';
import { canManageUsers } from '../organizations/permissions.ts';
import { AddUserModal } from './add-user-modal.tsx';
import { useOrganizationUsers, useUpdateOrganizationUser, type UserPatch } from './api.ts';
import { SetupLinkModal } from './setup-link-modal.tsx';
import { useUserExportColumns } from './user-export.ts';

/** An organisation's users: add staff or admins, change roles, disable and enable accounts. */
export default function OrganizationUsersPage() {
  const { t, i18n } = useTranslation('users');
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const labels = useLabels();
  const fmt = useFormat();
  const org = useOrganization(id);
  const users = useOrganizationUsers(id);
  const update = useUpdateOrganizationUser(id);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const manage = canManageUsers(me, id);
  const exportColumns = useUserExportColumns();

  const rows = useMemo(
    () => (users.data ?? []).filter((u) => (!q || foldedIncludes(`${u.fullName} ${u.email} ${u.phone ?? ''}`, q)) && (!role || u.role === role)),
    [users.data, q, role],
  );

  const change = (user: User, patch: UserPatch, done: string) =>
    update
      .mutateAsync({ userId: user.id, patch })
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
    {
      key: 'role',
      title: t('field.role'),
      sorter: (a, b) => a.role.localeCompare(b.role),
      render: (_v, u) =>
        manage && u.id !== me.user.id ? (
          <Select
            size="small"
            aria-label={t('changeRoleOf', { name: u.fullName })}
            value={u.role}
            style={{ minWidth: 150 }}
            onChange={(r: string) => void change(u, { role: r }, t('roleChanged', { name: u.fullName }))}
            options={(['org_staff', 'org_admin'] as const).map((r) => ({ value: r, label: labels.role(r) }))}
          />
        ) : (
          labels.role(u.role)
        ),
    },
    { key: 'status', title: t('field.status'), render: (_v, u) => <Tag color={USER_STATUS_COLORS[u.status]}>{labels.userStatus(u.status)}</Tag> },
    { key: 'totp', title: t('field.totp'), responsive: ['md'], render: (_v, u) => (u.totpEnabled ? t('common:yes') : t('common:no')) },
    { key: 'lastLogin', title: t('field.lastLoginAt'), responsive: ['md'], sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''), render: (_v, u) => fmt.dateTime(u.lastLoginAt) },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('common:actions')}</span>,
      render: (_v, u) =>
        manage && u.id !== me.user.id && u.status !== 'pending' ? (
          u.status === 'active' ? (
            <Popconfirm title={t('disableConfirm', { name: u.fullName })} okText={t('disable')} cancelText={t('common:cancel')} onConfirm={() => change(u, { status: 'disabled' }, t('disabled', { name: u.fullName }))}>
              <Button size="small" danger aria-label={t('disableNamed', { name: u.fullName })}>
                {t('disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" aria-label={t('enableNamed', { name: u.fullName })} onClick={() => void change(u, { status: 'active' }, t('enabled', { name: u.fullName }))}>
              {t('enable')}
            </Button>
          )
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('orgTitle')}
        subtitle={org.data?.name}
        extra={
          manage ? (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('add.button')}
            </Button>
          ) : null
        }
      />
      {users.isError ? <ProblemAlert problem={isProblemError(users.error) ? users.error.problem : null} /> : null}
      <Flex gap={8} wrap className="filters" role="search">
        <Input.Search allowClear placeholder={t('common:searchPlaceholder')} aria-label={t('search')} onChange={(e) => setQ(e.target.value)} style={{ width: 280 }} />
        <Select
          aria-label={t('field.role')}
          value={role}
          onChange={setRole}
          style={{ width: 200 }}
          options={[{ value: '', label: t('allRoles') }, ...(['org_admin', 'org_staff'] as const).map((r) => ({ value: r, label: labels.role(r) }))]}
        />
        <ExportButton rows={rows} columns={exportColumns} fileStem={t('fileStem')} sheetName={t('orgTitle')} />
      </Flex>
      <Table<User> rowKey="id" columns={columns} dataSource={rows} loading={users.isLoading} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }} />
      <AddUserModal
        orgId={id}
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(c) => {
          setAdding(false);
          void message.success(t('add.done', { name: c.user.fullName }));
          if (c.setupLink) setCreated(c);
        }}
      />
      <SetupLinkModal link={created?.setupLink ?? null} name={created?.user.fullName ?? ''} onClose={() => setCreated(null)} />
    </>
  );
}
