// Product images and scanned certificates. Images are decoded and re-encoded (which also drops EXIF, so a farmer's
// phone does not publish the GPS position of their house) into a large rendition and a thumbnail; anything that
// does not decode as an image is refused. Files are public once a published product shows them.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import { canReadPlacement } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { CatalogDeps } from './deps.ts';
import { CatalogErrors } from './messages.ts';
import { writingOrganization } from './policy.ts';
import type { ProductService } from './products-service.ts';
import { files, products, type FileRow, type ProductRow } from './tables.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGES_PER_PRODUCT = 10;
const MAX_PIXELS = 40_000_000;
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);
const RENDITIONS = { large: 1600, thumb: 320 } as const;

export interface Upload {
  readonly fileName: string;
  readonly bytes: Buffer;
}

export function createFileService(deps: CatalogDeps & { products: ProductService }) {
  const { db, storage, clock } = deps;

  async function decodeImage(upload: Upload): Promise<{ width: number; height: number; renditions: Record<keyof typeof RENDITIONS, Buffer> }> {
    const notImage = () => new AppError('unsupported_media_type', CatalogErrors.CATALOG_UPLOAD_NOT_IMAGE, { fileName: upload.fileName });
    let meta: Metadata;
    try {
      meta = await sharp(upload.bytes, { limitInputPixels: false }).metadata();
    } catch {
      throw notImage();
    }
    if (!meta.format || !IMAGE_FORMATS.has(meta.format) || !meta.width || !meta.height) throw notImage();
    if (meta.width * meta.height > MAX_PIXELS) throw new AppError('too_large', CatalogErrors.CATALOG_UPLOAD_IMAGE_TOO_BIG, { width: meta.width, height: meta.height });
    try {
      const render = (size: number) =>
        sharp(upload.bytes, { limitInputPixels: MAX_PIXELS })
          .rotate()
          .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: size > 500 ? 82 : 70 })
          .toBuffer({ resolveWithObject: true });
      const [large, thumb] = await Promise.all([render(RENDITIONS.large), render(RENDITIONS.thumb)]);
      return { width: large.info.width, height: large.info.height, renditions: { large: large.data, thumb: thumb.data } };
    } catch {
      // A truncated or corrupt file can pass the header check and fail while decoding.
      throw notImage();
    }
  }

  async function storeRow(id: string, organizationId: string, kind: 'image' | 'document', upload: Upload, contentType: string, keys: Record<string, string>, size: { width: number; height: number } | null): Promise<FileRow> {
    const [row] = await db.orm
      .insert(files)
      .values({ id, organizationId, kind, fileName: upload.fileName.slice(0, 200), contentType, sizeBytes: upload.bytes.length, width: size?.width ?? null, height: size?.height ?? null, storageKeys: keys, createdAt: clock.now() })
      .returning();
    return row!;
  }

  async function publiclyShown(fileId: string): Promise<boolean> {
    const ref = JSON.stringify([{ fileId }]);
    const [row] = await db.orm
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.status, 'published'), sql`(${products.images} @> ${ref}::jsonb or ${products.certifications} @> ${ref}::jsonb)`))
      .limit(1);
    return row !== undefined;
  }

  return {
    /** Adds an image to a product (a new product version). */
    async addProductImage(ctx: RequestContext, productId: string, upload: Upload): Promise<ProductRow> {
      const organizationId = writingOrganization(ctx.actor);
      const current = await db.transaction((tx) => deps.products.lockWritable(tx, ctx, productId));
      if (current.images.length >= MAX_IMAGES_PER_PRODUCT) throw new AppError('invalid', CatalogErrors.CATALOG_TOO_MANY_IMAGES, { limit: MAX_IMAGES_PER_PRODUCT });
      const image = await decodeImage(upload);
      const id = randomUUID();
      const keys = { large: `images/${id}/large.webp`, thumb: `images/${id}/thumb.webp` };
      // Bytes first, then the row: a crash in between leaves an unreferenced object, never a row without bytes.
      await storage.put(keys.large, image.renditions.large, 'image/webp');
      await storage.put(keys.thumb, image.renditions.thumb, 'image/webp');
      const row = await storeRow(id, organizationId, 'image', upload, 'image/webp', keys, image);
      return db.transaction(async (tx) => {
        const before = await deps.products.lockWritable(tx, ctx, productId);
        if (before.images.length >= MAX_IMAGES_PER_PRODUCT) throw new AppError('invalid', CatalogErrors.CATALOG_TOO_MANY_IMAGES, { limit: MAX_IMAGES_PER_PRODUCT });
        return deps.products.saveVersion(tx, ctx, before, { images: [...before.images, { fileId: row.id, width: image.width, height: image.height }] }, 'catalog.product.image.add');
      });
    },

    async removeProductImage(ctx: RequestContext, productId: string, fileId: string): Promise<ProductRow> {
      return db.transaction(async (tx) => {
        const before = await deps.products.lockWritable(tx, ctx, productId);
        if (!before.images.some((i) => i.fileId === fileId)) throw notFound(CatalogErrors.CATALOG_FILE_NOT_FOUND);
        return deps.products.saveVersion(tx, ctx, before, { images: before.images.filter((i) => i.fileId !== fileId) }, 'catalog.product.image.remove');
      });
    },

    /** A scanned certificate or decision: PDF, or an image kept as sent (documents must stay legible as issued). */
    async addDocument(ctx: RequestContext, upload: Upload): Promise<FileRow> {
      const organizationId = writingOrganization(ctx.actor);
      const head = upload.bytes.subarray(0, 8);
      const type = head.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff ? 'image/jpeg' : head.toString('latin1') === '\x89PNG\r\n\x1a\n' ? 'image/png' : null;
      if (!type) throw new AppError('unsupported_media_type', CatalogErrors.CATALOG_UPLOAD_NOT_DOCUMENT, { fileName: upload.fileName });
      const id = randomUUID();
      const key = `documents/${id}/original`;
      await storage.put(key, upload.bytes, type);
      return storeRow(id, organizationId, 'document', upload, type, { original: key }, null);
    },

    /** A file's bytes, to those who may see it: anyone once a published product shows it, else its organisation's readers. */
    async download(ctx: RequestContext, fileId: string, size: 'large' | 'thumb' | 'original'): Promise<{ bytes: Buffer; contentType: string; fileName: string; public: boolean }> {
      const [row] = await db.orm.select().from(files).where(eq(files.id, fileId));
      if (!row) throw notFound(CatalogErrors.CATALOG_FILE_NOT_FOUND);
      const isPublic = await publiclyShown(fileId);
      if (!isPublic) {
        const org = await deps.organizations.findById(row.organizationId);
        if (!org || !canReadPlacement(ctx.actor, { organizationId: org.id, communeId: org.communeId, sectors: org.sectors }, 'catalog:read')) throw notFound(CatalogErrors.CATALOG_FILE_NOT_FOUND);
      }
      const key = row.storageKeys[size] ?? row.storageKeys.large ?? row.storageKeys.original;
      const stored = key ? await storage.get(key) : undefined;
      if (!stored) throw notFound(CatalogErrors.CATALOG_FILE_NOT_FOUND);
      return { bytes: stored.bytes, contentType: stored.contentType, fileName: row.fileName, public: isPublic };
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
