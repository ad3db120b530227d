// Uploads (product images, scanned certificates) and downloads of stored files. Multipart is registered in this
// plugin's own scope so that it does not change how other modules read request bodies.
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { requirePermission } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import { MAX_UPLOAD_BYTES, type FileService } from './files-service.ts';
import { idParams, productSchema } from './http-schemas.ts';
import { presentProduct } from './presenter.ts';
import { readUpload } from './upload.ts';

const tags = ['catalog: files'];
const fileSchema = { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, fileName: { type: 'string' }, contentType: { type: 'string' }, sizeBytes: { type: 'integer' }, url: { type: 'string' } } } as const;

export async function fileRoutes(app: FastifyInstance, deps: { files: FileService }): Promise<void> {
  const { files } = deps;
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

    scope.post<{ Params: { id: string } }>('/products/:id/images', {
      schema: { tags, summary: 'Add an image to a product (multipart field `file`; JPEG, PNG, WebP, GIF, AVIF or HEIC, at most 10 MB). A thumbnail is made; location metadata is removed.', params: idParams, consumes: ['multipart/form-data'], response: { 201: productSchema } },
    }, async (request, reply) => {
      requirePermission(request, 'catalog:write');
      const upload = await readUpload(request, MAX_UPLOAD_BYTES);
      return reply.code(201).send(presentProduct(await files.addProductImage(contextOf(request), request.params.id, upload)));
    });

    scope.post('/files', {
      schema: { tags, summary: 'Upload a scanned certificate or decision (PDF, JPEG or PNG, at most 10 MB); refer to it as `certifications[].fileId`.', consumes: ['multipart/form-data'], response: { 201: fileSchema } },
    }, async (request, reply) => {
      requirePermission(request, 'catalog:write');
      const row = await files.addDocument(contextOf(request), await readUpload(request, MAX_UPLOAD_BYTES));
      return reply.code(201).send({ id: row.id, kind: row.kind, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, url: `/api/v1/files/${row.id}` });
    });
  });

  app.delete<{ Params: { id: string; fileId: string } }>('/products/:id/images/:fileId', {
    schema: {
      tags,
      summary: 'Remove an image from a product (a new version; the file stays in earlier versions).',
      params: { type: 'object', required: ['id', 'fileId'], properties: { id: { type: 'string', format: 'uuid' }, fileId: { type: 'string', format: 'uuid' } } },
      response: { 200: productSchema },
    },
  }, async (request) => {
    requirePermission(request, 'catalog:write');
    return presentProduct(await files.removeProductImage(contextOf(request), request.params.id, request.params.fileId));
  });

  app.get<{ Params: { id: string }; Querystring: { size?: 'large' | 'thumb' | 'original' } }>('/files/:id', {
    schema: {
      tags,
      summary: 'A stored file: public once a published product shows it, otherwise to its organisation\'s readers.',
      params: idParams,
      querystring: { type: 'object', additionalProperties: false, properties: { size: { type: 'string', enum: ['large', 'thumb', 'original'] }, lang: { type: 'string' } } },
    },
  }, async (request, reply) => {
    const file = await files.download(contextOf(request), request.params.id, request.query.size ?? 'large');
    return reply
      .header('cache-control', file.public ? 'public, max-age=86400' : 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .type(file.contentType)
      .send(file.bytes);
  });
}
