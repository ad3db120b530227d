// Spreadsheet imports: upload → a validation report per row → commit only the valid rows, or everything or
// nothing, as the person chooses. Large files run as platform jobs (progress in the database, so a reload shows
// it); small ones are handled within the request. The commit re-checks every row inside its one transaction, so
// what is written is exactly what passed, and a failure writes nothing.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { createJob, getJob, type JobContext, type JobHandler } from '../../platform/jobs/jobs.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { actorLabel, type CatalogDeps } from './deps.ts';
import { CatalogErrors, ImportMessages } from './messages.ts';
import type { ImportReport } from './model.ts';
import { canReadRecord, writingOrganization } from './policy.ts';
import { requireOrganization } from './products-service.ts';
import { loadImportContext } from './spreadsheet/import-context.ts';
import type { ListHandler } from './spreadsheet/list-handlers.ts';
import { readCsv } from './spreadsheet/read-csv.ts';
import { readXlsx } from './spreadsheet/read-xlsx.ts';
import type { SheetResult } from './spreadsheet/sheet.ts';
import { readSheetCopy, sheetCopy, sheetCopyKey } from './spreadsheet/sheet-copy.ts';
import { reportOf, validateSheet } from './spreadsheet/validate-rows.ts';
import { imports, type CommitMode, type ImportList, type ImportRow } from './tables.ts';
import type { Upload } from './files-service.ts';

