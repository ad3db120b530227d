import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth-context.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  if (!me) return null;
  const initials = me.user.fullName
    .split(/\s+/)
    .slice(-1)[0]
    ?.slice(0, 1)
    .toUpperCase();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: <span className="user-menu-who">{me.user.fullName}<br /><small>{me.user.email}</small></span>, disabled: true },
          { type: 'divider' },
          { key: 'account', icon: <UserOutlined />, label: t('common:account') },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('common:signOut') },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account');
          if (key === 'sign-out') void signOut();
        },
      }}
    >
      <Button type="text" shape="circle" aria-label={t('common:userMenu', { name: me.user.fullName })} className="user-menu-button">
        <Avatar size="small" style={{ backgroundColor: '#1f6f43' }}>
          {initials}
        </Avatar>
      </Button>
    </Dropdown>
  );
}
