import { Card, Image, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ProblemError } from '../../api/problem.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useReports, useUpdateReport, type ReportStatus } from './api.ts';

const STATUSES: ReportStatus[] = ['new', 'in_progress', 'closed'];

/** The inbox of consumers' reports: what, about which product and stamp, and the handling status. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [status, setStatus] = useState<ReportStatus | undefined>(undefined);
  const reports = useReports(status);
  const update = useUpdateReport();
  const items = (reports.data?.items ?? []).filter((r) => !id || r.id === id);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('reports:title')}</Typography.Title>
      <Select allowClear placeholder={t('reports:filterStatus')} style={{ minWidth: 200 }} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: t(`reports:status.${s}`) }))} aria-label={t('reports:filterStatus')} />
      {reports.error instanceof ProblemError ? <ProblemAlert problem={reports.error.problem} /> : null}
      <List
        loading={reports.isLoading}
        dataSource={items}
        locale={{ emptyText: t('reports:empty') }}
        renderItem={(r) => (
          <List.Item>
            <Card style={{ width: '100%' }} title={`${t('reports:number', { number: r.number })} — ${t(`reports:category.${r.category}`)}`} extra={<Tag>{t(`reports:status.${r.status}`)}</Tag>}>
              <Typography.Paragraph>{r.message}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                {t('reports:about', { product: r.context.productName ?? r.ref, stamp: r.context.stampCode ?? '—', stampStatus: r.context.stampStatus ?? '—' })}
              </Typography.Paragraph>
              {r.contact ? <Typography.Paragraph>{t('reports:contact', { contact: r.contact })}</Typography.Paragraph> : null}
              {r.photoUrl ? <Image width={160} src={`/api/v1/reports/${r.id}/photo`} alt={t('reports:photo')} /> : null}
              <Space>
                <Select value={r.status} onChange={(s) => update.mutate({ id: r.id, status: s })} options={STATUSES.map((s) => ({ value: s, label: t(`reports:status.${s}`) }))} aria-label={t('reports:setStatus')} />
                <Typography.Text type="secondary">{new Date(r.createdAt).toLocaleString()}</Typography.Text>
              </Space>
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}
