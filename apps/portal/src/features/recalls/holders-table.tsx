import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format.ts';
import type { Holder, HolderAction } from './api.ts';
import { HOLDER_COLORS } from './labels.ts';

/** "440 kg; 20 pcs": an amount per dimension (mass, volume, count) in base units. */
export function useAmounts() {
  const { t, i18n } = useTranslation('recalls');
  const lang = i18n.resolvedLanguage ?? 'vi';
  return (byDimension: Readonly<Record<string, number>> | undefined) => {
    const parts = Object.entries(byDimension ?? {}).filter(([, v]) => v > 0).map(([d, v]) => `${v.toLocaleString(lang)} ${t(`trace:dimension.${d}`, { defaultValue: d })}`);
    return parts.length ? parts.join('; ') : '0';
  };
}

/** OpenStreetMap at the holder's position (the portal has no map component of its own). */
const mapLink = (h: Holder) => `https://www.openstreetmap.org/?mlat=${h.latitude}&mlon=${h.longitude}#map=15/${h.latitude}/${h.longitude}`;

/**
 * Every holder of the recalled goods: who (or "withheld" where the reader may not see it), how to reach it, what it
 * held, returned and destroyed, whether it acknowledged; with the actions the reader may record for it.
 */
export function HoldersTable({ holders, onAct }: { holders: readonly Holder[]; onAct: (holder: Holder, action: HolderAction) => void }) {
  const { t } = useTranslation('recalls');
  const fmt = useFormat();
  const amounts = useAmounts();
  return (
    <Table<Holder>
      className="recall-holders"
      size="small"
      rowKey="key"
      dataSource={[...holders]}
      scroll={{ x: 'max-content' }}
      pagination={holders.length > 50 ? { pageSize: 50, simple: true } : false}
      columns={[
        {
          key: 'name',
          title: t('holder.name'),
          render: (_v, h) => (
            <>
              <Typography.Text strong={h.visible} type={h.visible ? undefined : 'secondary'}>{h.name ?? t('holder.hidden')}</Typography.Text>
              <Flex gap={4} wrap style={{ marginTop: 2 }}>
                {h.direct ? <Tag color="purple">{t('holder.direct')}</Tag> : null}
                {!h.registered ? <Tag>{t('holder.unregistered')}</Tag> : null}
              </Flex>
            </>
          ),
        },
        { key: 'status', title: t('holder.status'), render: (_v, h) => <Tag color={HOLDER_COLORS[h.status]} className="holder-status">{t(`holderStatus.${h.status}`)}</Tag> },
        {
          key: 'contact',
          title: t('holder.contact'),
          responsive: ['md'],
          render: (_v, h) =>
            h.contact ? (
              <div style={{ maxWidth: 280, whiteSpace: 'normal' }}>
                {[h.contact.representative, h.contact.phone, h.contact.email].filter(Boolean).map((x) => <div key={x}>{x}</div>)}
                {h.contact.address ? <div><Typography.Text type="secondary">{h.contact.address}</Typography.Text></div> : null}
                {h.latitude !== null && h.longitude !== null ? <Typography.Link href={mapLink(h)} target="_blank" rel="noopener noreferrer">{t('holder.map')}</Typography.Link> : null}
              </div>
            ) : '—',
        },
        { key: 'held', title: t('holder.held'), render: (_v, h) => amounts(h.held) },
        { key: 'returned', title: t('holder.returned'), render: (_v, h) => amounts(h.returned) },
        { key: 'destroyed', title: t('holder.destroyed'), render: (_v, h) => amounts(h.destroyed) },
        { key: 'ack', title: t('holder.acknowledgedAt'), responsive: ['sm'], render: (_v, h) => fmt.dateTime(h.acknowledgedAt) },
        {
          key: 'act',
          title: t('holder.actions'),
          render: (_v, h) =>
            h.canAct ? (
              <Flex gap={4} wrap>
                {h.status === 'notified' || h.status === 'unreachable' ? <Button size="small" onClick={() => onAct(h, 'acknowledged')}>{t('act.acknowledge')}</Button> : null}
                <Button size="small" onClick={() => onAct(h, 'returned')}>{t('act.report')}</Button>
              </Flex>
            ) : null,
        },
      ]}
    />
  );
}
