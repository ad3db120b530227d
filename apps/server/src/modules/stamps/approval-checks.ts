// What the approver of a stamp request is shown, computed from the current records each time: the
// organisation is approved; the product is published and has every field Circular 02/2024 Art. 6.5 and
// Decree 37/2026 Art. 32 require (the catalog's completeness check); its certificates and OCOP rating are
// valid today; the lot (if any) is the product's; the quantity fits the organisation's yearly quota.
import { sql } from 'drizzle-orm';
import { rows, type Orm } from '../../platform/db/database.ts';
import { systemContext } from '../../platform/request-context.ts';
import { vietnamDate, type StampsDeps } from './deps.ts';
import { DEFAULT_YEARLY_QUOTA, type ApprovalCheck } from './model.ts';

export interface QuotaState {
  readonly year: number;
  readonly limit: number;
  /** Stamps approved this year (approved, issuing or issued requests). */
  readonly used: number;
  /** Stamps in requests still waiting for a decision. */
  readonly pending: number;
}

/** The calendar year in Vietnam (UTC+7), the quota's period. */
export function quotaYear(now: Date): number {
  return Number(vietnamDate(now).slice(0, 4));
}

export async function quotaState(db: Orm, organizationId: string, now: Date, exceptRequestId?: string): Promise<QuotaState> {
  const year = quotaYear(now);
  const start = new Date(Date.UTC(year, 0, 1, -7));
  const end = new Date(Date.UTC(year + 1, 0, 1, -7));
  const [row] = await rows<{ limit: number | null; used: number; pending: number }>(
    db,
    sql`select (select yearly_limit from stamps.quotas where organization_id = ${organizationId}) as "limit",
          coalesce(sum(quantity) filter (where status in ('approved', 'issuing', 'issued') and decided_at >= ${start} and decided_at < ${end}), 0)::int as used,
          coalesce(sum(quantity) filter (where status = 'pending'), 0)::int as pending
        from stamps.requests where organization_id = ${organizationId} and id <> ${exceptRequestId ?? '00000000-0000-0000-0000-000000000000'}`,
  );
  return { year, limit: row?.limit ?? DEFAULT_YEARLY_QUOTA, used: row?.used ?? 0, pending: row?.pending ?? 0 };
}

export interface CheckSubject {
  readonly id?: string;
  readonly organizationId: string;
  readonly productId: string;
  readonly lotId: string | null;
  readonly quantity: number;
}

export async function approvalChecks(deps: StampsDeps, r: CheckSubject): Promise<ApprovalCheck[]> {
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const checks: ApprovalCheck[] = [];
  const org = await deps.organizations.findById(r.organizationId);
  checks.push({ code: 'organization_approved', passed: org?.status === 'approved', params: { status: org?.status ?? 'unknown' } });

  const product = await deps.catalog.products.get(systemContext('stamps'), r.productId).catch(() => undefined);
  checks.push({ code: 'product_published', passed: product?.status === 'published', params: { status: product?.status ?? 'unknown' } });
  if (product) {
    const report = await deps.catalog.products.completenessOf(product);
    checks.push({ code: 'product_complete', passed: report.complete, params: { missing: report.missing.map((m) => m.field) } });
    const expired = product.certifications.filter((c) => c.validTo && c.validTo < today).map((c) => c.number);
    const notYet = product.certifications.filter((c) => c.validFrom && c.validFrom > today).map((c) => c.number);
    checks.push({
      code: 'certificates_valid',
      passed: product.certifications.length === 0 ? null : expired.length === 0 && notYet.length === 0,
      params: { count: product.certifications.length, expired, notYet },
    });
    const ocopExpired = product.ocopStars !== null && product.ocopExpiresOn !== null && product.ocopExpiresOn < today;
    checks.push({ code: 'ocop_valid', passed: product.ocopStars === null ? null : !ocopExpired, params: { stars: product.ocopStars, expiresOn: product.ocopExpiresOn } });
  } else {
    checks.push({ code: 'product_complete', passed: false }, { code: 'certificates_valid', passed: null }, { code: 'ocop_valid', passed: null });
  }
  if (r.lotId) {
    const lot = await deps.catalog.lots.findById(r.lotId);
    checks.push({ code: 'lot_matches_product', passed: lot?.productId === r.productId, params: { lotCode: lot?.lotCode ?? null } });
  } else {
    checks.push({ code: 'lot_matches_product', passed: null });
  }
  const quota = await quotaState(deps.db.orm, r.organizationId, now, r.id);
  const remaining = Math.max(0, quota.limit - quota.used);
  checks.push({ code: 'within_quota', passed: r.quantity <= remaining, params: { year: quota.year, limit: quota.limit, used: quota.used, remaining, quantity: r.quantity } });
  return checks;
}

export const failedChecks = (checks: readonly ApprovalCheck[]) => checks.filter((c) => c.passed === false);
