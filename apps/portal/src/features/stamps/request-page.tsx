import { useState } from 'react';
import { CheckCircleTwoTone, CloseCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Flex, Input, InputNumber, List, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isProblemError, parseProblem, problemText } from '../../api/problem.ts';
import { useFormat } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useLots } from '../catalog/api.ts';
import { activate, approveRequest, LAYOUT_PRESETS, labelsUrl, rejectRequest, useDecisionMutation, usePrintJobs, useStampRequest, useStamps, useStampsMutation, type Stamp } from './api.ts';
import { REQUEST_COLORS } from './requests-page.tsx';

const STAMP_COLORS: Record<string, string> = { issued: 'default', printed: 'blue', active: 'green', void: 'red', lost: 'red', recalled: 'volcano' };

/** One request: the checks an approver decides on, issuance progress, printing, activation and the stamps. */
export default function RequestPage() {
  const { t, i18n } = useTranslation('stamps');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fmt = useFormat();
  const lang = i18n.resolvedLanguage ?? 'vi';
  const request = useStampRequest(id);
  const jobs = usePrintJobs(id);
  const [page, setPage] = useState(1);
  const stamps = useStamps({ requestId: id, page });
  const approve = useDecisionMutation(approveRequest);
  const reject = useDecisionMutation(rejectRequest);
  const activateRange = useStampsMutation(activate);
  const lots = useLots('', request.data?.productId);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [range, setRange] = useState<{ from?: number; to?: number }>({});
  const [print, setPrint] = useState<{ preset?: string; reprint: boolean; reason: string }>({ reprint: false, reason: '' });
  const [lotId, setLotId] = useState<string | undefined>();
  const [printing, setPrinting] = useState(false);
  const r = request.data;
  if (!r) return <ProblemAlert problem={isProblemError(request.error) ? request.error.problem : null} />;

  const fail = (err: unknown) => void message.error(err && typeof err === 'object' && 'problem' in err ? problemText((err as { problem: Parameters<typeof problemText>[0] }).problem, lang) : String(err));

  /** Downloads a print file; a refusal (already printed, range…) is shown, not saved. */
  const download = async (format: 'pdf' | 'zip') => {
    setPrinting(true);
    try {
      const url = labelsUrl(id, format, { ...range, ...(print.preset ? { preset: print.preset } : {}), ...(print.reprint ? { reprint: true, reason: print.reason } : {}) });
      const res = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': lang } });
      if (!res.ok) throw { problem: parseProblem(res.status, await res.json().catch(() => undefined)) };
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `labels.${format}`;
      const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
      a.click();
      URL.revokeObjectURL(a.href);
      void message.success(t('print.done', { count: Number(res.headers.get('x-label-count') ?? 0) }));
      await Promise.all([jobs.refetch(), stamps.refetch()]);
    } catch (err) {
      fail(err);
    } finally {
      setPrinting(false);
    }
  };

  const icon = (passed: boolean | null) => (passed === true ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : passed === false ? <CloseCircleTwoTone twoToneColor="#cf1322" /> : <MinusCircleOutlined />);
  const issued = r.issuedCount > 0;
  return (
    <>
      <PageHeader title={t('request.summary', { quantity: r.quantity.toLocaleString(lang), kind: t(`kind.${r.kind}`) })} subtitle={<Tag color={REQUEST_COLORS[r.status]}>{t(`requestStatus.${r.status}`)}</Tag>} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'product', label: t('field.product'), children: <Link to={`/catalog/products/${r.productId}`}>{r.gtin ?? r.productId.slice(0, 8)}</Link> },
          { key: 'lot', label: t('field.lot'), children: r.lotCode ?? '—' },
          { key: 'created', label: t('field.created'), children: `${fmt.dateTime(r.createdAt)} · ${r.createdBy ?? ''}` },
          { key: 'region', label: t('field.region'), children: `${r.expectedRegionKm} km` },
          ...(r.decidedAt ? [{ key: 'decided', label: t('field.decided'), children: `${fmt.dateTime(r.decidedAt)} · ${r.decidedBy ?? ''}${r.decisionReason ? ` — ${r.decisionReason}` : ''}` }] : []),
          ...(r.uriPrefix ? [{ key: 'uri', label: t('field.uri'), children: <Typography.Text code copyable>{`${r.uriPrefix}…`}</Typography.Text> }] : []),
        ]} />
        {r.status === 'issuing' ? <Progress percent={Math.floor((100 * r.issuedCount) / r.quantity)} status="active" aria-label={t('request.issuing')} /> : null}
      </Card>

      {r.checks ? (
        <Card size="small" title={t('checks.title')} style={{ marginBottom: 12 }}>
          <List size="small" dataSource={r.checks} renderItem={(c) => (
            <List.Item>
              <Space>{icon(c.passed)}<span>{c.label}</span>{Array.isArray(c.params.missing) && c.params.missing.length ? <Typography.Text type="danger">{(c.params.missing as string[]).join(', ')}</Typography.Text> : null}</Space>
            </List.Item>
          )} />
          {r.canDecide ? (
            <Flex gap={8} style={{ marginTop: 8 }}>
              <Button type="primary" loading={approve.isPending} disabled={r.checks.some((c) => c.passed === false)} onClick={() => approve.mutateAsync(r.id).then(() => void message.success(t('request.approved'))).catch(fail)}>{t('request.approve')}</Button>
              <Button danger onClick={() => setRejecting(true)}>{t('request.reject')}</Button>
            </Flex>
          ) : null}
        </Card>
      ) : null}

      {issued && !r.canDecide ? (
        <Card size="small" title={t('print.title')} style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap align="center">
            <span>{t('print.range')}</span>
            <InputNumber aria-label={t('print.from')} placeholder="1" min={1} max={r.issuedCount} value={range.from} onChange={(v) => setRange({ ...range, from: v ?? undefined })} />
            <InputNumber aria-label={t('print.to')} placeholder={String(r.issuedCount)} min={1} max={r.issuedCount} value={range.to} onChange={(v) => setRange({ ...range, to: v ?? undefined })} />
            <Select aria-label={t('field.layout')} placeholder={t('print.samePaper')} allowClear style={{ minWidth: 200 }} value={print.preset} onChange={(v) => setPrint({ ...print, preset: v })} options={LAYOUT_PRESETS.map((p) => ({ value: p, label: t(`preset.${p}`) }))} />
            <Checkbox checked={print.reprint} onChange={(e) => setPrint({ ...print, reprint: e.target.checked })}>{t('print.reprint')}</Checkbox>
            {print.reprint ? <Input aria-label={t('print.reason')} placeholder={t('print.reason')} value={print.reason} onChange={(e) => setPrint({ ...print, reason: e.target.value })} style={{ maxWidth: 260 }} /> : null}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{r.kind === 'qr_code' ? t('print.codesOnce') : t('print.help')}</Typography.Paragraph>
          <Flex gap={8}>
            <Button type="primary" loading={printing} onClick={() => void download('pdf')}>{t('print.pdf')}</Button>
            <Button loading={printing} onClick={() => void download('zip')}>{t('print.zip')}</Button>
          </Flex>
          {jobs.data?.items.length ? (
            <Table size="small" rowKey="id" style={{ marginTop: 12 }} pagination={false} dataSource={jobs.data.items} columns={[
              { key: 'at', title: t('print.when'), render: (_v, j) => fmt.dateTime(j.createdAt) },
              { key: 'range', title: t('print.range'), render: (_v, j) => `${j.from}–${j.to} (${j.labels})` },
              { key: 'format', title: t('print.format'), dataIndex: 'format' },
              { key: 'who', title: t('print.who'), dataIndex: 'printedBy', responsive: ['md'] },
              { key: 'reprint', title: t('print.reprint'), render: (_v, j) => (j.reprint ? <Tag color="orange">{j.reason}</Tag> : null) },
            ]} />
          ) : null}
        </Card>
      ) : null}

      {issued && !r.canDecide ? (
        <Card size="small" title={t('activate.title')} style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap align="center">
            <Select aria-label={t('field.lot')} placeholder={t('field.lot')} style={{ minWidth: 200 }} value={lotId} onChange={setLotId} options={(lots.data?.items ?? []).filter((l) => !r.lotId || l.id === r.lotId).map((l) => ({ value: l.id, label: l.lotCode }))} />
            <Button type="primary" disabled={!lotId} loading={activateRange.isPending} onClick={() => activateRange.mutateAsync({ lotId: lotId!, range: { requestId: r.id, from: range.from ?? 1, to: range.to ?? r.issuedCount } }).then((res) => void message.success(t('activate.result', { changed: res.changed, skipped: Object.values(res.skipped).reduce((a, b) => a + (b ?? 0), 0) }))).catch(fail)}>
              {t('activate.range', { from: range.from ?? 1, to: range.to ?? r.issuedCount })}
            </Button>
            <Button onClick={() => navigate('/stamps/activate')}>{t('activate.byScan')}</Button>
          </Flex>
        </Card>
      ) : null}

      {issued ? (
        <Table<Stamp> size="small" rowKey="serial" loading={stamps.isFetching} dataSource={stamps.data?.items ?? []} pagination={{ current: page, pageSize: 50, total: stamps.data?.total ?? 0, onChange: setPage, simple: true }} columns={[
          { key: 'seq', title: t('stamp.seq'), dataIndex: 'seq', width: 70 },
          { key: 'code', title: t('stamp.code'), render: (_v, s) => <Link to={`/stamps/scans/${s.serial}`} className="code">{s.humanCode}</Link> },
          { key: 'status', title: t('stamp.status'), render: (_v, s) => <Tag color={STAMP_COLORS[s.status]}>{t(`status.${s.status}`)}</Tag> },
          { key: 'scans', title: t('stamp.scans'), dataIndex: 'scanCount', responsive: ['sm'] },
          { key: 'flags', title: t('stamp.flags'), render: (_v, s) => s.flags.map((f) => <Tag key={f.code} color="red" title={f.message}>{t(`flag.${f.code}`)}</Tag>) },
        ]} />
      ) : null}

      <Modal open={rejecting} title={t('request.reject')} okText={t('request.reject')} okButtonProps={{ danger: true, disabled: reason.trim().length < 3, loading: reject.isPending }} cancelText={t('common:cancel')} onCancel={() => setRejecting(false)}
        onOk={() => reject.mutateAsync({ id: r.id, reason }).then(() => setRejecting(false)).catch(fail)}>
        <Input.TextArea aria-label={t('request.reason')} placeholder={t('request.reason')} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
