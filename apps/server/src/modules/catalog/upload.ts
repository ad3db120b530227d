// Reading one uploaded file from a multipart/form-data request (field `file`), with a size limit that answers
// 413 and names the limit, and a clear 400 when no file was sent.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { CatalogErrors } from './messages.ts';
import type { Upload } from './files-service.ts';

export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE', { contentType: request.headers['content-type'] ?? 'none' });
  const tooLarge = () => new AppError('too_large', CatalogErrors.CATALOG_UPLOAD_TOO_LARGE, { limitMb: Math.round(maxBytes / 1024 / 1024) });
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (!part) throw new AppError('invalid', CatalogErrors.CATALOG_UPLOAD_MISSING);
  try {
    const bytes = await part.toBuffer();
    return { fileName: part.filename || 'upload', bytes };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
}
