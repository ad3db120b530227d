import { useState } from 'react';
import { Button, Drawer, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCommuneName } from '../../shared/commune-select.tsx';
import { PageHeader } from '../../shared/page-header.tsx';
import { useCatalogMutation, usePlaces, type Place } from './api.ts';
import { PlaceForm } from './place-form.tsx';
import { useCanWrite } from './use-can-write.ts';

export default function PlacesPage() {
  const { t } = useTranslation('catalog');
  const canWrite = useCanWrite();
  const communeName = useCommuneName();
  const [q, setQ] = useState('');
  const places = usePlaces(q);
  const [creating, setCreating] = useState(false);
  const create = useCatalogMutation((body: Record<string, unknown>) => api.post<Place>('/places', body));
  return (
    <>
      <PageHeader title={t('place.title')} subtitle={t('place.subtitle')} extra={canWrite ? <Button type="primary" onClick={() => setCreating(true)}>{t('place.new')}</Button> : null} />
      <Input.Search aria-label={t('common.search')} placeholder={t('common.search')} allowClear onSearch={setQ} style={{ marginBottom: 12 }} />
      <List<Place>
        loading={places.isFetching}
        dataSource={places.data?.items ?? []}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={p.name}
              description={
                <>
                  <Tag>{t(`placeKind.${p.kind}`)}</Tag>
                  <Typography.Text type="secondary">{[p.internalCode, p.plantingAreaCode, p.areaHa ? `${p.areaHa} ha` : null, p.communeId ? communeName(p.communeId) : null, p.latitude !== null ? `${p.latitude}, ${p.longitude}` : null].filter(Boolean).join(' · ')}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('place.new')} size="large" destroyOnHidden>
        <PlaceForm busy={create.isPending} onSubmit={async (body) => { await create.mutateAsync(body); setCreating(false); }} />
      </Drawer>
    </>
  );
}
