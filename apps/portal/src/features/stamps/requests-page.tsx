import { Button, Card, Col, List, Row, Segmented, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isOfficialRole } from '../../api/types.ts';
import { useMe } from '../../app/auth-context.tsx';
import { useFormat } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { useSearchState } from '../../shared/use-search-state.ts';
import { useStampRequests, useStock, type StampRequest, type StampStatus } from './api.ts';

export const REQUEST_COLORS: Record<StampRequest['status'], string> = { pending: 'gold', approved: 'blue', issuing: 'blue', issued: 'green', rejected: 'red', failed: 'red' };
const STOCK: StampStatus[] = ['issued', 'printed', 'active', 'void', 'lost', 'recalled'];
const OFFICIAL_VIEW = { view: 'queue' };
const ORG_VIEW = { view: 'all' };

/** Stamps at a glance: the organisation's requests and stock, or the official's queue of requests to decide. */
export default function RequestsPage() {
  const { t } = useTranslation('stamps');
  const navigate = useNavigate();
  const me = useMe();
  const fmt = useFormat();
  const official = isOfficialRole(me.user.role);
  const { values, page, update } = useSearchState(official ? OFFICIAL_VIEW : ORG_VIEW);
  const queue = values.view === 'queue';
  const requests = useStampRequests({ status: queue ? 'pending' : values.view === 'all' ? undefined : values.view, decidable: queue || undefined, page });
  const stock = useStock();
  const totals = STOCK.map((s) => [s, (stock.data?.items ?? []).reduce((n, o) => n + (o.counts[s] ?? 0), 0)] as const);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={official ? t('subtitleOfficial') : t('subtitle')}
        extra={official ? null : <><Button onClick={() => navigate('/stamps/activate')}>{t('activate.title')}</Button><Button type="primary" onClick={() => navigate('/stamps/new')}>{t('request.new')}</Button></>}
      />
      <Card size="small" title={t('stock.title')} style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          {totals.map(([s, n]) => (
            <Col key={s} xs={8} md={4}><Statistic title={t(`status.${s}`)} value={n} /></Col>
          ))}
        </Row>
      </Card>
      <Segmented
        value={values.view}
        onChange={(v) => update({ view: String(v) })}
        options={[...(official ? [{ value: 'queue', label: t('view.queue') }] : []), { value: 'all', label: t('view.all') }, { value: 'pending', label: t('requestStatus.pending') }, { value: 'issued', label: t('requestStatus.issued') }, { value: 'rejected', label: t('requestStatus.rejected') }]}
        style={{ marginBottom: 12 }}
      />
      <List<StampRequest>
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        locale={{ emptyText: queue ? t('view.queueEmpty') : t('view.empty') }}
        pagination={{ current: page, pageSize: 20, total: requests.data?.total ?? 0, onChange: (p) => update({ page: p }), simple: true }}
        renderItem={(r) => (
          <List.Item actions={[<Button key="open" size="small" type={r.canDecide ? 'primary' : 'default'} onClick={() => navigate(`/stamps/requests/${r.id}`)}>{r.canDecide ? t('request.review') : t('request.open')}</Button>]}>
            <List.Item.Meta
              title={<Link to={`/stamps/requests/${r.id}`}>{t('request.summary', { quantity: r.quantity.toLocaleString(fmt.lang), kind: t(`kind.${r.kind}`) })}</Link>}
              description={
                <>
                  <Tag color={REQUEST_COLORS[r.status]}>{t(`requestStatus.${r.status}`)}</Tag>
                  <Typography.Text type="secondary">{fmt.dateTime(r.createdAt)} · {r.createdBy}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
