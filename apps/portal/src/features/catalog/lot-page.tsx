import { Alert, Card, Descriptions, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isProblemError } from '../../api/problem.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useLot, useTimeline } from './api.ts';
import { DiaryForm } from './diary-form.tsx';
import { useBilingual, useCanWrite } from './use-can-write.ts';

export default function LotPage() {
  const { t } = useTranslation('catalog');
  const { id = '' } = useParams();
  const canWrite = useCanWrite();
  const text = useBilingual();
  const lot = useLot(id);
  const timeline = useTimeline(id);
  const l = lot.data;
  if (!l) return <ProblemAlert problem={isProblemError(lot.error) ? lot.error.problem : null} />;
  return (
    <>
      <PageHeader title={`${t('lot.lotCode')} ${l.lotCode}`} />
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'h', label: t('lot.harvestDate'), children: l.harvestDate ?? '—' },
          { key: 'p', label: t('lot.productionDate'), children: l.productionDate ?? '—' },
          { key: 'e', label: t('lot.expiryDate'), children: l.expiryDate ?? '—' },
          { key: 'q', label: t('lot.quantity'), children: l.quantity !== null ? `${l.quantity} ${l.unit ?? ''}` : '—' },
          ...(l.digitalLink ? [{ key: 'dl', label: t('lot.digitalLink'), children: <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{l.digitalLink}</Typography.Text> }] : []),
        ]}
      />
      {canWrite ? (
        <Card title={t('lot.diary')} size="small" style={{ marginBottom: 16 }}>
          <DiaryForm lotId={id} defaultPlaceId={l.originPlaceId} />
        </Card>
      ) : null}
      <h2>{t('lot.timeline')}</h2>
      <Timeline
        items={(timeline.data?.items ?? []).map((item) => ({
          key: item.id,
          color: item.warnings.length ? 'orange' : item.kind === 'lot' ? 'gray' : 'green',
          content: (
            <div className="timeline-step" data-kind={item.kind}>
              <Typography.Text strong>{text(item.title)}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(item.occurredAt)}</Typography.Text>
              {text(item.what) ? <div>{text(item.what)}</div> : null}
              <div>
                <Typography.Text type="secondary">
                  {[item.where?.placeName ? `${t('diary.where')}: ${item.where.placeName}` : null, `${t('diary.why')}: ${text(item.why)}`, item.who.recordedBy ? `${t('diary.who')}: ${item.who.recordedBy}` : null].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
              {item.warnings.map((w) => <Alert key={w.code} type="warning" showIcon title={text(w.messages)} style={{ marginTop: 4 }} />)}
            </div>
          ),
        }))}
      />
    </>
  );
}
