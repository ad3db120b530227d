// One EPCIS event: its plain-words summary, every field it has (named, with its value as written), and the
// JSON-LD as captured (identifiers in the form the document used).
import { Alert, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/problem.ts';
import { useMe } from '../../app/auth-context.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useCatalogLookup } from './catalog-lookup.ts';
import { useEvent } from './epcis-api.ts';
import { EventSummary } from './event-summary.tsx';
import { describeEvent } from './event-words.ts';

/** A field's value as one line of text (lists and objects as compact JSON). */
function fieldText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const TIMES = new Set(['eventTime', 'recordTime']);

export default function EventPage() {
  const { t, i18n } = useTranslation('events');
  const navigate = useNavigate();
  const me = useMe();
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const lookup = useCatalogLookup();
  const found = useEvent(id, i18n.resolvedLanguage ?? 'vi');
  const event = found.data?.event ?? null;
  const raw = found.data?.raw ?? null;
  const words = event ? describeEvent(event, t, lookup, me.user.organizationId) : null;
  return (
    <>
      <PageHeader title={words?.title ?? t('detail.title')} subtitle={words?.kind} extra={<Button onClick={() => navigate(-1)}>{t('detail.back')}</Button>} />
      {isProblemError(found.error) ? <ProblemAlert problem={found.error.problem} /> : null}
      {found.isLoading ? <Skeleton active /> : null}
      {found.data && !event ? <Alert type="warning" showIcon title={t('detail.notFound')} /> : null}
      {event && words ? (
        <>
          <Card size="small" title={t('detail.summary')} style={{ marginBottom: 16 }}>
            <EventSummary words={words} />
          </Card>
          <Card size="small" title={t('detail.fields')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              className="event-fields"
              items={Object.entries(raw ?? event).map(([key, value]) => ({
                key,
                label: t(`fieldName.${key}`, { defaultValue: key }),
                children: <Typography.Text className="event-field-value" style={{ wordBreak: 'break-word' }} copyable={key === 'eventID'}>{TIMES.has(key) && typeof value === 'string' ? `${formatDateTime(value)} (${value})` : fieldText(value)}</Typography.Text>,
              }))}
            />
          </Card>
          <Card size="small" title={t('detail.jsonLd')}>
            <pre className="event-json" aria-label={t('detail.jsonLd')} tabIndex={0} style={{ margin: 0, maxHeight: 480, overflow: 'auto', fontSize: 12, whiteSpace: 'pre' }}>{JSON.stringify(raw ?? event, null, 2)}</pre>
          </Card>
        </>
      ) : null}
    </>
  );
}
