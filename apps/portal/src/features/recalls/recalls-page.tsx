import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/problem.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { useFormat } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useRecalls, type RecallSummary } from './api.ts';
import { OPENERS, SEVERITY_COLORS, STATUS_COLORS } from './labels.ts';
import { OpenRecallModal } from './open-recall-modal.tsx';

type Filter = 'all' | 'open' | 'closed';

/** The recalls the reader is concerned by (its goods, goods it held, its scope as an official), newest first. */
export default function RecallsPage() {
  const { t, i18n } = useTranslation('recalls');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const fmt = useFormat();
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<Filter>('all');
  const recalls = useRecalls(filter === 'all' ? undefined : filter);
  // `?target=<code>` (from the trace screen) opens the form with that code filled in.
  const target = params.get('target');
  const [opening, setOpening] = useState(target !== null);
  const mayOpen = session !== null && (OPENERS as readonly string[]).includes(session.role);
  const close = () => {
    setOpening(false);
    if (target !== null) setParams({}, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} extra={mayOpen ? <Button type="primary" danger icon={<PlusOutlined />} onClick={() => setOpening(true)}>{t('open.button')}</Button> : null} />
      <Segmented<Filter> style={{ marginBottom: 12 }} value={filter} onChange={setFilter} options={(['all', 'open', 'closed'] as const).map((f) => ({ value: f, label: t(`filter.${f}`) }))} />
      {isProblemError(recalls.error) ? <ProblemAlert problem={recalls.error.problem} /> : null}
      <Table<RecallSummary>
        className="recalls-table"
        size="small"
        rowKey="id"
        loading={recalls.isLoading}
        dataSource={recalls.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: 'number', title: t('field.number'), render: (_v, r) => <Link to={`/recalls/${r.id}`}>{r.number}</Link> },
          { key: 'status', title: t('field.status'), render: (_v, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`status.${r.status}`)}</Tag> },
          { key: 'severity', title: t('field.severity'), render: (_v, r) => <Tag color={SEVERITY_COLORS[r.severity]}>{lang === 'en' ? r.severityLabel.en : r.severityLabel.vi}</Tag> },
          { key: 'reason', title: t('field.reason'), render: (_v, r) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 420 }}>{r.reason}</Typography.Paragraph> },
          { key: 'targets', title: t('field.targets'), responsive: ['md'], render: (_v, r) => t('targetsCount', { n: r.targets.length }) },
          { key: 'opened', title: t('field.openedAt'), render: (_v, r) => fmt.dateTime(r.openedAt) },
          { key: 'closed', title: t('field.closedAt'), responsive: ['md'], render: (_v, r) => fmt.dateTime(r.closedAt) },
        ]}
      />
      {opening ? <OpenRecallModal open initialCodes={target ?? undefined} onClose={close} /> : null}
    </>
  );
}
