import { useState } from 'react';
import { Button, Descriptions, Drawer, Image, List, Space, Tag, Upload, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isProblemError } from '../../api/problem.ts';
import { useMe } from '../../app/auth-context.tsx';
import { PageHeader } from '../../shared/page-header.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { uploadFile, useCatalogMutation, useLots, useProduct, type Product } from './api.ts';
import { CompletenessPanel } from './completeness-panel.tsx';
import { ProductForm, type productBody } from './product-form.tsx';
import { useCanWrite } from './use-can-write.ts';

export default function ProductPage() {
  const { t, i18n } = useTranslation('catalog');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const canWrite = useCanWrite();
  const queryClient = useQueryClient();
  const product = useProduct(id);
  const lots = useLots('', id);
  const [editing, setEditing] = useState(false);
  const [uploadProblem, setUploadProblem] = useState<unknown>(null);
  const save = useCatalogMutation((body: ReturnType<typeof productBody>) => api.patch<Product>(`/products/${id}`, body));
  const setStatus = useCatalogMutation((action: 'publish' | 'unpublish') => api.post<Product>(`/products/${id}/${action}`, {}));
  const p = product.data;
  if (!p) return <ProblemAlert problem={isProblemError(product.error) ? product.error.problem : null} />;
  const field = (label: string, value: React.ReactNode) => ({ key: label, label, children: value ?? t('common.none') });
  return (
    <>
      <PageHeader
        title={p.nameVi}
        subtitle={`${t(`status.${p.status}`)} · ${t('product.version', { version: p.version })}`}
        extra={
          canWrite ? (
            <>
              <Button onClick={() => setEditing(true)}>{t('product.edit')}</Button>
              <Button type="primary" loading={setStatus.isPending} onClick={() => setStatus.mutate(p.status === 'published' ? 'unpublish' : 'publish')}>
                {p.status === 'published' ? t('product.unpublish') : t('product.publish')}
              </Button>
            </>
          ) : null
        }
      />
      <CompletenessPanel productId={id} />
      <Space wrap style={{ marginBottom: 16 }}>
        {p.images.map((img) => <Image key={img.fileId} src={img.thumbnailUrl} preview={{ src: img.url }} width={120} alt={p.nameVi} />)}
        {canWrite ? (
          <Upload
            accept="image/*"
            showUploadList={false}
            customRequest={async ({ file }) => {
              setUploadProblem(null);
              try {
                await uploadFile<Product>(`/products/${id}/images`, file as File, me.csrfToken, i18n.resolvedLanguage ?? 'vi');
                void queryClient.invalidateQueries({ queryKey: ['catalog'] });
                void message.success(t('common.saved'));
              } catch (err) {
                setUploadProblem(err);
              }
            }}
          >
            <Button>{t('product.uploadImage')}</Button>
          </Upload>
        ) : null}
      </Space>
      {isProblemError(uploadProblem) ? <ProblemAlert problem={uploadProblem.problem} onClose={() => setUploadProblem(null)} /> : null}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          field(t('product.gtin'), p.gtin ?? <Tag>{t('product.noGtinYet')}</Tag>),
          field(t('product.nameEn'), p.nameEn),
          field(t('product.category'), t(`category.${p.category}`)),
          field(t('product.unit'), p.unit),
          field(t('product.shelfLifeDays'), p.shelfLifeDays),
          field(t('product.brand'), p.brand),
          field(t('product.standards'), p.standards.map((s) => s.code).join('; ') || null),
          field(t('product.certifications'), p.certifications.map((c) => `${t(`certKind.${c.kind}`)} ${c.number} (${c.issuer})`).join('; ') || null),
          field(t('product.ocopStars'), p.ocop ? `${'★'.repeat(p.ocop.stars)} ${p.ocop.certificateNumber ?? ''}` : null),
          field(t('product.markKind'), p.protectedMark ? `${t(`mark.${p.protectedMark.kind}`)}: ${p.protectedMark.name}` : null),
          field(t('product.keyProduct'), p.keyProduct ? '✓' : null),
          field(t('product.riskClass'), p.riskClass ? t(`risk.${p.riskClass}`) : null),
          field(t('product.safetyWarnings'), p.safetyWarnings),
        ]}
      />
      <h2>{t('product.lots')}</h2>
      <List dataSource={lots.data?.items ?? []} renderItem={(l) => <List.Item onClick={() => navigate(`/catalog/lots/${l.id}`)} style={{ cursor: 'pointer' }}>{l.lotCode}</List.Item>} />
      <Drawer open={editing} onClose={() => setEditing(false)} title={t('product.edit')} size="large" destroyOnHidden>
        <ProductForm product={p} busy={save.isPending} onSubmit={async (body) => { await save.mutateAsync(body); setEditing(false); }} />
      </Drawer>
    </>
  );
}
