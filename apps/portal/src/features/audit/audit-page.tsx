import { useMemo } from 'react';
import { AutoComplete, Button, DatePicker, Flex, Select, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../api/problem.ts';
import type { AuditEvent, AuditOutcome } from '../../api/types.ts';
import { ExportButton, type ExportColumn } from '../../shared/export/export-button.tsx';
import { useFormat } from '../../shared/format.ts';
import { useLabels } from '../../shared/labels.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useSearchState } from '../../shared/use-search-state.ts';
import { KNOWN_ACTIONS, useAuditEvents, type AuditFilters } from './api.ts';
import { DiffView } from './diff-view.tsx';

const OUTCOME_COLORS: Record<string, string> = { success: 'green', denied: 'red', failed: 'orange' };
const DEFAULTS = { action: '', outcome: '', organizationId: '', from: '', to: '' };

/** The audit log within the official's (or organisation admin's) scope: filters, before/after, more pages. */
export default function AuditPage() {
  const { t } = useTranslation('audit');
  const labels = useLabels();
  const fmt = useFormat();
  const { values, update } = useSearchState(DEFAULTS);
  const filters: AuditFilters = {
    ...(values.action ? { action: values.action } : {}),
    ...(values.outcome ? { outcome: values.outcome as AuditOutcome } : {}),
    ...(values.organizationId ? { organizationId: values.organizationId } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  };
  const events = useAuditEvents(filters);
  const rows = useMemo(() => events.data?.pages.flatMap((p) => p.items) ?? [], [events.data]);
  const actionLabel = (action: string) => t(`action.${action.replace(/\./g, '_')}`, { defaultValue: action });
  const actorText = (e: AuditEvent) => [e.actor.label ?? t(`actorType.${e.actor.type ?? 'anonymous'}`), e.actor.role ? labels.role(e.actor.role) : null].filter(Boolean).join(' · ');

  const columns: TableProps<AuditEvent>['columns'] = [
    { key: 'time', title: t('field.occurredAt'), render: (_v, e) => fmt.dateTime(e.occurredAt) },
    { key: 'actor', title: t('field.actor'), render: (_v, e) => actorText(e) },
    {
      key: 'action',
      title: t('field.action'),
      render: (_v, e) => (
        <>
          {actionLabel(e.action)}
          <br />
          <Typography.Text type="secondary" code>
            {e.action}
          </Typography.Text>
        </>
      ),
    },
    { key: 'resource', title: t('field.resource'), responsive: ['lg'], render: (_v, e) => <Typography.Text code>{`${e.resource.type ?? ''}/${e.resource.id ?? ''}`}</Typography.Text> },
    { key: 'outcome', title: t('field.outcome'), render: (_v, e) => <Tag color={OUTCOME_COLORS[e.outcome]}>{t(`outcome.${e.outcome}`)}</Tag> },
  ];
  const exportColumns: ExportColumn<AuditEvent>[] = [
    { header: t('field.occurredAt'), value: (e) => new Date(e.occurredAt) },
    { header: t('field.actor'), value: actorText, width: 36 },
    { header: t('field.action'), value: (e) => actionLabel(e.action), width: 36 },
    { header: t('field.actionCode'), value: (e) => e.action },
    { header: t('field.resource'), value: (e) => `${e.resource.type ?? ''}/${e.resource.id ?? ''}`, width: 44 },
    { header: t('field.outcome'), value: (e) => t(`outcome.${e.outcome}`) },
    { header: t('field.requestId'), value: (e) => e.requestId },
    { header: t('diff.before'), value: (e) => (e.before === null || e.before === undefined ? null : JSON.stringify(e.before)), width: 60 },
    { header: t('diff.after'), value: (e) => (e.after === null || e.after === undefined ? null : JSON.stringify(e.after)), width: 60 },
  ];
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex gap={8} wrap className="filters" role="search" aria-label={t('filters')}>
        <AutoComplete
          aria-label={t('field.action')}
          placeholder={t('allActions')}
          allowClear
          defaultValue={values.action}
          key={values.action}
          style={{ width: 260 }}
          options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
          showSearch={{ filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          onSelect={(action: string | undefined) => update({ action: action ?? '' })}
          onChange={(v: string | undefined) => (!v ? update({ action: '' }) : undefined)}
          onBlur={(e) => update({ action: (e.target as HTMLInputElement).value.trim() })}
        />
        <Select
          aria-label={t('field.outcome')}
          value={values.outcome}
          style={{ width: 180 }}
          onChange={(outcome: string) => update({ outcome })}
          options={[{ value: '', label: t('allOutcomes') }, ...(['success', 'denied', 'failed'] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
        />
        <DatePicker.RangePicker
          aria-label={t('period')}
          value={range}
          allowEmpty={[true, true]}
          onChange={(dates) => update({ from: dates?.[0]?.startOf('day').toISOString() ?? '', to: dates?.[1]?.endOf('day').toISOString() ?? '' })}
        />
        {values.organizationId ? (
          <Tag closable onClose={() => update({ organizationId: '' })}>
            {t('organizationFilter')}
          </Tag>
        ) : null}
        <ExportButton rows={rows} columns={exportColumns} fileStem={t('fileStem')} sheetName={t('title')} />
      </Flex>
      {events.isError ? <ProblemAlert problem={isProblemError(events.error) ? events.error.problem : null} /> : null}
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={events.isLoading}
        pagination={false}
        scroll={{ x: true }}
        expandable={{ expandedRowRender: (e) => <DiffView before={e.before} after={e.after} />, rowExpandable: (e) => e.before !== null || e.after !== null }}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {events.hasNextPage ? (
          <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
            {t('common:loadMore')}
          </Button>
        ) : rows.length ? (
          <Typography.Text type="secondary">{t('end', { count: rows.length })}</Typography.Text>
        ) : null}
      </Flex>
    </>
  );
}
