// Transformation yields per product (trace.product_yields): set by the product's owner, read by everyone who may
// trace it, used by the mass balance. Audited like any master data change.
import { sql } from 'drizzle-orm';
import type { AuditRecorder } from '../../platform/audit.ts';
import { actingOrganizationId, isOfficial } from '../../platform/auth/actor.ts';
import type { Database, Orm } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { Directory } from './directory.ts';
import type { Yield } from './mass-balance.ts';
import { TraceErrors } from './messages.ts';
import { requireTracer } from './scope.ts';
import { isKnownUom } from './units.ts';

export interface ProductYield extends Yield {
  readonly productId: string;
  readonly organizationId: string;
  readonly note: string | null;
  readonly updatedAt: Date;
}

export interface YieldInput {
  readonly inputPerOutput: number;
  readonly inputUom?: string;
  readonly outputUom?: string;
  readonly tolerancePercent?: number;
  readonly note?: string | null;
}

interface Row {
  product_id: string;
  organization_id: string;
  input_per_output: number;
  input_uom: string;
  output_uom: string;
  tolerance_percent: number;
  note: string | null;
  updated_at: Date | string;
}

const toYield = (r: Row): ProductYield => ({
  productId: r.product_id, organizationId: r.organization_id, inputPerOutput: Number(r.input_per_output), inputUom: r.input_uom, outputUom: r.output_uom,
  tolerancePercent: Number(r.tolerance_percent), note: r.note, updatedAt: new Date(r.updated_at),
});

export async function yieldsOf(db: Orm, productIds: readonly string[]): Promise<Map<string, ProductYield>> {
  if (!productIds.length) return new Map();
  const found = await rows<Row>(db, sql`select * from trace.product_yields where product_id = any(${sql.param([...new Set(productIds)])}::uuid[])`);
  return new Map(found.map((r) => [r.product_id, toYield(r)]));
}

export function createYieldService(deps: { db: Database; audit: AuditRecorder; directory: Directory }) {
  const { db, audit, directory } = deps;

  async function productFor(ctx: RequestContext, productId: string) {
    const product = (await directory.productsById([productId])).get(productId);
    if (!product) throw notFound(TraceErrors.TRACE_PRODUCT_NOT_FOUND);
    const org = actingOrganizationId(ctx.actor);
    const official = isOfficial(ctx.actor) || ctx.actor.type === 'system';
    // Out of reach answers 404, as everywhere: a product's existence is not revealed.
    if (!official && org !== product.organizationId) throw notFound(TraceErrors.TRACE_PRODUCT_NOT_FOUND);
    return product;
  }

  return {
    async get(ctx: RequestContext, productId: string): Promise<ProductYield | null> {
      requireTracer(ctx.actor);
      await productFor(ctx, productId);
      return (await yieldsOf(db.orm, [productId])).get(productId) ?? null;
    },

    async set(ctx: RequestContext, productId: string, input: YieldInput): Promise<ProductYield> {
      requireTracer(ctx.actor);
      const product = await productFor(ctx, productId);
      if (ctx.actor.type === 'api_key' ? !ctx.actor.permissions.includes('catalog:write') : actingOrganizationId(ctx.actor) !== product.organizationId) {
        throw new AppError('forbidden', TraceErrors.TRACE_YIELD_FORBIDDEN);
      }
      for (const [pointer, uom] of [['/inputUom', input.inputUom], ['/outputUom', input.outputUom]] as const) {
        if (uom !== undefined && !isKnownUom(uom)) throw fieldInvalid(pointer, TraceErrors.TRACE_UNIT_UNKNOWN, { uom });
      }
      return db.transaction(async (tx) => {
        const before = (await yieldsOf(tx, [productId])).get(productId) ?? null;
        const [row] = await rows<Row>(tx, sql`
          insert into trace.product_yields (product_id, organization_id, input_per_output, input_uom, output_uom, tolerance_percent, note, updated_by, updated_at)
          values (${productId}::uuid, ${product.organizationId}::uuid, ${input.inputPerOutput}, ${(input.inputUom ?? 'KGM').toUpperCase()}, ${(input.outputUom ?? 'KGM').toUpperCase()},
            ${input.tolerancePercent ?? 10}, ${input.note ?? null}, ${ctx.actor.type === 'user' ? ctx.actor.userId : ctx.actor.type}, now())
          on conflict (product_id) do update set input_per_output = excluded.input_per_output, input_uom = excluded.input_uom, output_uom = excluded.output_uom,
            tolerance_percent = excluded.tolerance_percent, note = excluded.note, updated_by = excluded.updated_by, updated_at = now()
          returning *`);
        const after = toYield(row!);
        await audit.record(tx, ctx, { action: 'trace.yield.set', resourceType: 'trace.product_yield', resourceId: productId, subject: { organizationId: product.organizationId }, before, after });
        return after;
      });
    },
  };
}

export type YieldService = ReturnType<typeof createYieldService>;
