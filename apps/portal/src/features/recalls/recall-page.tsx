import { useState } from 'react';
import { DownloadOutlined, FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblemError, problemText } from '../../api/problem.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { useFormat } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { downloadFrom } from '../trace/download.ts';
import { noticeUrl, scopeUrl, useCloseRecall, useRecall, useRecallAction, useRefreshScope, type Holder, type HolderAction, type Recall } from './api.ts';
import { HolderActionModal } from './holder-action-modal.tsx';
import { HoldersTable, useAmounts } from './holders-table.tsx';
import { SEVERITY_COLORS, STATUS_COLORS } from './labels.ts';

/** One recall: what and why, the computed scope, every holder's acknowledgement and returns, and its closing. */
export default function RecallPage() {
  const { t, i18n } = useTranslation('recalls');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const fmt = useFormat();
  const { session } = useAuth();
  const recall = useRecall(id);
  const act = useRecallAction(id);
  const refresh = useRefreshScope(id);
  const closeRecall = useCloseRecall(id);
  const [acting, setActing] = useState<{ holder: Holder; action: HolderAction } | null>(null);
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState('');
  const [downloading, setDownloading] = useState<string | null>(null);
  const r = recall.data;
  if (!r) return recall.isLoading ? null : <ProblemAlert problem={isProblemError(recall.error) ? recall.error.problem : null} />;

  const fail = (err: unknown) => void message.error(isProblemError(err) ? problemText(err.problem, lang) : String(err));
  const onAct = (holder: Holder, action: HolderAction) => {
    if (action !== 'acknowledged') return setActing({ holder, action });
    act.mutateAsync({ holder: holder.key, action }).then(() => void message.success(t('act.acknowledgedDone'))).catch(fail);
  };
  const download = (format: 'xlsx' | 'csv') => {
    setDownloading(format);
    downloadFrom(scopeUrl(r.id, format, lang), lang, `${r.number}.${format}`).catch(fail).finally(() => setDownloading(null));
  };
  const mine = r.holders.filter((h) => h.canAct && h.organizationId !== null && h.organizationId === session?.organizationId);

  return (
    <>
      <PageHeader
        title={t('recall.title', { number: r.number })}
        subtitle={
          <>
            <Tag color={STATUS_COLORS[r.status]} className="recall-status">{t(`status.${r.status}`)}</Tag>
            <Tag color={SEVERITY_COLORS[r.severity]}>{lang === 'en' ? r.severityLabel.en : r.severityLabel.vi}</Tag>
          </>
        }
        extra={
          <>
            <Button icon={<FilePdfOutlined />} href={noticeUrl(r.number)} target="_blank" rel="noopener">{t('recall.notice')}</Button>
            <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => download('xlsx')}>{t('recall.scopeXlsx')}</Button>
            <Button icon={<DownloadOutlined />} loading={downloading === 'csv'} onClick={() => download('csv')}>{t('recall.scopeCsv')}</Button>
            {r.canClose ? <Button icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => refresh.mutateAsync().then((x) => void message.success(t('recall.refreshed', { holders: x.summary.holders }))).catch(fail)}>{t('recall.refresh')}</Button> : null}
            {r.canClose ? <Button type="primary" danger onClick={() => setClosing(true)}>{t('recall.close')}</Button> : null}
          </>
        }
      />

      {mine.length && r.status === 'open' ? (
        <Alert
          type="warning"
          showIcon
          className="recall-your-part"
          style={{ marginBottom: 12 }}
          title={t('yourPart.title')}
          description={
            <>
              <Typography.Paragraph>{r.instructions ?? t('yourPart.defaultInstructions')}</Typography.Paragraph>
              {mine.map((h) => (
                <div key={h.key}>
                  {t('yourPart.status', { holder: h.name ?? '', status: t(`holderStatus.${h.status}`) })}{' '}
                  {h.status === 'notified' || h.status === 'unreachable' ? <Button type="primary" size="small" onClick={() => onAct(h, 'acknowledged')} loading={act.isPending}>{t('act.acknowledge')}</Button> : null}{' '}
                  <Button size="small" onClick={() => onAct(h, 'returned')}>{t('act.report')}</Button>
                </div>
              ))}
            </>
          }
        />
      ) : null}

      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'reason', label: t('field.reason'), children: r.reason, span: 2 },
          { key: 'instructions', label: t('field.instructions'), children: r.instructions ?? '—' },
          { key: 'contact', label: t('field.contact'), children: r.contact ?? '—' },
          { key: 'targets', label: t('field.targets'), span: 2, children: r.targets.map((x) => <div key={x}><Link to={`/trace?id=${encodeURIComponent(x)}&direction=forward`} className="code">{x}</Link></div>) },
          ...(r.criteria.productId ? [{ key: 'range', label: t('field.range'), children: `${fmt.date(r.criteria.from ?? null)} – ${fmt.date(r.criteria.to ?? null)}` }] : []),
          { key: 'opened', label: t('field.openedAt'), children: `${fmt.dateTime(r.openedAt)} · ${r.openedByLabel} (${t(`opener.${r.openerKind}`)})` },
          { key: 'scope', label: t('field.scopeComputedAt'), children: fmt.dateTime(r.scopeComputedAt) },
          ...(r.closedAt ? [{ key: 'closed', label: t('field.closedAt'), children: `${fmt.dateTime(r.closedAt)} · ${r.closedByLabel ?? ''}` }, { key: 'note', label: t('field.closingNote'), children: r.closingNote ?? '—' }] : []),
        ]} />
      </Card>

      {r.truncations.length ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('recall.truncated')} description={<ul className="problem-list">{r.truncations.map((x, i) => <li key={i}>{lang === 'en' ? x.messages.en : x.messages.vi}</li>)}</ul>} />
      ) : null}

      {r.report ? <ReportCard recall={r} /> : null}

      <Card size="small" title={t('scope.title')} style={{ marginBottom: 12 }}>
        <div className="recall-summary" style={{ display: 'flex', gap: 24, flexWrap: 'wrap', marginBottom: 12 }}>
          <Statistic title={t('scope.affected')} value={r.affectedCount} />
          <Statistic title={t('scope.holders')} value={r.summary.holders} />
          <Statistic title={t('scope.notified')} value={r.summary.notified} />
          <Statistic title={t('scope.unreachable')} value={r.summary.unreachable} />
          <Statistic title={t('scope.acknowledged')} value={r.summary.acknowledged} />
          <Statistic title={t('scope.completed')} value={r.summary.completed} />
        </div>
        <Typography.Paragraph type="secondary">{t('scope.mapNote')}</Typography.Paragraph>
        <HoldersTable holders={r.holders} onAct={onAct} />
      </Card>

      <Card size="small" title={t('history.title')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={[...r.actions]}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('history.empty') }}
          columns={[
            { key: 'at', title: t('history.at'), render: (_v, a) => fmt.dateTime(a.recordedAt) },
            { key: 'holder', title: t('holder.name'), render: (_v, a) => r.holders.find((h) => h.key === a.holderKey)?.name ?? t('holder.hidden') },
            { key: 'action', title: t('history.action'), render: (_v, a) => t(`action.${a.action}`) },
            { key: 'quantity', title: t('act.quantity'), render: (_v, a) => (a.quantity !== null ? `${a.quantity.toLocaleString(lang)} ${a.uom ? t(`unit.${a.uom}`, { defaultValue: a.uom }) : ''}` : '—') },
            { key: 'note', title: t('act.note'), render: (_v, a) => a.note ?? '—' },
            { key: 'by', title: t('history.by'), responsive: ['md'], render: (_v, a) => a.recordedByLabel ?? '—' },
          ]}
        />
      </Card>

      {acting ? <HolderActionModal recallId={r.id} holder={acting.holder} initialAction={acting.action} onClose={() => setActing(null)} /> : null}
      <Modal
        open={closing}
        title={t('recall.closeTitle', { number: r.number })}
        okText={t('recall.close')}
        okButtonProps={{ danger: true, loading: closeRecall.isPending }}
        cancelText={t('common:cancel')}
        onCancel={() => setClosing(false)}
        onOk={() => closeRecall.mutateAsync(note.trim() || null).then(() => { setClosing(false); void message.success(t('recall.closed')); }).catch(fail)}
      >
        <Typography.Paragraph>{t('recall.closeHelp', { acknowledged: r.summary.acknowledged + r.summary.completed, holders: r.summary.holders })}</Typography.Paragraph>
        <Input.TextArea aria-label={t('field.closingNote')} placeholder={t('field.closingNote')} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}

