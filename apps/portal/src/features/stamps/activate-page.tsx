import { useEffect, useRef, useState } from 'react';
import { App, Alert, Button, Card, Flex, Input, List, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../api/problem.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { useLots } from '../catalog/api.ts';
import { activate, useStampsMutation, type ChangeResult } from './api.ts';
import { cameraAvailable, startQrCamera } from './qr-camera.ts';
import { serialOf, stampSerialOf } from './stamp-serial.ts';

/** Activation on a phone: choose the lot, scan the labels with the camera (or type their codes), activate. */
export default function ActivatePage() {
  const { t, i18n } = useTranslation('stamps');
  const { message } = App.useApp();
  const lots = useLots('');
  const [lotId, setLotId] = useState<string | undefined>();
  const [serials, setSerials] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [scanning, setScanning] = useState(false);
  const [result, setResult] = useState<ChangeResult | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const run = useStampsMutation(activate);
  const canScan = cameraAvailable();
  const [lastRead, setLastRead] = useState<{ serial: string | null; at: number } | null>(null);

  const add = (raw: string) => {
    const s = serialOf(raw);
    if (s) setSerials((prev) => (prev.includes(s) ? prev : [...prev, s]));
  };

  useEffect(() => {
    if (!scanning || !video.current) return;
    let camera: { stop(): void } | undefined;
    let cancelled = false;
    const seen = new Set<string>();
    startQrCamera(video.current, (text) => {
      const serial = stampSerialOf(text);
      if (serial && !seen.has(serial)) {
        seen.add(serial);
        add(serial);
        // A short buzz tells the person holding the phone to move to the next label.
        navigator.vibrate?.(60);
      }
      setLastRead((prev) => (prev?.serial === serial ? prev : { serial, at: Date.now() }));
    })
      .then((c) => {
        if (cancelled) c.stop();
        else camera = c;
      })
      .catch(() => {
        if (cancelled) return;
        setScanning(false);
        void message.error(t('activate.noCamera'));
      });
    return () => {
      cancelled = true;
      camera?.stop();
    };
  }, [scanning]);

  const submit = async () => {
    try {
      setResult(await run.mutateAsync({ lotId: lotId!, serials }));
      setSerials([]);
    } catch (err) {
      void message.error(err && typeof err === 'object' && 'problem' in err ? problemText((err as { problem: Parameters<typeof problemText>[0] }).problem, i18n.resolvedLanguage ?? 'vi') : String(err));
    }
  };

  return (
    <>
      <PageHeader title={t('activate.title')} subtitle={t('activate.help')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Select aria-label={t('field.lot')} placeholder={t('field.lot')} style={{ width: '100%', marginBottom: 12 }} value={lotId} onChange={setLotId} showSearch optionFilterProp="label" options={(lots.data?.items ?? []).map((l) => ({ value: l.id, label: l.lotCode }))} />
        {canScan ? (
          <>
            <Button block onClick={() => setScanning(!scanning)} style={{ marginBottom: 8 }}>{scanning ? t('activate.stopCamera') : t('activate.camera')}</Button>
            {scanning ? <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 320, background: '#000' }} aria-label={t('activate.camera')} /> : null}
            {scanning && lastRead ? (
              <Typography.Paragraph role="status" type={lastRead.serial ? 'success' : 'warning'} style={{ marginBottom: 8 }}>
                {lastRead.serial ? t('activate.lastRead', { serial: lastRead.serial }) : t('activate.notStamp')}
              </Typography.Paragraph>
            ) : null}
          </>
        ) : (
          <Alert type="info" showIcon message={t('activate.noCameraHere')} style={{ marginBottom: 8 }} />
        )}
        <Input.Search aria-label={t('activate.typeCode')} placeholder={t('activate.typeCode')} enterButton={t('activate.add')} value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(v) => { add(v); setTyped(''); }} />
      </Card>
      <Card size="small" title={t('activate.scanned', { count: serials.length })}>
        <List size="small" dataSource={serials} renderItem={(s) => <List.Item actions={[<Button key="x" size="small" type="text" onClick={() => setSerials(serials.filter((x) => x !== s))}>{t('activate.remove')}</Button>]}><Typography.Text code>{s}</Typography.Text></List.Item>} />
        <Flex justify="end" style={{ marginTop: 8 }}>
          <Button type="primary" disabled={!lotId || serials.length === 0} loading={run.isPending} onClick={() => void submit()}>{t('activate.submit', { count: serials.length })}</Button>
        </Flex>
        {result ? <Alert style={{ marginTop: 8 }} type={result.notFound?.length ? 'warning' : 'success'} showIcon role="status" message={t('activate.result', { changed: result.changed, skipped: Object.values(result.skipped).reduce((a, b) => a + (b ?? 0), 0) })} description={result.notFound?.length ? t('activate.notFound', { list: result.notFound.join(', ') }) : null} /> : null}
      </Card>
    </>
  );
}
