import { useState } from 'react';
import { Button, Drawer, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { PageHeader } from '../../shared/page-header.tsx';
import { useSearchState } from '../../shared/use-search-state.ts';
import { useCatalogMutation, useProducts, type Product } from './api.ts';
import { ProductForm, type productBody } from './product-form.tsx';
import { useCanWrite } from './use-can-write.ts';

const DEFAULTS = { q: '' };

export default function ProductsPage() {
  const { t } = useTranslation('catalog');
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const { values, page, update } = useSearchState(DEFAULTS);
  const products = useProducts(values.q, page);
  const [creating, setCreating] = useState(false);
  const create = useCatalogMutation((body: ReturnType<typeof productBody>) => api.post<Product>('/products', body));
  return (
    <>
      <PageHeader title={t('product.title')} subtitle={t('product.subtitle')} extra={canWrite ? <Button type="primary" onClick={() => setCreating(true)}>{t('product.new')}</Button> : null} />
      <Input.Search aria-label={t('common.search')} placeholder={t('common.search')} defaultValue={values.q} allowClear onSearch={(q) => update({ q })} style={{ marginBottom: 12 }} />
      <List<Product>
        loading={products.isFetching}
        dataSource={products.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: products.data?.total ?? 0, onChange: (p) => update({ page: p }), simple: true }}
        renderItem={(p) => (
          <List.Item actions={[<Button key="open" size="small" onClick={() => navigate(`/catalog/products/${p.id}`)}>{t('common.open')}</Button>]}>
            <List.Item.Meta
              title={<Typography.Link onClick={() => navigate(`/catalog/products/${p.id}`)}>{p.nameVi}</Typography.Link>}
              description={
                <>
                  <Tag color={p.status === 'published' ? 'green' : 'default'}>{t(`status.${p.status}`)}</Tag>
                  {p.ocop ? <Tag color="gold">OCOP {'★'.repeat(p.ocop.stars)}</Tag> : null}
                  {p.protectedMark ? <Tag color="blue">{t(`mark.${p.protectedMark.kind}`)}</Tag> : null}
                  <Typography.Text type="secondary">{p.gtin ?? t('product.noGtinYet')}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('product.new')} size="large" destroyOnHidden>
        <ProductForm
          busy={create.isPending}
          onSubmit={async (body) => {
            const p = await create.mutateAsync(body);
            setCreating(false);
            navigate(`/catalog/products/${p.id}`);
          }}
        />
      </Drawer>
    </>
  );
}
