import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCompleteness } from './api.ts';
import { useBilingual } from './use-can-write.ts';

/** Which fields the law requires are still missing (the stamps module blocks approval until there are none). */
export function CompletenessPanel({ productId }: { productId: string }) {
  const { t } = useTranslation('catalog');
  const text = useBilingual();
  const report = useCompleteness(productId);
  if (!report.data) return null;
  if (report.data.complete) return <Alert type="success" showIcon title={t('product.complete')} style={{ marginBottom: 16 }} />;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      title={t('product.missing', { count: report.data.missing.length })}
      description={<ul className="problem-list">{report.data.missing.map((m) => <li key={m.field}>{text(m.messages)}</li>)}</ul>}
      style={{ marginBottom: 16 }}
    />
  );
}
