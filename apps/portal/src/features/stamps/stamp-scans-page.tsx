import { Alert, Card, Col, Descriptions, List, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFormat } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { useScanStatistics } from './api.ts';

/** A stamp's scans, as its owner and officials see them: counts, places shared, devices, suspicion flags. */
export default function StampScansPage() {
  const { t } = useTranslation('stamps');
  const { serial = '' } = useParams();
  const fmt = useFormat();
  const stats = useScanStatistics(serial);
  const s = stats.data;
  return (
    <>
      <PageHeader title={t('scans.title')} subtitle={<span className="code">{serial}</span>} />
      {s ? (
        <>
          {s.flags.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('scans.flagged')} description={<ul>{s.flags.map((f) => <li key={f.code}>{f.message}</li>)}</ul>} /> : <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('scans.clean')} />}
          <Card size="small" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col xs={12} md={6}><Statistic title={t('scans.count')} value={s.scanCount} /></Col>
              <Col xs={12} md={6}><Statistic title={t('scans.clients')} value={s.distinctClients} /></Col>
            </Row>
            <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[
              { key: 'first', label: t('scans.first'), children: fmt.dateTime(s.firstScannedAt) },
              { key: 'last', label: t('scans.last'), children: fmt.dateTime(s.lastScannedAt) },
              { key: 'verified', label: t('scans.verified'), children: s.codeVerifiedAt ? fmt.dateTime(s.codeVerifiedAt) : '—' },
              { key: 'region', label: t('scans.region'), children: `${s.expectedRegion.radiusKm} km (${t(`scans.source.${s.expectedRegion.source}`)})` },
            ]} />
          </Card>
          <Card size="small" title={t('scans.places')} style={{ marginBottom: 12 }}>
            <Table size="small" rowKey={(p) => `${p.at}${p.latitude}`} pagination={false} dataSource={s.places} columns={[
              { key: 'at', title: t('scans.when'), render: (_v, p) => fmt.dateTime(p.at) },
              { key: 'where', title: t('scans.where'), render: (_v, p) => `${p.latitude.toFixed(1)}, ${p.longitude.toFixed(1)}` },
              { key: 'km', title: t('scans.distance'), render: (_v, p) => (p.distanceKm === null ? '—' : <Tag color={p.distanceKm > s.expectedRegion.radiusKm ? 'red' : 'green'}>{p.distanceKm} km</Tag>) },
            ]} />
          </Card>
          <Row gutter={12}>
            <Col xs={24} md={12}><Card size="small" title={t('scans.byDay')}><List size="small" dataSource={s.byDay} renderItem={(d) => <List.Item>{d.day}: {d.scans}</List.Item>} /></Card></Col>
            <Col xs={24} md={12}><Card size="small" title={t('scans.byApp')}><List size="small" dataSource={s.byUserAgent} renderItem={(d) => <List.Item>{d.family}: {d.scans}</List.Item>} /></Card></Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