export const IMPORT_VALIDATE_JOB = 'catalog.import.validate';
export const IMPORT_COMMIT_JOB = 'catalog.import.commit';
/** Files up to this size are checked and committed within the request; larger ones become jobs. */
const INLINE_BYTES = 256 * 1024;
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export function createImportService(deps: CatalogDeps & { handlers: Record<ImportList, ListHandler<unknown>> }) {
  const { db, storage, clock } = deps;

  function formatOf(upload: Upload): 'xlsx' | 'csv' {
    if (upload.bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'xlsx';
    const name = upload.fileName.toLowerCase();
    if (name.endsWith('.csv') || name.endsWith('.txt') || !/\.[a-z0-9]{2,5}$/.test(name)) return 'csv';
    if (name.endsWith('.xlsx')) return 'xlsx';
    throw new AppError('unsupported_media_type', ImportMessages.CATALOG_IMPORT_FILE_TYPE);
  }

  /**
   * The file's rows. Read from the upload for checking, and kept as a copy (sheet-copy.ts) that the commit reads
   * instead (`reuse`), falling back to the upload when there is no copy.
   */
  async function readSheet(row: ImportRow, reuse: boolean): Promise<SheetResult> {
    const copyKey = sheetCopyKey(row.storageKey);
    if (reuse) {
      const copy = await storage.get(copyKey);
      const read = copy ? readSheetCopy(copy.bytes) : undefined;
      if (read) return { ok: true, ...read };
    }
    const stored = await storage.get(row.storageKey);
    if (!stored) return { ok: false, error: { code: CatalogErrors.CATALOG_FILE_NOT_FOUND } };
    const names = deps.handlers[row.list].definition.sheetNames;
    const result = row.fileFormat === 'xlsx' ? await readXlsx(stored.bytes, names) : readCsv(stored.bytes);
    if (result.ok) await storage.put(copyKey, sheetCopy(result.sheet, result.notices), 'application/json');
    return result;
  }

  async function setRow(id: string, values: Partial<ImportRow>): Promise<ImportRow> {
    const [row] = await db.orm.update(imports).set({ ...values, updatedAt: clock.now() }).where(eq(imports.id, id)).returning();
    return row!;
  }

  async function runValidation(id: string, progress?: JobContext['progress']): Promise<ImportRow> {
    const [row] = await db.orm.select().from(imports).where(eq(imports.id, id));
    if (!row) throw notFound(CatalogErrors.CATALOG_IMPORT_NOT_FOUND);
    const sheet = await readSheet(row, false);
    if (!sheet.ok) return setRow(id, { status: 'rejected', totalRows: 0, validRows: 0, invalidRows: 0, report: reportOf(null, sheet.error, []) });
    await progress?.(0, sheet.sheet.rows.length);
    const org = await requireOrganization(deps, row.organizationId);
    const ictx = await loadImportContext(db.orm, org, await deps.communes.listUnits());
    const handler = deps.handlers[row.list];
    const outcome = await validateSheet(handler.definition, sheet.sheet, ictx.refs, { check: (input) => handler.check(input, ictx) }, progress);
    await progress?.(sheet.sheet.rows.length, sheet.sheet.rows.length);
    return setRow(id, {
      status: outcome.fileError ? 'rejected' : 'validated',
      totalRows: outcome.total,
      validRows: outcome.valid.length,
      invalidRows: outcome.invalidRows.length,
      report: reportOf(outcome, null, sheet.notices),
    });
  }

  /** Writes the chosen rows in one transaction; rows checked again inside it. */
  async function runCommit(id: string, ctx: RequestContext, mode: CommitMode): Promise<ImportRow> {
    const [row] = await db.orm.select().from(imports).where(eq(imports.id, id));
    if (!row) throw notFound(CatalogErrors.CATALOG_IMPORT_NOT_FOUND);
    const sheet = await readSheet(row, true);
    if (!sheet.ok) return setRow(id, { status: 'failed', report: reportOf(null, sheet.error, []) });
    const org = await requireOrganization(deps, row.organizationId);
    const communes = await deps.communes.listUnits();
    const handler = deps.handlers[row.list];
    type Result = { written: number; report: ImportReport; refused: boolean; total: number; invalid: number };
    const result = await db.transaction(async (tx): Promise<Result> => {
      const ictx = await loadImportContext(tx, org, communes);
      const outcome = await validateSheet(handler.definition, sheet.sheet, ictx.refs, { check: (input) => handler.check(input, ictx) });
      if (outcome.fileError || (mode === 'all-or-nothing' && outcome.invalidRows.length > 0) || outcome.valid.length === 0) {
        return { written: 0, report: reportOf(outcome, null, sheet.notices), refused: true, total: outcome.total, invalid: outcome.invalidRows.length };
      }
      const ids = await handler.writeAll(tx, ctx, outcome.valid.map((v) => v.input), ictx);
      await deps.audit.record(tx, ctx, {
        action: 'catalog.import.commit',
        resourceType: 'import',
        resourceId: id,
        subject: { organizationId: org.id, communeId: org.communeId, sectors: org.sectors },
        after: { list: row.list, fileName: row.fileName, mode, created: ids.length, ids: ids.slice(0, 5000) },
      });
      return { written: ids.length, report: reportOf(outcome, null, sheet.notices), refused: false, total: outcome.total, invalid: outcome.invalidRows.length };
    });
    if (result.refused) {
      await setRow(id, { status: 'validated', commitMode: null, totalRows: result.total, validRows: result.total - result.invalid, invalidRows: result.invalid, report: result.report });
      throw conflict(result.invalid > 0 ? ImportMessages.CATALOG_IMPORT_HAS_ERRORS : ImportMessages.CATALOG_IMPORT_NOTHING_VALID, { invalid: result.invalid });
    }
    return setRow(id, { status: 'committed', committedRows: result.written, invalidRows: result.invalid, report: result.report });
  }

  async function loadOwn(ctx: RequestContext, id: string): Promise<ImportRow> {
    const [row] = await db.orm.select().from(imports).where(eq(imports.id, id));
    const orgFacts = row ? await deps.organizations.findById(row.organizationId) : undefined;
    if (!row || !orgFacts || !canReadRecord(ctx.actor, { organizationId: row.organizationId, orgCommuneId: orgFacts.communeId, orgSectors: orgFacts.sectors })) {
      throw notFound(CatalogErrors.CATALOG_IMPORT_NOT_FOUND);
    }
    return row;
  }

  const jobHandlers = new Map<string, JobHandler>([
    [IMPORT_VALIDATE_JOB, async (job) => {
      const { importId } = job.job.input as { importId: string };
      const row = await runValidation(importId, job.progress);
      return { status: row.status, validRows: row.validRows, invalidRows: row.invalidRows };
    }],
    [IMPORT_COMMIT_JOB, async (job) => {
      const { importId, actor, mode } = job.job.input as { importId: string; actor: Actor; mode: CommitMode };
      const ctx: RequestContext = { actor, requestId: `import:${importId}`, clientHash: null, lang: 'vi' };
      try {
        const row = await runCommit(importId, ctx, mode);
        return { status: row.status, committedRows: row.committedRows };
      } catch (err) {
        if (err instanceof AppError) {
          // A refusal (rows with errors under "all or nothing") is an answer, not a failure to retry.
          return { status: 'validated', refused: err.code };
        }
        await setRow(importId, { status: 'failed' });
        throw err;
      }
    }],
  ]);

  return {
    jobHandlers,

    async start(ctx: RequestContext, list: ImportList, upload: Upload): Promise<ImportRow> {
      const organizationId = writingOrganization(ctx.actor);
      const fileFormat = formatOf(upload);
      const id = randomUUID();
      const storageKey = `imports/${id}/source.${fileFormat}`;
      await storage.put(storageKey, upload.bytes, fileFormat === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
      const inline = upload.bytes.length <= INLINE_BYTES;
      await db.transaction(async (tx) => {
        const job = inline ? null : await createJob(tx, { kind: IMPORT_VALIDATE_JOB, input: { importId: id }, organizationId, createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null });
        await tx.insert(imports).values({ id, organizationId, list, fileName: upload.fileName.slice(0, 200), fileFormat, storageKey, status: 'validating', jobId: job?.id ?? null, createdBy: actorLabel(ctx.actor), createdAt: clock.now(), updatedAt: clock.now() });
      });
      if (inline) return runValidation(id);
      const [row] = await db.orm.select().from(imports).where(eq(imports.id, id));
      return row!;
    },

    async commit(ctx: RequestContext, id: string, mode: CommitMode): Promise<ImportRow> {
      writingOrganization(ctx.actor);
      const row = await loadOwn(ctx, id);
      if (row.organizationId !== writingOrganization(ctx.actor)) throw notFound(CatalogErrors.CATALOG_IMPORT_NOT_FOUND);
      if (row.status !== 'validated') throw conflict(ImportMessages.CATALOG_IMPORT_NOT_VALIDATED, { status: row.status });
      if (mode === 'all-or-nothing' && (row.invalidRows ?? 0) > 0) throw conflict(ImportMessages.CATALOG_IMPORT_HAS_ERRORS, { invalid: row.invalidRows });
      const stored = await storage.get(row.storageKey);
      const inline = (stored?.bytes.length ?? 0) <= INLINE_BYTES;
      if (inline) {
        await setRow(id, { status: 'committing', commitMode: mode });
        return runCommit(id, ctx, mode);
      }
      return db.transaction(async (tx) => {
        const job = await createJob(tx, { kind: IMPORT_COMMIT_JOB, input: { importId: id, actor: ctx.actor, mode }, organizationId: row.organizationId, createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null });
        const [after] = await tx.update(imports).set({ status: 'committing', commitMode: mode, jobId: job.id, updatedAt: clock.now() }).where(eq(imports.id, id)).returning();
        return after!;
      });
    },

    async get(ctx: RequestContext, id: string): Promise<{ row: ImportRow; progress: { done: number; total: number | null } | null }> {
      const row = await loadOwn(ctx, id);
      const job = row.jobId ? await getJob(db.orm, row.jobId) : undefined;
      return { row, progress: job ? { done: job.progressDone, total: job.progressTotal } : row.totalRows !== null ? { done: row.totalRows, total: row.totalRows } : null };
    },

    async list(ctx: RequestContext): Promise<ImportRow[]> {
      const organizationId = writingOrganization(ctx.actor);
      return db.orm.select().from(imports).where(and(eq(imports.organizationId, organizationId))).orderBy(desc(imports.createdAt)).limit(50);
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