/** The closing report: reach, acknowledgements, and quantities held against returned and destroyed. */
function ReportCard({ recall }: { recall: Recall }) {
  const { t } = useTranslation('recalls');
  const amounts = useAmounts();
  const report = recall.report!;
  const dims = Object.keys(report.quantities);
  const pick = (k: 'held' | 'returned' | 'destroyed') => Object.fromEntries(dims.map((d) => [d, report.quantities[d]![k]]));
  return (
    <Card size="small" title={t('report.title')} className="recall-report" style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
        { key: 'affected', label: t('scope.affected'), children: report.affected },
        { key: 'holders', label: t('scope.holders'), children: t('report.holders', { holders: report.holders, registered: report.registeredHolders, unreachable: report.unreachable }) },
        { key: 'ack', label: t('scope.acknowledged'), children: t('report.acknowledged', { acknowledged: report.acknowledged, completed: report.completed }) },
        { key: 'held', label: t('holder.held'), children: amounts(pick('held')) },
        { key: 'returned', label: t('holder.returned'), children: amounts(pick('returned')) },
        { key: 'destroyed', label: t('holder.destroyed'), children: amounts(pick('destroyed')) },
        { key: 'hours', label: t('report.hoursOpen'), children: t('report.hours', { hours: report.hoursOpen.toFixed(1) }) },
      ]} />
    </Card>
  );
}
