import { Button, Descriptions, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format.ts';
import type { BalanceStatus, MassBalance, Movement, Party, Quantity, TraceNode } from './api.ts';
import { nodeCode, productName } from './node-label.ts';

export const BALANCE_COLORS: Record<BalanceStatus, string> = { ok: 'green', exceeds: 'red', unknown: 'default' };

const amount = (v: number | null, unit: string | null, lang: string) => (v === null ? '—' : `${v.toLocaleString(lang)}${unit ? ` ${unit}` : ''}`);

export function partyName(parties: ReadonlyMap<string, Party>, key: string | null): string {
  if (!key) return '—';
  return parties.get(key)?.name ?? key;
}

/** Each transformation against its yield and what each party received against what it passed on. */
export function MassBalanceDetail({ balance, parties }: { balance: MassBalance; parties: ReadonlyMap<string, Party> }) {
  const { t, i18n } = useTranslation('trace');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const fmt = useFormat();
  const dim = (d: string | null) => (d ? t(`dimension.${d}`, { defaultValue: d }) : null);
  return (
    <>
      {balance.transformations.length ? (
        <List size="small" header={t('balance.transformations')} dataSource={[...balance.transformations]} renderItem={(x) => (
          <List.Item>
            <Tag color={BALANCE_COLORS[x.status]}>{t(`balance.status.${x.status}`)}</Tag>
            {fmt.dateTime(x.time)} ·{' '}
            {t('balance.transformation', { needed: amount(x.inputNeeded, dim(x.dimension), lang), given: amount(x.inputGiven, dim(x.dimension), lang), tolerance: x.tolerancePercent })}
            {x.reason ? <Typography.Text type="secondary"> · {t(`balance.reason.${x.reason}`)}</Typography.Text> : null}
          </List.Item>
        )} />
      ) : null}
      {balance.holdings.length ? (
        <List size="small" header={t('balance.holdings')} dataSource={[...balance.holdings]} renderItem={(h) => (
          <List.Item>
            <Tag color={BALANCE_COLORS[h.status]}>{t(`balance.status.${h.status}`)}</Tag>
            {t('balance.holding', { party: partyName(parties, h.party), cameIn: amount(h.cameIn, dim(h.dimension), lang), wentOut: amount(h.wentOut, dim(h.dimension), lang) })}
          </List.Item>
        )} />
      ) : null}
    </>
  );
}

/** Every identity of the trace: what it is, how far from the code traced, who recorded it, its mass balance. */
export function IdentitiesTable({ nodes, parties, onTrace }: { nodes: readonly TraceNode[]; parties: ReadonlyMap<string, Party>; onTrace: (id: string) => void }) {
  const { t, i18n } = useTranslation('trace');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const steps = (n: TraceNode) =>
    n.side === 'origin' ? t('side.origin') : [n.depth.back !== null ? t('side.back', { steps: n.depth.back }) : null, n.depth.forward !== null ? t('side.forward', { steps: n.depth.forward }) : null].filter(Boolean).join(' · ');
  return (
    <Table<TraceNode>
      className="trace-identities"
      size="small"
      rowKey="id"
      dataSource={[...nodes]}
      pagination={nodes.length > 50 ? { pageSize: 50, simple: true } : false}
      scroll={{ x: 'max-content' }}
      expandable={{ rowExpandable: (n) => n.massBalance !== null, expandedRowRender: (n) => (n.massBalance ? <MassBalanceDetail balance={n.massBalance} parties={parties} /> : null) }}
      columns={[
        {
          key: 'what',
          title: t('table.identity'),
          render: (_v, n) => (
            <>
              <Typography.Text strong>{productName(n, lang) ?? t(`kind.${n.kind}`, { defaultValue: n.kind })}</Typography.Text>
              <br />
              <Typography.Text type="secondary" className="code">{nodeCode(n)}</Typography.Text>
            </>
          ),
        },
        { key: 'kind', title: t('table.kind'), render: (_v, n) => <Tag>{t(`kind.${n.kind}`, { defaultValue: n.kind })}</Tag> },
        { key: 'steps', title: t('table.steps'), render: (_v, n) => steps(n) },
        { key: 'by', title: t('table.recordedBy'), responsive: ['md'], render: (_v, n) => n.recordedBy.map((k) => partyName(parties, k)).join(', ') },
        { key: 'events', title: t('table.events'), dataIndex: 'eventCount', responsive: ['sm'] },
        { key: 'balance', title: t('table.massBalance'), render: (_v, n) => (n.massBalance ? <Tag color={BALANCE_COLORS[n.massBalance.status]}>{t(`balance.status.${n.massBalance.status}`)}</Tag> : '—') },
        { key: 'go', title: t('table.actions'), render: (_v, n) => <Button size="small" onClick={() => onTrace(n.id)}>{t('table.traceFrom')}</Button> },
      ]}
    />
  );
}

/** Who handed what to whom: the shipments and receipts between parties in the trace. */
export function MovementsTable({ movements, parties, nodes }: { movements: readonly Movement[]; parties: ReadonlyMap<string, Party>; nodes: ReadonlyMap<string, TraceNode> }) {
  const { t, i18n } = useTranslation('trace');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const fmt = useFormat();
  const what = (q: Quantity) => {
    const n = nodes.get(q.id);
    const name = n ? `${productName(n, lang) ?? ''} ${nodeCode(n)}`.trim() : q.id;
    return q.quantity !== null ? `${name}: ${q.quantity.toLocaleString(lang)}${q.uom ? ` ${t(`uom.${q.uom}`, { defaultValue: q.uom })}` : ''}` : name;
  };
  return (
    <Table<Movement>
      className="trace-movements"
      size="small"
      rowKey="eventId"
      dataSource={[...movements]}
      pagination={movements.length > 50 ? { pageSize: 50, simple: true } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('table.noMovements') }}
      columns={[
        { key: 'time', title: t('table.time'), render: (_v, m) => fmt.dateTime(m.time) },
        { key: 'step', title: t('table.bizStep'), render: (_v, m) => (m.bizStep ? t(`bizStep.${m.bizStep}`, { defaultValue: m.bizStep }) : '—') },
        { key: 'from', title: t('table.from'), render: (_v, m) => partyName(parties, m.from) },
        { key: 'to', title: t('table.to'), render: (_v, m) => partyName(parties, m.to) },
        { key: 'what', title: t('table.what'), render: (_v, m) => m.what.map((q) => <div key={q.id}>{what(q)}</div>) },
        { key: 'docs', title: t('table.documents'), responsive: ['md'], render: (_v, m) => (m.documents.length ? m.documents.map((d) => d.id).join(', ') : '—') },
      ]}
    />
  );
}

export function PartiesList({ parties }: { parties: readonly Party[] }) {
  const { t } = useTranslation('trace');
  return (
    <Descriptions size="small" column={1} items={parties.map((p) => ({ key: p.key, label: p.name, children: [p.registered ? t('party.registered') : t('party.partner'), p.gln ? t('party.gln', { gln: p.gln }) : null].filter(Boolean).join(' · ') }))} />
  );
}
