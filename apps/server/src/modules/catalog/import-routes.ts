// /imports (upload, report, commit), /imports/templates/{list}.xlsx and /exports/{list}.xlsx|.csv.
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { requireAuthenticated, requirePermission } from '../../platform/auth/guard.ts';
import { notFound } from '../../platform/errors.ts';
import { contextOf } from '../../platform/request-context.ts';
import type { ExportService } from './export-service.ts';
import { MAX_IMPORT_BYTES, type ImportService } from './import-service.ts';
import { idParams } from './http-schemas.ts';
import { presentImport } from './presenter.ts';
import { IMPORT_LISTS, type CommitMode, type ImportList } from './tables.ts';
import { readUpload } from './upload.ts';
import { vietnamDate } from './validation.ts';

const tags = ['catalog: import and export'];
const message = { type: 'object', properties: { code: { type: 'string' }, params: { type: 'object', additionalProperties: true }, messages: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } } } as const;
export const importSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    list: { type: 'string' },
    fileName: { type: 'string' },
    fileFormat: { type: 'string' },
    status: { type: 'string', enum: ['validating', 'validated', 'rejected', 'committing', 'committed', 'failed'] },
    commitMode: { type: ['string', 'null'] },
    progress: { type: 'object', properties: { done: { type: 'number' }, total: { type: ['number', 'null'] } } },
    totalRows: { type: ['integer', 'null'] },
    validRows: { type: ['integer', 'null'] },
    invalidRows: { type: ['integer', 'null'] },
    committedRows: { type: ['integer', 'null'] },
    fileError: { anyOf: [message, { type: 'null' }] },
    notices: { type: 'array', items: message },
    errors: { type: 'array', items: { type: 'object', properties: { row: { type: 'integer' }, column: { type: ['string', 'null'] }, header: { type: ['string', 'null'] }, ...message.properties } } },
    moreErrors: { type: 'integer' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

const FILE = /^(products|places|lots|diary)\.(xlsx|csv)$/;

export async function importRoutes(app: FastifyInstance, deps: { imports: ImportService; exports: ExportService; now: () => Date }): Promise<void> {
  const { imports, exports } = deps;

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    scope.post<{ Querystring: { list: ImportList } }>('/imports', {
      schema: {
        tags,
        summary: 'Upload an XLSX or CSV file (multipart field `file`) for `list`. Small files are checked at once (201); large ones are checked by a job (202) — follow GET /imports/{id}.',
        consumes: ['multipart/form-data'],
        querystring: { type: 'object', additionalProperties: false, required: ['list'], properties: { list: { type: 'string', enum: IMPORT_LISTS }, lang: { type: 'string' } } },
        response: { 201: importSchema, 202: importSchema },
      },
    }, async (request, reply) => {
      requirePermission(request, 'catalog:write');
      const upload = await readUpload(request, MAX_IMPORT_BYTES);
      const row = await imports.start(contextOf(request), request.query.list, upload);
      const view = await imports.get(contextOf(request), row.id);
      return reply.code(row.status === 'validating' ? 202 : 201).header('location', `/api/v1/imports/${row.id}`).send(presentImport(view.row, view.progress));
    });
  });

  app.get('/imports', {
    schema: { tags, summary: 'The organisation\'s recent imports.', response: { 200: { type: 'object', properties: { items: { type: 'array', items: importSchema } } } } },
  }, async (request) => {
    requirePermission(request, 'catalog:write');
    return { items: (await imports.list(contextOf(request))).map((r) => presentImport(r, null)) };
  });

  app.get<{ Params: { id: string } }>('/imports/:id', {
    schema: { tags, summary: 'An import: progress, the validation report (row, column, what is wrong, in Vietnamese and English), and what was committed.', params: idParams, response: { 200: importSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    const view = await imports.get(contextOf(request), request.params.id);
    return presentImport(view.row, view.progress);
  });

  app.post<{ Params: { id: string }; Body: { mode: CommitMode } }>('/imports/:id/commit', {
    schema: {
      tags,
      summary: 'Write a checked import: `valid-rows` writes the rows without errors; `all-or-nothing` writes everything, or nothing while any row has an error (409).',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['mode'], properties: { mode: { type: 'string', enum: ['valid-rows', 'all-or-nothing'] } } },
      response: { 200: importSchema, 202: importSchema },
    },
  }, async (request, reply) => {
    requirePermission(request, 'catalog:write');
    const row = await imports.commit(contextOf(request), request.params.id, request.body.mode);
    const view = await imports.get(contextOf(request), row.id);
    return reply.code(row.status === 'committing' ? 202 : 200).send(presentImport(view.row, view.progress));
  });

  app.get<{ Params: { file: string } }>('/imports/templates/:file', {
    schema: { tags, summary: 'An XLSX template with Vietnamese headers, example rows and instructions: products.xlsx, places.xlsx, lots.xlsx, diary.xlsx.', params: { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 40 } } } },
  }, async (request, reply) => {
    const match = FILE.exec(request.params.file);
    if (!match || match[2] !== 'xlsx') throw notFound();
    const file = await exports.template(match[1] as ImportList);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.bytes);
  });

  app.get<{ Params: { file: string } }>('/exports/:file', {
    schema: { tags, summary: 'A list as XLSX or CSV (UTF-8), with the template\'s columns: products, places, lots, diary — e.g. /exports/lots.csv.', params: { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 40 } } } },
  }, async (request, reply) => {
    requirePermission(request, 'catalog:read');
    const match = FILE.exec(request.params.file);
    if (!match) throw notFound();
    const file = await exports.export(contextOf(request), match[1] as ImportList, match[2] as 'xlsx' | 'csv', vietnamDate(deps.now()));
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'private, no-store').send(file.bytes);
  });
}
