// The lifecycle after issuance: activation (linking printed stamps to a lot, by a sequence range or by the
// serials scanned from labels), void, loss and recall, one stamp or a range at a time. Every change is one
// ledger-provable status change (status-changes.ts) and one audit entry.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, fieldInvalid, forbidden, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { actorLabel, type StampsDeps } from './deps.ts';
import { StampErrors, StatusLabels } from './messages.ts';
import { TRANSITIONS, type StatusChangeKind } from './model.ts';
import { canIntervene, canOperate, canReadStamps, operatingOrganization } from './policy.ts';
import { normalizeSerial } from './serials.ts';
import { applyStatusChange, lockStamps, type StatusChangeResult } from './status-changes.ts';
import { requests, type RequestRow } from './tables.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { pgArray } from './sql-arrays.ts';

/** At most this many stamps in one bulk operation (a roll or a few boxes of sheets). */
export const MAX_BULK = 100_000;
export const MAX_SERIALS = 2_000;

export interface SeqRange {
  readonly requestId: string;
  readonly from: number;
  readonly to: number;
}

export interface Selection {
  readonly serials?: readonly string[];
  readonly range?: SeqRange;
}

export interface ActivationResult extends StatusChangeResult {
  /** Serials given that are not stamps of the organisation. */
  readonly notFound: string[];
}

