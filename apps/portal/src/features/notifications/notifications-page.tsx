import { Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/page-header.tsx';
import { useMarkRead, useNotifications } from './api.ts';
import { NotificationList } from './notification-list.tsx';

export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications(filter === 'unread', 200);
  const markRead = useMarkRead();
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button onClick={() => markRead.mutate({ all: true })} loading={markRead.isPending}>
            {t('markAllRead')}
          </Button>
        }
      />
      <Segmented<'all' | 'unread'>
        aria-label={t('filter')}
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t('all') },
          { value: 'unread', label: t('unreadOnly') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Card loading={list.isLoading}>
        <NotificationList items={list.data?.items ?? []} />
      </Card>
    </>
  );
}
