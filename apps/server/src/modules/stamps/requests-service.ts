// Stamp requests: an organisation asks for N stamps of one of its products (optionally one lot), of a kind and
// a print layout; the province administrator or the product's sector officer approves (when every check
// passes) or rejects with a reason. Decisions are audited and recorded in the transparency ledger; approval
// queues the issuance job in the same transaction.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { createJob } from '../../platform/jobs/jobs.ts';
import { AppError, conflict, fieldInvalid, forbidden, invalid, notFound, type FieldProblem } from '../../platform/errors.ts';
import { recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { systemContext } from '../../platform/request-context.ts';
import { approvalChecks, failedChecks, quotaState } from './approval-checks.ts';
import { actorLabel, type StampsDeps } from './deps.ts';
import { ISSUE_JOB } from './issuance-job.ts';
import { CheckLabels, StampErrors } from './messages.ts';
import { DEFAULT_EXPECTED_REGION_KM, layoutOf, type ApprovalCheck, type LayoutChoice, type RequestStatus, type StampKind } from './model.ts';
import { canDecide, canReadStamps, operatingOrganization, readScope } from './policy.ts';
import { layoutProblems } from './print/label-geometry.ts';
import { qrModules } from './print/qr-modules.ts';
import { SERIAL_ALPHABET, SERIAL_LENGTH } from './serials.ts';
import { stampUriPrefix } from './stamp-uri.ts';
import { requests, type RequestRow } from './tables.ts';
import { translate } from '../../platform/i18n/messages.ts';

export interface StampRequestInput {
  readonly productId: string;
  readonly lotId?: string | null;
  readonly quantity: number;
  readonly kind: StampKind;
  readonly layout: LayoutChoice;
  readonly expectedRegionKm?: number;
  readonly note?: string | null;
}

export interface RequestListQuery {
  readonly status?: RequestStatus;
  readonly organizationId?: string;
  readonly productId?: string;
  /** Only requests the caller may decide (the approver's queue). */
  readonly decidable?: boolean;
  readonly limit: number;
  readonly offset: number;
}

const SAMPLE_SERIAL = SERIAL_ALPHABET.slice(-SERIAL_LENGTH);

export function createRequestService(deps: StampsDeps) {
  const { db, clock, audit } = deps;
  const subject = (r: RequestRow) => ({ organizationId: r.organizationId, communeId: r.orgCommuneId, sectors: r.orgSectors });

  async function loadReadable(ctx: RequestContext, id: string): Promise<RequestRow> {
    const [row] = await db.orm.select().from(requests).where(eq(requests.id, id));
    if (!row || !canReadStamps(ctx.actor, row)) throw notFound(StampErrors.STAMP_REQUEST_NOT_FOUND);
    return row;
  }

  /** The prefix of the request's stamp URIs, validated (a lot code the GS1 AI (10) refuses is named). */
  function prefixFor(gtin: string | null, lotCode: string | null, pointer: string): string {
    const built = stampUriPrefix(deps.publicBaseUrl, gtin, lotCode);
    if (!built.ok) throw fieldInvalid(pointer, StampErrors.STAMP_URI_MALFORMED, { reason: built.error.code });
    return built.prefix;
  }

  async function decide(ctx: RequestContext, id: string, decision: 'approve' | 'reject', reason?: string): Promise<RequestRow> {
    const before = await loadReadable(ctx, id);
    if (!canDecide(ctx.actor, before)) throw forbidden();
    if (decision === 'reject' && (!reason || reason.trim().length < 3)) throw fieldInvalid('/reason', StampErrors.STAMP_REASON_REQUIRED);
    const checks = await approvalChecks(deps, before);
    const failed = failedChecks(checks);
    if (decision === 'approve' && failed.length) {
      const names = failed.map((c) => translate(CheckLabels[`STAMP_CHECK_${c.code}`], ctx.lang)).join('; ');
      throw new AppError('conflict', StampErrors.STAMP_APPROVAL_CHECKS_FAILED, { failed: names }, [], { checks });
    }
    let prefix: { uriPrefix: string; gtin: string | null; lotCode: string | null } | undefined;
    if (decision === 'approve') {
      const product = await deps.catalog.products.get(systemContext('stamps'), before.productId);
      const lot = before.lotId ? await deps.catalog.lots.findById(before.lotId) : undefined;
      prefix = { uriPrefix: prefixFor(product.gtin, lot?.lotCode ?? null, '/lotId'), gtin: product.gtin, lotCode: lot?.lotCode ?? null };
    }
    return db.transaction(async (tx) => {
      const [locked] = await tx.select().from(requests).where(eq(requests.id, id)).for('update');
      if (locked!.status !== 'pending') throw conflict(StampErrors.STAMP_REQUEST_NOT_PENDING, { status: locked!.status });
      const now = clock.now();
      const job = decision === 'approve' ? await createJob(tx, { kind: ISSUE_JOB, input: { requestId: id }, organizationId: locked!.organizationId }) : undefined;
      const [after] = await tx
        .update(requests)
        .set({
          status: decision === 'approve' ? 'issuing' : 'rejected',
          checks,
          decisionReason: reason?.trim() || null,
          decidedBy: actorLabel(ctx.actor),
          decidedAt: now,
          updatedAt: now,
          ...(prefix ?? {}),
          ...(job ? { jobId: job.id } : {}),
        })
        .where(eq(requests.id, id))
        .returning();
      const decisionRecord = {
        v: 1,
        type: 'stamp-request-decision',
        requestId: id,
        decision: decision === 'approve' ? 'approved' : 'rejected',
        organizationId: after!.organizationId,
        productId: after!.productId,
        lotId: after!.lotId,
        quantity: after!.quantity,
        kind: after!.kind,
        uriPrefix: after!.uriPrefix,
        checks: checks.map((c) => ({ code: c.code, passed: c.passed })),
        reason: after!.decisionReason,
        decidedAt: now.toISOString(),
      };
      await recordInLedger(tx, { kind: 'stamp-request.decision', id: `stamp-request:${id}`, content: decisionRecord, organizationId: after!.organizationId });
      await audit.record(tx, ctx, { action: `stamps.request.${decision}`, resourceType: 'stamp_request', resourceId: id, subject: subject(after!), before: { status: locked!.status }, after: { status: after!.status, reason: after!.decisionReason, checks } });
      return after!;
    }).then((row) => {
      if (row.status === 'issuing') deps.wakeJobs?.();
      return row;
    });
  }

  return {
    async create(ctx: RequestContext, input: StampRequestInput): Promise<RequestRow> {
      const organizationId = operatingOrganization(ctx.actor);
      const org = await deps.organizations.findById(organizationId);
      if (!org) throw forbidden(StampErrors.STAMP_ORGANIZATION_REQUIRED);
      const problems: FieldProblem[] = [];
      const product = await deps.catalog.products.get(systemContext('stamps'), input.productId).catch(() => undefined);
      if (!product || product.organizationId !== organizationId) problems.push({ pointer: '/productId', code: StampErrors.STAMP_PRODUCT_NOT_FOUND });
      const lot = input.lotId ? await deps.catalog.lots.findById(input.lotId) : undefined;
      if (input.lotId && (!lot || lot.productId !== input.productId)) problems.push({ pointer: '/lotId', code: StampErrors.STAMP_LOT_NOT_OF_PRODUCT });
      const layout = layoutOf(input.layout);
      if (product && !problems.length) {
        // The layout is judged against the QR code these stamps will really carry (URI length sets its size).
        const prefix = prefixFor(product.gtin, lot?.lotCode ?? null, '/lotId');
        problems.push(...layoutProblems(layout, input.kind, qrModules(`${prefix}${SAMPLE_SERIAL}`).size));
      }
      if (problems.length) throw invalid('VALIDATION_FAILED', problems);
      const quota = await quotaState(db.orm, organizationId, clock.now());
      const remaining = Math.max(0, quota.limit - quota.used - quota.pending);
      if (input.quantity > remaining) {
        throw new AppError('invalid', StampErrors.STAMP_QUOTA_EXCEEDED, { year: quota.year, quantity: input.quantity, remaining, limit: quota.limit }, [
          { pointer: '/quantity', code: StampErrors.STAMP_QUOTA_EXCEEDED, params: { year: quota.year, quantity: input.quantity, remaining, limit: quota.limit } },
        ]);
      }
      return db.transaction(async (tx) => {
        const now = clock.now();
        const [row] = await tx
          .insert(requests)
          .values({
            organizationId,
            orgCommuneId: org.communeId,
            orgSectors: [...org.sectors],
            productId: input.productId,
            productSector: product!.sector,
            lotId: input.lotId ?? null,
            quantity: input.quantity,
            kind: input.kind,
            layout,
            expectedRegionKm: input.expectedRegionKm ?? DEFAULT_EXPECTED_REGION_KM,
            note: input.note?.trim() || null,
            status: 'pending',
            createdBy: actorLabel(ctx.actor),
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await audit.record(tx, ctx, { action: 'stamps.request.create', resourceType: 'stamp_request', resourceId: row!.id, subject: subject(row!), after: { quantity: row!.quantity, kind: row!.kind, productId: row!.productId, lotId: row!.lotId } });
        return row!;
      });
    },

    get: loadReadable,

    /** The checks as they stand now (pending requests), or as they were at the decision. */
    async checksOf(row: RequestRow): Promise<ApprovalCheck[]> {
      return row.status === 'pending' ? approvalChecks(deps, row) : (row.checks ?? []);
    },

    canDecide: (ctx: RequestContext, row: RequestRow) => row.status === 'pending' && canDecide(ctx.actor, row),

    async list(ctx: RequestContext, q: RequestListQuery): Promise<{ items: RequestRow[]; total: number }> {
      const scope = readScope(ctx.actor, requests);
      if (scope === false) return { items: [], total: 0 };
      const sector = ctx.actor.type === 'user' && ctx.actor.role === 'sector_officer' ? ctx.actor.scope.sector : null;
      const decidable: SQL | undefined = !q.decidable
        ? undefined
        : ctx.actor.type === 'user' && ctx.actor.role === 'province_admin'
          ? undefined
          : sector
            ? sql`(${requests.productSector} = ${sector} or (${requests.productSector} is null and ${sector} = any(${requests.orgSectors})))`
            : sql`false`;
      const where = and(scope, decidable, q.status ? eq(requests.status, q.status) : undefined, q.organizationId ? eq(requests.organizationId, q.organizationId) : undefined, q.productId ? eq(requests.productId, q.productId) : undefined);
      // The queue reads oldest first; everything else newest first.
      const order = q.status === 'pending' ? [asc(requests.createdAt), asc(requests.id)] : [desc(requests.createdAt), asc(requests.id)];
      const [items, [total]] = await Promise.all([
        db.orm.select().from(requests).where(where).orderBy(...order).limit(q.limit).offset(q.offset),
        db.orm.select({ n: count() }).from(requests).where(where),
      ]);
      return { items, total: Number(total?.n ?? 0) };
    },

    approve: (ctx: RequestContext, id: string) => decide(ctx, id, 'approve'),
    reject: (ctx: RequestContext, id: string, reason: string) => decide(ctx, id, 'reject', reason),
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
