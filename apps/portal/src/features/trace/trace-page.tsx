import { useEffect, useMemo, useState } from 'react';
import { DownloadOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Radio, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isProblemError, problemText } from '../../api/problem.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useSearchState } from '../../shared/use-search-state.ts';
import { OPENERS } from '../recalls/labels.ts';
import { fsma204Url, traceExportUrl, useTrace, type TraceDirection, type TraceNode } from './api.ts';
import { downloadFrom } from './download.ts';
import { nodeCode, productName } from './node-label.ts';
import { TraceGraph } from './trace-graph.tsx';
import { IdentitiesTable, MassBalanceDetail, MovementsTable, PartiesList } from './trace-tables.tsx';

const DEFAULTS = { id: '', direction: 'both', depth: '25' } as const;
const DIRECTIONS: TraceDirection[] = ['back', 'both', 'forward'];
/** Goods a recall can name (places, parties and products are not). */
const RECALLABLE = new Set(['lot', 'item', 'shipment']);

/**
 * Trace any code (GS1 key in any form, element string, EPC URN, Digital Link, or a lot URI of this installation):
 * the chain back and forward as a drawing and as tables, the caps that cut it, mass-balance flags, and exports.
 */
export default function TracePage() {
  const { t, i18n } = useTranslation('trace');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { session } = useAuth();
  const mayRecall = session !== null && (OPENERS as readonly string[]).includes(session.role);
  const { values, update } = useSearchState(DEFAULTS);
  const query = useMemo(
    () => ({ id: values.id, direction: (DIRECTIONS.includes(values.direction as TraceDirection) ? values.direction : 'both') as TraceDirection, depth: Math.min(200, Math.max(1, Number(values.depth) || 25)) }),
    [values],
  );
  const [form] = Form.useForm<{ id: string; direction: TraceDirection; depth: number }>();
  useEffect(() => form.setFieldsValue(query), [form, query]);
  const trace = useTrace(query);
  const [downloading, setDownloading] = useState<string | null>(null);
  const data = query.id ? trace.data : undefined;

  const parties = useMemo(() => new Map((data?.parties ?? []).map((p) => [p.key, p])), [data]);
  const nodes = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n])), [data]);
  const lots = useMemo(() => (data?.nodes ?? []).filter((n) => n.kind === 'lot').map((n) => n.id), [data]);
  const flagged = useMemo(() => (data?.nodes ?? []).filter((n) => n.massBalance?.status === 'exceeds'), [data]);
  const traceFrom = (id: string) => {
    update({ id });
    window.scrollTo({ top: 0 });
  };
  const label = (n: TraceNode) => `${productName(n, lang) ?? t(`kind.${n.kind}`, { defaultValue: n.kind })} — ${nodeCode(n)}`;

  const download = async (key: string, url: string, fallback: string) => {
    setDownloading(key);
    try {
      const name = await downloadFrom(url, lang, fallback);
      void message.success(t('export.done', { name }));
    } catch (err) {
      void message.error(isProblemError(err) ? problemText(err.problem, lang) : String(err));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" initialValues={query} onFinish={(v) => update({ id: v.id.trim(), direction: v.direction, depth: v.depth })}>
          <Form.Item name="id" label={t('form.code')} extra={t('form.codeHelp')} rules={[{ required: true, whitespace: true, message: t('form.codeRequired') }]}>
            <Input allowClear placeholder={t('form.codePlaceholder')} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Flex gap={16} wrap align="end">
            <Form.Item name="direction" label={t('form.direction')} style={{ marginBottom: 0 }}>
              <Radio.Group optionType="button" options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
            </Form.Item>
            <Form.Item name="depth" label={t('form.depth')} style={{ marginBottom: 0 }}>
              <InputNumber min={1} max={200} style={{ width: 100 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={trace.isFetching}>{t('form.submit')}</Button>
          </Flex>
        </Form>
      </Card>

      {isProblemError(trace.error) ? <ProblemAlert problem={trace.error.problem} /> : null}
      {!query.id ? <Typography.Paragraph type="secondary">{t('empty')}</Typography.Paragraph> : null}

      {data ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text className="trace-summary">
              {t('summary', { identities: data.nodes.length, events: data.events.length, parties: data.parties.length, direction: t(`direction.${data.query.direction}`), depth: data.query.depth })}
            </Typography.Text>
            <Flex gap={8} wrap>
              {mayRecall && RECALLABLE.has(data.query.kind) ? (
                <Button danger icon={<WarningOutlined />} onClick={() => navigate(`/recalls?target=${encodeURIComponent(data.query.input)}`)}>{t('recall')}</Button>
              ) : null}
              <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => void download('xlsx', traceExportUrl(query, 'xlsx', lang), 'trace.xlsx')}>{t('export.xlsx')}</Button>
              <Button icon={<DownloadOutlined />} loading={downloading === 'csv'} onClick={() => void download('csv', traceExportUrl(query, 'csv', lang), 'trace.csv')}>{t('export.csv')}</Button>
              <Button icon={<DownloadOutlined />} loading={downloading === 'fsma'} disabled={lots.length === 0} title={lots.length === 0 ? t('export.fsmaNoLots') : undefined} onClick={() => void download('fsma', fsma204Url(lots, lang), 'fsma204.xlsx')}>{t('export.fsma')}</Button>
            </Flex>
          </Flex>
          {data.truncated ? (
            <Alert type="warning" showIcon role="status" className="trace-truncated" title={t('truncated')} description={<ul className="problem-list">{data.truncations.map((x, i) => <li key={i}>{lang === 'en' ? x.messages.en : x.messages.vi}</li>)}</ul>} />
          ) : null}
          {flagged.length ? (
            <Alert type="error" showIcon className="trace-balance-flag" title={t('balance.flagged', { n: flagged.length })} description={flagged.map((n) => (
              <div key={n.id}>
                <Typography.Text strong>{label(n)}</Typography.Text>
                {n.massBalance ? <MassBalanceDetail balance={n.massBalance} parties={parties} /> : null}
              </div>
            ))} />
          ) : null}
          {data.cycles.length ? <Alert type="info" showIcon title={t('cycles', { n: data.cycles.length })} /> : null}
          {data.nodes.length === 0 ? <Typography.Paragraph>{t('nothing')}</Typography.Paragraph> : (
            <Tabs items={[
              { key: 'graph', label: t('tabs.graph'), children: <TraceGraph nodes={data.nodes} edges={data.edges} onTrace={traceFrom} /> },
              { key: 'table', label: t('tabs.table'), children: <IdentitiesTable nodes={data.nodes} parties={parties} onTrace={traceFrom} /> },
              { key: 'movements', label: t('tabs.movements', { n: data.movements.length }), children: <MovementsTable movements={data.movements} parties={parties} nodes={nodes} /> },
              { key: 'parties', label: t('tabs.parties', { n: data.parties.length }), children: <PartiesList parties={data.parties} /> },
            ]} />
          )}
        </Space>
      ) : null}
    </>
  );
}
