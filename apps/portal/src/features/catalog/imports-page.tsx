// Excel import and export: template, upload, the report row by row (which cell, what is wrong), then "write
// the valid rows" or "write everything"; a running import keeps its progress on the server (the import id is in
// the URL, so a reload comes back to it).
import { useState } from 'react';
import { Alert, Button, Card, Progress, Select, Space, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblemError, type Problem } from '../../api/problem.ts';
import { useMe } from '../../app/auth-context.tsx';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { uploadFile, useCatalogMutation, useImport, type ImportView } from './api.ts';
import { useBilingual } from './use-can-write.ts';

const LISTS = ['products', 'places', 'lots', 'diary'] as const;

export default function ImportsPage() {
  const { t, i18n } = useTranslation('catalog');
  const text = useBilingual();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [list, setList] = useState<(typeof LISTS)[number]>((params.get('list') as (typeof LISTS)[number]) ?? 'products');
  const importId = params.get('import');
  const view = useImport(importId);
  const [problem, setProblem] = useState<Problem | null>(null);
  const commit = useCatalogMutation((mode: 'valid-rows' | 'all-or-nothing') => api.post<ImportView>(`/imports/${importId}/commit`, { mode }));
  const v = view.data;
  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select aria-label={t('import.list')} value={list} onChange={(l) => setList(l)} options={LISTS.map((l) => ({ value: l, label: t(`import.lists.${l}`) }))} style={{ minWidth: 160 }} />
          <Button href={`/api/v1/imports/templates/${list}.xlsx`}>{t('import.template')}</Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            customRequest={async ({ file }) => {
              setProblem(null);
              try {
                const started = await uploadFile<ImportView>(`/imports?list=${list}`, file as File, me.csrfToken, i18n.resolvedLanguage ?? 'vi');
                setParams({ list, import: started.id });
              } catch (err) {
                setProblem(isProblemError(err) ? err.problem : null);
              }
            }}
          >
            <Button type="primary">{t('import.upload')}</Button>
          </Upload>
        </Space>
      </Card>
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
      {v ? (
        <Card size="small" title={`${v.fileName} — ${t(`import.status.${v.status}`)}`} style={{ marginBottom: 16 }}>
          {v.status === 'validating' || v.status === 'committing' ? (
            <Progress percent={v.progress.total ? Math.floor((100 * v.progress.done) / v.progress.total) : 0} format={() => t('import.progress', { done: v.progress.done, total: v.progress.total ?? '?' })} />
          ) : null}
          {v.fileError ? <Alert type="error" showIcon title={text(v.fileError.messages)} /> : null}
          {v.notices.map((n) => <Alert key={n.code} type="warning" showIcon title={text(n.messages)} style={{ marginTop: 8 }} />)}
          {v.totalRows !== null && !v.fileError ? <p>{t('import.summary', { total: v.totalRows, valid: v.validRows, invalid: v.invalidRows })}</p> : null}
          {v.status === 'committed' ? <Alert type="success" showIcon title={t('import.committed', { count: v.committedRows })} /> : null}
          {v.status === 'validated' ? (
            <Space wrap style={{ marginBottom: 12 }}>
              <Button type="primary" disabled={!v.validRows} loading={commit.isPending} onClick={() => commit.mutate('valid-rows', { onError: (e) => setProblem(isProblemError(e) ? e.problem : null), onSuccess: () => void view.refetch() })}>{t('import.commitValid')}</Button>
              <Button disabled={(v.invalidRows ?? 0) > 0} loading={commit.isPending} onClick={() => commit.mutate('all-or-nothing', { onError: (e) => setProblem(isProblemError(e) ? e.problem : null), onSuccess: () => void view.refetch() })}>{t('import.commitAll')}</Button>
            </Space>
          ) : null}
          {v.errors.length ? (
            <Table
              size="small"
              rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
              dataSource={v.errors}
              pagination={{ pageSize: 50, simple: true }}
              scroll={{ x: true }}
              columns={[
                { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 },
                { key: 'col', title: t('import.column'), render: (_x, e) => (e.column ? `${e.column}${e.header ? ` (${e.header})` : ''}` : '—') },
                { key: 'problem', title: t('import.problem'), render: (_x, e) => text(e.messages) },
              ]}
              footer={v.moreErrors ? () => t('import.moreErrors', { count: v.moreErrors }) : undefined}
            />
          ) : null}
        </Card>
      ) : null}
      <Card size="small" title={t('import.export')}>
        <Space wrap>
          {LISTS.map((l) => (
            <Space.Compact key={l}>
              <Button href={`/api/v1/exports/${l}.xlsx`}>{`${t(`import.lists.${l}`)} · ${t('import.exportXlsx')}`}</Button>
              <Button href={`/api/v1/exports/${l}.csv`}>{t('import.exportCsv')}</Button>
            </Space.Compact>
          ))}
        </Space>
      </Card>
    </>
  );
}
