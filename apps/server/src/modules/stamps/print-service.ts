// Printing: a range of a request's stamps as a PDF (label sheets or roll) or a ZIP (SVG + PNG + CSV). Every
// print and reprint is logged (print_jobs, audit) and moves the stamps to `printed` (a ledger status change).
//
// Verification codes (kind qr_code) exist in plaintext only inside the print file: they are drawn when the
// file is made, only their HMACs are stored, and the file is generated once. A reprint (with a reason) draws
// new codes, so the codes of the earlier sheet stop verifying: a lost or spoiled sheet cannot be used.
import { eq, sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.ts';
import type { Writable } from 'node:stream';
import { AppError, conflict, fieldInvalid, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { systemContext } from '../../platform/request-context.ts';
import { actorLabel, type StampsDeps } from './deps.ts';
import { StampErrors } from './messages.ts';
import { LAYOUT_PRESETS, MAX_LABELS_PER_PRINT, type LabelLayout, type LayoutPreset } from './model.ts';
import { canOperate, canReadStamps } from './policy.ts';
import type { LabelContent } from './print/label-drawing.ts';
import { layoutProblems } from './print/label-geometry.ts';
import { writeLabelsPdf } from './print/pdf-labels.ts';
import { qrModules } from './print/qr-modules.ts';
import { writeLabelsZip } from './print/zip-labels.ts';
import { hashVerificationCode, newVerificationCode } from './serials.ts';
import { applyStatusChange, lockStamps } from './status-changes.ts';
import { requests } from './tables.ts';
import { pgArray } from './sql-arrays.ts';

/** ZIP files carry an SVG and a PNG per label: fewer per file than a PDF. */
export const MAX_LABELS_PER_ZIP = 5_000;

export interface PrintOptions {
  readonly format: 'pdf' | 'zip';
  readonly from?: number;
  readonly to?: number;
  readonly reprint?: boolean;
  readonly reason?: string;
  /** Another layout preset than the request's (the sheets at hand differ). */
  readonly preset?: LayoutPreset;
}

export interface PrintFile {
  readonly filename: string;
  readonly contentType: string;
  readonly count: number;
  readonly printJobId: string;
  /** Streams the file; resolves with the number of labels written. */
  write(out: Writable): Promise<number>;
}

export function createPrintService(deps: StampsDeps) {
  const { db, clock, audit } = deps;

  async function print(ctx: RequestContext, requestId: string, options: PrintOptions): Promise<PrintFile> {
    const [request] = await db.orm.select().from(requests).where(eq(requests.id, requestId));
    if (!request || !(canReadStamps(ctx.actor, request) || canOperate(ctx.actor, request))) throw notFound(StampErrors.STAMP_REQUEST_NOT_FOUND);
    if (!canOperate(ctx.actor, request)) throw forbidden();
    if (request.issuedCount === 0 || !request.uriPrefix) throw conflict(StampErrors.STAMP_REQUEST_NOT_ISSUED, { status: request.status });
    const max = options.format === 'zip' ? MAX_LABELS_PER_ZIP : MAX_LABELS_PER_PRINT;
    const from = options.from ?? 1;
    const to = options.to ?? request.issuedCount;
    if (from < 1 || to < from || to > request.issuedCount) throw fieldInvalid('/from', StampErrors.STAMP_RANGE_INVALID, { from, to, quantity: request.issuedCount });
    if (to - from + 1 > max) throw fieldInvalid('/to', StampErrors.STAMP_PRINT_TOO_MANY, { max, count: to - from + 1 });
    if (options.reprint && (!options.reason || options.reason.trim().length < 3)) throw fieldInvalid('/reason', StampErrors.STAMP_REASON_REQUIRED);
    const layout: LabelLayout = options.preset ? LAYOUT_PRESETS[options.preset] : request.layout;
    const prefix = request.uriPrefix;
    const probe = layoutProblems(layout, request.kind, qrModules(`${prefix}${'Z'.repeat(16)}`).size);
    if (probe.length) throw new AppError('invalid', 'VALIDATION_FAILED', {}, probe.map((p) => ({ ...p, pointer: p.pointer.replace('/layout', '/preset') })));
    const product = await deps.catalog.products.get(systemContext('stamps'), request.productId);

    const prepared = await db.transaction(async (tx) => {
      const locked = await lockStamps(tx, sql`s.request_id = ${requestId} and s.seq between ${from} and ${to} and s.status in ('issued', 'printed')`, max);
      if (!locked.length) throw conflict(StampErrors.STAMP_NOTHING_TO_PRINT);
      const printed = locked.filter((s) => s.status === 'printed');
      if (printed.length && !options.reprint) {
        const [first] = await rows<{ at: Date | string | null }>(tx, sql`select min(printed_at) as at from stamps.stamps where request_id = ${requestId} and seq between ${from} and ${to}`);
        throw conflict(StampErrors.STAMP_ALREADY_PRINTED, { count: printed.length, printedAt: new Date(first?.at ?? 0).toISOString().slice(0, 16).replace('T', ' ') });
      }
      const now = clock.now();
      const codes = new Map<string, string>();
      if (request.kind === 'qr_code') {
        const serials: string[] = [];
        const hashes: string[] = [];
        for (const s of locked) {
          const code = newVerificationCode();
          codes.set(s.serial, code);
          serials.push(s.serial);
          hashes.push(hashVerificationCode(deps.codeKey, s.serial, code).toString('hex'));
        }
        await tx.execute(sql`
          update stamps.stamps s set code_hash = decode(v.h, 'hex'), code_failures = 0, code_last_failure_at = null, code_verified_at = null, code_verified_by = null
          from unnest(${pgArray(serials)}::text[], ${pgArray(hashes)}::text[]) as v(serial, h) where s.serial = v.serial`);
      }
      const change = await applyStatusChange(tx, { kind: 'print', organizationId: request.organizationId, stamps: locked, reason: options.reprint ? options.reason!.trim() : null, actor: actorLabel(ctx.actor), at: now });
      const [job] = (await tx.execute(sql`
        insert into stamps.print_jobs (request_id, organization_id, format, seq_from, seq_to, label_count, reprint, reason, with_codes, layout, printed_by, created_at)
        values (${requestId}, ${request.organizationId}, ${options.format}, ${from}, ${to}, ${locked.length}, ${Boolean(options.reprint)}, ${options.reprint ? options.reason!.trim() : null},
                ${request.kind === 'qr_code'}, ${JSON.stringify(layout)}::jsonb, ${actorLabel(ctx.actor)}, ${now}) returning id`) as unknown as { rows: { id: string }[] }).rows;
      await audit.record(tx, ctx, {
        action: options.reprint ? 'stamps.reprint' : 'stamps.print',
        resourceType: 'stamp_request',
        resourceId: requestId,
        subject: { organizationId: request.organizationId, communeId: request.orgCommuneId, sectors: request.orgSectors },
        after: { format: options.format, from, to, labels: locked.length, reprinted: printed.length, reason: options.reason ?? null, printJobId: job!.id, changeId: change.changeId },
      });
      return { locked, codes, printJobId: job!.id };
    });

    const labels = function* (): Generator<LabelContent> {
      for (const s of prepared.locked) {
        const uri = `${prefix}${s.serial}`;
        yield { uri, serial: s.serial, seq: s.seq, qr: qrModules(uri), code: prepared.codes.get(s.serial) ?? null };
      }
    };
    const base = `tem-${requestId.slice(0, 8)}-${from}-${to}${options.reprint ? '-in-lai' : ''}`;
    const common = { layout, kind: request.kind, productName: product.nameVi, lang: 'vi' as const, labels: labels() };
    return {
      filename: `${base}.${options.format}`,
      contentType: options.format === 'pdf' ? 'application/pdf' : 'application/zip',
      count: prepared.locked.length,
      printJobId: prepared.printJobId,
      write: (out) => (options.format === 'pdf' ? writeLabelsPdf({ ...common, title: `${product.nameVi} — ${base}` }, out) : writeLabelsZip(common, out)),
    };
  }

  async function printJobs(ctx: RequestContext, requestId: string) {
    const [request] = await db.orm.select().from(requests).where(eq(requests.id, requestId));
    if (!request || !canReadStamps(ctx.actor, request)) throw notFound(StampErrors.STAMP_REQUEST_NOT_FOUND);
    const result = await db.orm.execute(sql`
      select id, format, seq_from as "from", seq_to as "to", label_count as "labels", reprint, reason, with_codes as "withCodes", printed_by as "printedBy", created_at as "createdAt"
      from stamps.print_jobs where request_id = ${requestId} order by seq`);
    return (result as unknown as { rows: { id: string; format: string; from: number; to: number; labels: number; reprint: boolean; reason: string | null; withCodes: boolean; printedBy: string | null; createdAt: Date }[] }).rows;
  }

  return { print, printJobs };
}

export type PrintService = ReturnType<typeof createPrintService>;
