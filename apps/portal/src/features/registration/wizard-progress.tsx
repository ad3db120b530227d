import { Grid, Progress, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const PROGRESS_KEYS = ['organization', 'address', 'sectors', 'admin', 'review', 'done'] as const;

/** Where the person is in the wizard: the full step list on wide screens, "Step 2 of 6" and a bar on phones. */
export function WizardProgress({ current }: { current: number }) {
  const { t } = useTranslation('registration');
  const screens = Grid.useBreakpoint();
  const titles = PROGRESS_KEYS.map((k) => t(`steps.${k}`));
  if (!screens.md) {
    return (
      <div style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('stepOf', { current: current + 1, total: titles.length, title: titles[current] })}</Typography.Text>
        <Progress percent={Math.round(((current + 1) / titles.length) * 100)} showInfo={false} size="small" aria-hidden="true" />
      </div>
    );
  }
  return <Steps size="small" current={current} items={titles.map((title) => ({ title }))} style={{ marginBottom: 24 }} />;
}
