// The event browser: EPCIS events the signed-in organisation or official may read, filtered by product, lot,
// place, business step and dates (kept in the URL), a keyset page at a time following the server's next-page
// links, each event in plain words.
import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Form, List, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/problem.ts';
import { isOfficialRole } from '../../api/types.ts';
import { useMe } from '../../app/auth-context.tsx';
import { foldedIncludes } from '../../shared/fold.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useSearchState } from '../../shared/use-search-state.ts';
import { filterable, queryParameters, useCatalogLookup, type EventFilters } from './catalog-lookup.ts';
import { eventsUrl, useEventPage } from './epcis-api.ts';
import { EventSummary } from './event-summary.tsx';
import { BIZ_STEPS, TXNG_BIZ_STEPS, bizStepValue, describeEvent } from './event-words.ts';

const DEFAULTS = { product: '', by: 'class', lot: '', place: '', step: '', from: '', to: '' } as const;
const search = (input: string, option?: { label?: unknown }) => foldedIncludes(String(option?.label ?? ''), input);

export default function EventsPage() {
  const { t, i18n } = useTranslation('events');
  const navigate = useNavigate();
  const me = useMe();
  const lookup = useCatalogLookup();
  const { values } = useSearchState(DEFAULTS);
  const [, setParams] = useSearchParams();
  // Each change starts from the URL as it is now, not as it was at the last render: two quick changes (a step,
  // then a day) must both stay (react-router's functional update hands over the render-time parameters).
  const update = (patch: Partial<Record<keyof typeof DEFAULTS, string>>) =>
    setParams(() => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (!value || value === DEFAULTS[key as keyof typeof DEFAULTS]) next.delete(key);
        else next.set(key, value);
      }
      return next;
    }, { replace: true });
  const filters: EventFilters = { productId: values.product, productBy: values.by, lotId: values.lot, placeId: values.place, bizStep: values.step, from: values.from, to: values.to };
  const firstPage = eventsUrl(queryParameters(filters, lookup, me.organization?.gs1CompanyPrefix ?? null));
  // Keyset paging: the URLs of the pages seen so far; "next" follows the server's Link, "previous" goes back.
  // Pages belong to the filters they were reached with: other filters start again at their first page.
  const [paging, setPaging] = useState<{ base: string; pages: string[] }>({ base: firstPage, pages: [firstPage] });
  const pages = paging.base === firstPage ? paging.pages : [firstPage];
  const current = pages[pages.length - 1] ?? firstPage;
  const lang = i18n.resolvedLanguage ?? 'vi';
  const page = useEventPage(lookup.loading ? '' : current, lang);
  const words = useMemo(() => (page.data?.events ?? []).map((e) => ({ event: e, words: describeEvent(e, t, lookup, me.user.organizationId) })), [page.data, t, lookup, me.user.organizationId]);
  const canUpload = !isOfficialRole(me.user.role) && me.user.organizationId !== null;

  const steps = [...BIZ_STEPS, ...TXNG_BIZ_STEPS.map((s) => `txng_${s}`)].map((s) => ({ value: bizStepValue(s), label: t(`bizStep.${s}`) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const lots = lookup.lots.filter(filterable.lot).filter((l) => !values.product || l.productId === values.product);
  const productLabel = (id: string) => lookup.productById.get(id)?.nameVi ?? '';
  const day = (v: string) => (v ? dayjs(v) : null);

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} extra={canUpload ? <Button type="primary" onClick={() => navigate('/events/upload')}>{t('upload.open')}</Button> : null} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" className="event-filters">
          <Flex wrap gap={12}>
            <Form.Item label={t('filter.product')} htmlFor="events-product" style={{ minWidth: 220, flex: '1 1 220px', marginBottom: 8 }}>
              <Select id="events-product" allowClear showSearch={{ filterOption: search }} value={values.product || undefined} onChange={(v) => update({ product: v ?? '', lot: '' })}
                options={lookup.products.filter(filterable.product).map((p) => ({ value: p.id, label: p.nameVi }))} placeholder={t('filter.any')} />
            </Form.Item>
            <Form.Item label={t('filter.lot')} htmlFor="events-lot" style={{ minWidth: 180, flex: '1 1 180px', marginBottom: 8 }}>
              <Select id="events-lot" allowClear showSearch={{ filterOption: search }} value={values.lot || undefined} onChange={(v) => update({ lot: v ?? '' })}
                options={lots.map((l) => ({ value: l.id, label: values.product ? l.lotCode : `${l.lotCode} — ${productLabel(l.productId)}` }))} placeholder={t('filter.any')} />
            </Form.Item>
            <Form.Item label={t('filter.place')} htmlFor="events-place" style={{ minWidth: 220, flex: '1 1 220px', marginBottom: 8 }}>
              <Select id="events-place" allowClear showSearch={{ filterOption: search }} value={values.place || undefined} onChange={(v) => update({ place: v ?? '' })}
                options={lookup.places.filter(filterable.place).map((p) => ({ value: p.id, label: p.name }))} placeholder={t('filter.any')} />
            </Form.Item>
            <Form.Item label={t('filter.bizStep')} htmlFor="events-step" style={{ minWidth: 200, flex: '1 1 200px', marginBottom: 8 }}>
              <Select id="events-step" allowClear showSearch={{ filterOption: search }} value={values.step || undefined} onChange={(v) => update({ step: v ?? '' })} options={steps} placeholder={t('filter.any')} />
            </Form.Item>
            <Form.Item label={t('filter.from')} htmlFor="events-from" style={{ flex: '1 1 140px', marginBottom: 8 }}>
              <DatePicker id="events-from" format="DD/MM/YYYY" style={{ width: '100%' }} value={day(values.from)} onChange={(d) => update({ from: d ? d.format('YYYY-MM-DD') : '' })} />
            </Form.Item>
            <Form.Item label={t('filter.to')} htmlFor="events-to" style={{ flex: '1 1 140px', marginBottom: 8 }}>
              <DatePicker id="events-to" format="DD/MM/YYYY" style={{ width: '100%' }} value={day(values.to)} onChange={(d) => update({ to: d ? d.format('YYYY-MM-DD') : '' })} />
            </Form.Item>
          </Flex>
          {values.product && !values.lot ? (
            <Form.Item label={t('filter.productBy')} style={{ marginBottom: 8 }}>
              <Radio.Group value={values.by} onChange={(e) => update({ by: String(e.target.value) })} options={[{ value: 'class', label: t('filter.byLot') }, { value: 'item', label: t('filter.byItem') }]} />
            </Form.Item>
          ) : null}
          <Flex gap={8} align="center" justify="space-between" wrap>
            <Typography.Text type="secondary">{t('filter.productsWithGtin')}</Typography.Text>
            <Button onClick={() => update({ product: '', by: 'class', lot: '', place: '', step: '', from: '', to: '' })}>{t('filter.clear')}</Button>
          </Flex>
        </Form>
      </Card>
      {isProblemError(page.error) ? <ProblemAlert problem={page.error.problem} /> : null}
      <div className="event-list" aria-busy={page.isFetching || lookup.loading}>
        <List
          loading={page.isFetching || lookup.loading}
          dataSource={words}
          locale={{ emptyText: <Empty description={t('list.empty')} /> }}
          rowKey={(w) => w.event.eventID ?? w.event.eventTime}
          renderItem={({ event, words: w }) => (
            <List.Item className="event-item" data-event-id={event.eventID}>
              <Card size="small" style={{ width: '100%' }} title={w.title} extra={<Typography.Text type="secondary">{w.kind}</Typography.Text>}
                actions={event.eventID ? [<Button key="open" type="link" onClick={() => navigate(`/events/event?id=${encodeURIComponent(event.eventID!)}`)}>{t('list.open')}</Button>] : []}>
                <EventSummary words={w} />
              </Card>
            </List.Item>
          )}
        />
      </div>
      <Flex gap={8} justify="space-between" align="center" wrap>
        <Button disabled={pages.length < 2} onClick={() => setPaging({ base: firstPage, pages: pages.slice(0, -1) })}>{t('list.previous')}</Button>
        <Typography.Text>{t('list.page', { page: pages.length })}</Typography.Text>
        <Button disabled={!page.data?.next || page.isFetching} onClick={() => page.data?.next && setPaging({ base: firstPage, pages: [...pages, page.data.next] })}>{t('list.next')}</Button>
      </Flex>
    </>
  );
}
