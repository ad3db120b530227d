import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKey } from '../../api/types.ts';

/** The key's secret, shown this once; closing needs a tick that it was stored. */
export function SecretModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useTranslation('apiKeys');
  const [stored, setStored] = useState(false);
  const close = () => {
    setStored(false);
    onClose();
  };
  return (
    <Modal
      open={created !== null}
      title={t('secret.title', { name: created?.key.name ?? '' })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" disabled={!stored} onClick={close}>
          {t('secret.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('secret.once')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph className="secret-box" copyable={{ text: created?.secret ?? '', tooltips: [t('common:copy'), t('common:copied')] }} data-testid="api-key-secret">
        {created?.secret}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('secret.usage')}</Typography.Paragraph>
      <Typography.Paragraph code copyable={{ text: `Authorization: Bearer ${created?.secret ?? ''}`, tooltips: [t('common:copy'), t('common:copied')] }}>
        Authorization: Bearer {created ? `${created.secret.slice(0, 12)}…` : ''}
      </Typography.Paragraph>
      <Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)}>
        {t('secret.stored')}
      </Checkbox>
    </Modal>
  );
}
