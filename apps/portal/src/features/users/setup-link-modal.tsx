import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The one-time set-up link of a new account: shown once, never again; the person may also get it by e-mail. */
export function SetupLinkModal({ link, name, onClose }: { link: string | null; name: string; onClose: () => void }) {
  const { t } = useTranslation('users');
  return (
    <Modal
      open={link !== null}
      title={t('setupLink.title', { name })}
      onCancel={onClose}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('setupLink.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('setupLink.once')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>{t('setupLink.intro')}</Typography.Paragraph>
      <Typography.Paragraph className="secret-box" copyable={{ text: link ?? '', tooltips: [t('common:copy'), t('common:copied')] }} data-testid="setup-link">
        {link}
      </Typography.Paragraph>
    </Modal>
  );
}
