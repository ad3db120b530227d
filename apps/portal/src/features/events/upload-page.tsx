// Upload of an EPCIS file (JSON-LD or XML) to the capture interface, then the capture job it starts, followed
// until it finishes: what was stored, and for every failing event its number, where in the file, and why. The
// job id is in the URL, so a reload comes back to it. A refused document can be sent again so that the valid
// events are kept (GS1-Capture-Error-Behaviour: proceed) — EPCIS 2.0 REST binding, capture.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Radio, Space, Spin, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isProblemError, type Problem } from '../../api/problem.ts';
import { useMe } from '../../app/auth-context.tsx';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { submitCapture, useCaptureJob, type CaptureBehaviour, type CaptureJob, type CaptureProblem } from './epcis-api.ts';

function where(p: CaptureProblem, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (p.pointer) return p.pointer;
  if (p.xmlPath) return p.xmlPath;
  if (p.line !== undefined) return t('upload.lineColumn', { line: p.line, column: p.column ?? 0 });
  return '—';
}

function Outcome({ job }: { job: CaptureJob }) {
  const { t } = useTranslation('events');
  if (job.running) return <Spin description={t('upload.running')}><div style={{ minHeight: 48 }} /></Spin>;
  if (job.success) {
    return <Alert type="success" showIcon role="status" title={t('upload.success', { stored: job.storedCount, total: job.eventCount })} description={job.duplicateCount ? t('upload.duplicates', { count: job.duplicateCount }) : undefined} />;
  }
  if (job.captureErrorBehaviour === 'proceed') {
    return <Alert type="warning" showIcon role="alert" title={t('upload.partial', { stored: job.storedCount, total: job.eventCount, failed: job.errors.length })} />;
  }
  return <Alert type="error" showIcon role="alert" title={t('upload.rejected', { count: job.errors.length })} description={t('upload.rejectedHint')} />;
}

function ProblemTable({ problems, lang }: { problems: readonly CaptureProblem[]; lang: string }) {
  const { t } = useTranslation('events');
  return (
    <Table<CaptureProblem>
      size="small"
      className="capture-errors"
      rowKey={(p) => `${p.eventIndex ?? 'doc'}:${p.pointer ?? p.xmlPath ?? p.line ?? ''}:${p.code}`}
      dataSource={[...problems]}
      pagination={{ pageSize: 50, simple: true, hideOnSinglePage: true }}
      scroll={{ x: true }}
      columns={[
        { key: 'event', title: t('upload.event'), render: (_x, p) => (p.eventIndex === undefined ? t('upload.wholeDocument') : t('upload.eventNumber', { number: p.eventIndex + 1, index: p.eventIndex })) },
        { key: 'where', title: t('upload.where'), render: (_x, p) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{where(p, t)}</Typography.Text> },
        { key: 'reason', title: t('upload.reason'), render: (_x, p) => (lang === 'en' ? p.messages.en : p.messages.vi) },
      ]}
    />
  );
}

export default function UploadPage() {
  const { t, i18n } = useTranslation('events');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const job = useCaptureJob(jobId, lang);
  const [behaviour, setBehaviour] = useState<CaptureBehaviour>('rollback');
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const send = async (f: File, b: CaptureBehaviour) => {
    setProblem(null);
    setSending(true);
    try {
      const id = await submitCapture(f, b, me.csrfToken, lang);
      setParams({ job: id });
    } catch (err) {
      setProblem(isProblemError(err) ? err.problem : null);
    } finally {
      setSending(false);
    }
  };

  const j = job.data;
  const refusedWhole = j && !j.running && !j.success && j.captureErrorBehaviour === 'rollback';
  return (
    <>
      <PageHeader title={t('upload.title')} subtitle={t('upload.subtitle')} extra={<Button onClick={() => navigate('/events')}>{t('upload.toEvents')}</Button>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong id="capture-behaviour">{t('upload.behaviour')}</Typography.Text>
          <Radio.Group aria-labelledby="capture-behaviour" value={behaviour} onChange={(e) => setBehaviour(e.target.value as CaptureBehaviour)}>
            <Space direction="vertical">
              <Radio value="rollback">{t('upload.rollback')}</Radio>
              <Radio value="proceed">{t('upload.proceed')}</Radio>
            </Space>
          </Radio.Group>
          <Upload
            accept=".json,.jsonld,.xml,application/ld+json,application/json,application/xml,text/xml"
            showUploadList={false}
            customRequest={({ file: chosen }) => {
              const f = chosen as File;
              setFile(f);
              void send(f, behaviour);
            }}
          >
            <Button type="primary" loading={sending}>{t('upload.choose')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('upload.formats')}</Typography.Text>
        </Space>
      </Card>
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
      {isProblemError(job.error) ? <ProblemAlert problem={job.error.problem} /> : null}
      {j ? (
        <Card size="small" className="capture-job" title={t('upload.job', { file: file?.name ?? j.captureID })} extra={<Typography.Text type="secondary">{t(`upload.format.${j.format}`, { defaultValue: j.format })}</Typography.Text>}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Outcome job={j} />
            {j.errors.length ? <ProblemTable problems={j.errors} lang={lang} /> : null}
            {j.warnings.length ? (
              <>
                <Typography.Text strong>{t('upload.warnings')}</Typography.Text>
                <ProblemTable problems={j.warnings} lang={lang} />
              </>
            ) : null}
            <Flex gap={8} wrap>
              {refusedWhole && file ? <Button loading={sending} onClick={() => void send(file, 'proceed')}>{t('upload.retryProceed')}</Button> : null}
              {!j.running && j.storedCount > 0 ? <Button type="primary" onClick={() => navigate('/events')}>{t('upload.seeEvents')}</Button> : null}
            </Flex>
          </Space>
        </Card>
      ) : null}
    </>
  );
}
