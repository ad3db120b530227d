import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotifications } from './api.ts';
import { NotificationList } from './notification-list.tsx';

/** The header bell: unread count (checked every minute) and the latest unread notifications. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useNotifications(true, 20, true);
  const markRead = useMarkRead();
  const count = unread.data?.unreadCount ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('title')}
      content={
        <div className="notification-popover">
          <NotificationList items={unread.data?.items ?? []} onOpen={() => setOpen(false)} />
          <Flex justify="space-between" gap={8} style={{ marginTop: 8 }}>
            <Button
              size="small"
              type="link"
              onClick={() => {
                setOpen(false);
                navigate('/notifications');
              }}
            >
              {t('seeAll')}
            </Button>
            {count > 0 ? (
              <Button size="small" onClick={() => markRead.mutate({ all: true })} loading={markRead.isPending}>
                {t('markAllRead')}
              </Button>
            ) : null}
          </Flex>
        </div>
      }
    >
      <Button type="text" shape="circle" aria-label={t('bellLabel', { count })} aria-haspopup="dialog" aria-expanded={open}>
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
