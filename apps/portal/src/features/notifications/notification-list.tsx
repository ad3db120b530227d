import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../../api/types.ts';
import { useFormat } from '../../shared/format.ts';
import { routerPath, useMarkRead } from './api.ts';

/** Notifications as a list; opening one marks it read and follows its link. */
export function NotificationList({ items, onOpen }: { items: AppNotification[]; onOpen?: () => void }) {
  const { t, i18n } = useTranslation('notifications');
  const navigate = useNavigate();
  const fmt = useFormat();
  const markRead = useMarkRead();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  if (items.length === 0) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  return (
    <ul className="notification-list">
      {items.map((n) => {
        const path = routerPath(n.link);
        const open = () => {
          if (!n.read) markRead.mutate({ ids: [n.id] });
          if (path) navigate(path);
          onOpen?.();
        };
        return (
          <li key={n.id} className={n.read ? 'read' : 'unread'}>
            <button type="button" className="notification-item" onClick={open}>
              {n.read ? null : <span className="visually-hidden">{t('unread')}: </span>}
              <span className="notification-text">{n.messages[lang] ?? n.text}</span>
              <Typography.Text type="secondary" className="notification-time">
                {fmt.dateTime(n.createdAt)}
              </Typography.Text>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