export function createLifecycleService(deps: StampsDeps) {
  const { db, clock, audit } = deps;

  /** Validates a selection and turns it into a condition on stamps `s` of the organisation. */
  async function selectionWhere(organizationId: string, sel: Selection): Promise<{ where: SQL; serials: string[] }> {
    if ((sel.serials?.length ? 1 : 0) + (sel.range ? 1 : 0) !== 1) throw fieldInvalid('/serials', StampErrors.STAMP_SERIALS_OR_RANGE);
    if (sel.serials) {
      if (sel.serials.length > MAX_SERIALS) throw fieldInvalid('/serials', StampErrors.STAMP_TOO_MANY_SERIALS, { max: MAX_SERIALS });
      const problems: FieldProblem[] = [];
      const serials = sel.serials.map((raw, i) => {
        const s = normalizeSerial(extractSerial(raw));
        if (!s) problems.push({ pointer: `/serials/${i}`, code: StampErrors.STAMP_SERIAL_MALFORMED, params: { value: raw.slice(0, 80) } });
        return s ?? '';
      });
      if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
      const unique = [...new Set(serials)];
      return { where: sql`s.organization_id = ${organizationId} and s.serial = any(${pgArray(unique)}::text[])`, serials: unique };
    }
    const r = sel.range!;
    const [request] = await db.orm.select().from(requests).where(and(eq(requests.id, r.requestId), eq(requests.organizationId, organizationId)));
    if (!request) throw fieldInvalid('/range/requestId', StampErrors.STAMP_REQUEST_NOT_FOUND);
    if (r.from < 1 || r.to < r.from || r.to > request.issuedCount || r.to - r.from + 1 > MAX_BULK) {
      throw fieldInvalid('/range', StampErrors.STAMP_RANGE_INVALID, { from: r.from, to: r.to, quantity: request.issuedCount });
    }
    return { where: sql`s.request_id = ${r.requestId} and s.seq between ${r.from} and ${r.to}`, serials: [] };
  }

  async function requestsOf(tx: Orm, ids: readonly string[]): Promise<Map<string, RequestRow>> {
    if (!ids.length) return new Map();
    const rowsFound = await tx.select().from(requests).where(inArray(requests.id, [...ids]));
    return new Map(rowsFound.map((r) => [r.id, r]));
  }

  async function activate(ctx: RequestContext, lotId: string, sel: Selection): Promise<ActivationResult> {
    const organizationId = operatingOrganization(ctx.actor);
    const lot = await deps.catalog.lots.findById(lotId);
    if (!lot || lot.organizationId !== organizationId) throw fieldInvalid('/lotId', StampErrors.STAMP_LOT_NOT_FOUND);
    const { where, serials } = await selectionWhere(organizationId, sel);
    const result = await db.transaction(async (tx) => {
      const locked = await lockStamps(tx, where, MAX_BULK);
      const byRequest = await requestsOf(tx, [...new Set(locked.map((s) => s.requestId))]);
      for (const r of byRequest.values()) {
        if (r.lotId && r.lotId !== lotId) throw conflict(StampErrors.STAMP_LOT_MISMATCH, { lotCode: r.lotCode ?? '' }, [{ pointer: '/lotId', code: StampErrors.STAMP_LOT_MISMATCH, params: { lotCode: r.lotCode ?? '' } }]);
        if (r.productId !== lot.productId) throw fieldInvalid('/lotId', StampErrors.STAMP_LOT_NOT_OF_PRODUCT);
      }
      const change = await applyStatusChange(tx, { kind: 'activate', organizationId, stamps: locked, lotId, actor: actorLabel(ctx.actor), at: clock.now() });
      const found = new Set(locked.map((s) => s.serial));
      const notFoundSerials = serials.filter((s) => !found.has(s));
      await audit.record(tx, ctx, {
        action: 'stamps.activate',
        resourceType: 'lot',
        resourceId: lotId,
        subject: { organizationId, communeId: lot.orgCommuneId, sectors: lot.orgSectors },
        after: { activated: change.changed, skipped: change.skipped, notFound: notFoundSerials.length, changeId: change.changeId },
      });
      return { ...change, notFound: notFoundSerials };
    });
    return result;
  }

  /** Void or report lost one stamp or a range, by the owner or an official who may intervene. */
  async function changeStatus(ctx: RequestContext, kind: Extract<StatusChangeKind, 'void' | 'lost'>, sel: Selection, reason: string): Promise<StatusChangeResult> {
    if (!reason || reason.trim().length < 3) throw fieldInvalid('/reason', StampErrors.STAMP_REASON_REQUIRED);
    const target = await ownerOfSelection(ctx, sel);
    const { where } = await selectionWhere(target.organizationId, sel);
    return db.transaction(async (tx) => {
      const locked = await lockStamps(tx, where, MAX_BULK);
      if (!locked.length) throw notFound(StampErrors.STAMP_NOT_FOUND, { serial: sel.serials?.[0] ?? '' });
      if (sel.serials?.length === 1 && !TRANSITIONS[kind].from.includes(locked[0]!.status)) {
        throw conflict(StampErrors.STAMP_STATUS_CONFLICT, { status: translate(StatusLabels[`STAMP_STATUS_${locked[0]!.status}`], ctx.lang), action: translate(StatusLabels[`STAMP_ACTION_${kind}`], ctx.lang) });
      }
      const change = await applyStatusChange(tx, { kind, organizationId: target.organizationId, stamps: locked, reason: reason.trim(), actor: actorLabel(ctx.actor), at: clock.now() });
      await audit.record(tx, ctx, { action: `stamps.${kind}`, resourceType: 'stamp', resourceId: locked[0]!.serial, subject: target.subject, after: { changed: change.changed, skipped: change.skipped, reason: reason.trim(), changeId: change.changeId } });
      return change;
    });
  }

  /** The organisation whose stamps a selection names, checked against the actor (404 when out of reach). */
  async function ownerOfSelection(ctx: RequestContext, sel: Selection): Promise<{ organizationId: string; subject: { organizationId: string; communeId: number; sectors: string[] } }> {
    let request: RequestRow | undefined;
    if (sel.range) [request] = await db.orm.select().from(requests).where(eq(requests.id, sel.range.requestId));
    else if (sel.serials?.length) {
      const serial = normalizeSerial(extractSerial(sel.serials[0]!));
      if (serial) [request] = await db.orm.select().from(requests).where(sql`${requests.id} = (select request_id from stamps.stamps where serial = ${serial})`);
    }
    if (!request || !(canReadStamps(ctx.actor, request) || canOperate(ctx.actor, request))) throw notFound(StampErrors.STAMP_NOT_FOUND, { serial: sel.serials?.[0] ?? '' });
    if (!canOperate(ctx.actor, request) && !canIntervene(ctx.actor, request)) throw forbidden();
    return { organizationId: request.organizationId, subject: { organizationId: request.organizationId, communeId: request.orgCommuneId, sectors: request.orgSectors } };
  }

  async function recallLot(ctx: RequestContext, lotId: string, reason: string): Promise<StatusChangeResult> {
    if (!reason || reason.trim().length < 3) throw fieldInvalid('/reason', StampErrors.STAMP_REASON_REQUIRED);
    const lot = await deps.catalog.lots.findById(lotId);
    const placement = lot && { organizationId: lot.organizationId, orgCommuneId: lot.orgCommuneId, orgSectors: lot.orgSectors };
    if (!lot || !placement || !(canReadStamps(ctx.actor, placement) || canOperate(ctx.actor, placement))) throw fieldInvalid('/lotId', StampErrors.STAMP_LOT_NOT_FOUND);
    if (!canOperate(ctx.actor, placement) && !canIntervene(ctx.actor, placement)) throw forbidden();
    return db.transaction(async (tx) => {
      const locked = await lockStamps(tx, sql`s.lot_id = ${lotId} and s.status = 'active'`, 10_000_000);
      const change = await applyStatusChange(tx, { kind: 'recall', organizationId: lot.organizationId, stamps: locked, lotId, reason: reason.trim(), actor: actorLabel(ctx.actor), at: clock.now() });
      await audit.record(tx, ctx, { action: 'stamps.recall', resourceType: 'lot', resourceId: lotId, subject: { organizationId: lot.organizationId, communeId: lot.orgCommuneId, sectors: lot.orgSectors }, after: { recalled: change.changed, reason: reason.trim(), changeId: change.changeId } });
      return change;
    });
  }

  return { activate, changeStatus, recallLot };
}

/** A serial from what a phone camera or a person gives: a whole stamp URI or the code itself. */
export function extractSerial(raw: string): string {
  const t = raw.trim();
  const dl = /\/21\/([^/?#]+)/.exec(t);
  if (dl) return decodeURIComponent(dl[1]!);
  const short = /\/s\/([^/?#]+)/.exec(t);
  return short ? short[1]! : t;
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
