// Products: registered by their organisation (draft → published; only published ones are public), versioned on
// every change, read by officials within scope. Every write is audited with before/after in its transaction.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { productCompleteness, type CompletenessReport } from './completeness.ts';
import { actorLabel, type CatalogDeps, type OrganizationFacts } from './deps.ts';
import { uniqueViolation } from './db-errors.ts';
import { CatalogErrors } from './messages.ts';
import type { ProductCategory, ProductInput, RiskClass } from './model.ts';
import { canReadRecord, canWriteRecord, readScope, writingOrganization } from './policy.ts';
import { presentProduct } from './presenter.ts';
import { productAsInput, productFieldProblems, productReferenceProblems, productValues } from './product-rules.ts';
import { searchCondition } from './search-terms.ts';
import { productVersions, products, type ProductRow } from './tables.ts';
import { recordProductVersion } from './versions.ts';

export interface ProductListQuery {
  readonly q?: string;
  readonly status?: 'draft' | 'published';
  readonly category?: ProductCategory;
  readonly ocopStars?: number;
  readonly riskClass?: RiskClass;
  readonly protectedMark?: 'any' | 'geographical_indication' | 'collective_mark' | 'certification_mark';
  readonly keyProduct?: boolean;
  readonly communeId?: number;
  readonly sector?: string;
  readonly organizationId?: string;
  readonly sort?: 'name' | '-name' | 'updatedAt' | '-updatedAt';
  readonly limit: number;
  readonly offset: number;
}

export function invalidFields(problems: readonly FieldProblem[]): AppError {
  return new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
}

export async function requireOrganization(deps: CatalogDeps, organizationId: string): Promise<OrganizationFacts> {
  const org = await deps.organizations.findById(organizationId);
  if (!org) throw new AppError('forbidden', CatalogErrors.CATALOG_ORGANIZATION_REQUIRED);
  return org;
}

export function createProductService(deps: CatalogDeps) {
  const { db, clock, audit } = deps;

  const subject = (p: ProductRow) => ({ organizationId: p.organizationId, communeId: p.orgCommuneId, sectors: p.orgSectors });

  async function gtinTaken(tx: Orm, organizationId: string, gtin: string, exceptId?: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.organizationId, organizationId), eq(products.gtin, gtin), exceptId ? sql`${products.id} <> ${exceptId}` : undefined));
    return row !== undefined;
  }

  const gtinConflict = (gtin: string) => conflict(CatalogErrors.CATALOG_GTIN_TAKEN, { gtin }, [{ pointer: '/gtin', code: CatalogErrors.CATALOG_GTIN_TAKEN, params: { gtin } }]);

  /** Inserts a validated product with its first version, ledger entry and audit record (inside `tx`). */
  async function insert(tx: Orm, ctx: RequestContext, org: OrganizationFacts, input: ProductInput, gtin: string | null): Promise<ProductRow> {
    if (gtin && (await gtinTaken(tx, org.id, gtin))) throw gtinConflict(gtin);
    const [row] = await tx
      .insert(products)
      .values({
        ...productValues(input, gtin),
        organizationId: org.id,
        orgCommuneId: org.communeId,
        orgSectors: [...org.sectors],
        status: 'draft',
        version: 1,
        images: [],
        createdBy: actorLabel(ctx.actor),
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning();
    await recordProductVersion(tx, row!, actorLabel(ctx.actor));
    await audit.record(tx, ctx, { action: 'catalog.product.create', resourceType: 'product', resourceId: row!.id, subject: subject(row!), after: presentProduct(row!) });
    return row!;
  }

  async function loadReadable(ctx: RequestContext, id: string, executor: Orm = db.orm): Promise<ProductRow> {
    const [row] = await executor.select().from(products).where(eq(products.id, id));
    if (!row || !canReadRecord(ctx.actor, row)) throw notFound(CatalogErrors.CATALOG_PRODUCT_NOT_FOUND);
    return row;
  }

  /** Locks a product for change; 404 unless the actor may read it, 403 when it may read but not write. */
  async function lockWritable(tx: Orm, ctx: RequestContext, id: string): Promise<ProductRow> {
    const [row] = await tx.select().from(products).where(eq(products.id, id)).for('update');
    if (!row || !(canReadRecord(ctx.actor, row) || canWriteRecord(ctx.actor, row))) throw notFound(CatalogErrors.CATALOG_PRODUCT_NOT_FOUND);
    if (!canWriteRecord(ctx.actor, row)) throw new AppError('forbidden', CommonErrors.FORBIDDEN);
    return row;
  }

  /** Saves a changed product as its next version (history, ledger, audit). */
  async function saveVersion(tx: Orm, ctx: RequestContext, before: ProductRow, changes: Partial<ProductRow>, action: string): Promise<ProductRow> {
    const [after] = await tx
      .update(products)
      .set({ ...changes, version: before.version + 1, updatedAt: clock.now() })
      .where(eq(products.id, before.id))
      .returning();
    await recordProductVersion(tx, after!, actorLabel(ctx.actor));
    await audit.record(tx, ctx, { action, resourceType: 'product', resourceId: before.id, subject: subject(after!), before: presentProduct(before), after: presentProduct(after!) });
    return after!;
  }

  return {
    insert,
    saveVersion,
    lockWritable,

    async create(ctx: RequestContext, input: ProductInput): Promise<ProductRow> {
      const org = await requireOrganization(deps, writingOrganization(ctx.actor));
      const { problems, gtin } = productFieldProblems(input, org);
      problems.push(...(await productReferenceProblems(db.orm, org.id, input)));
      if (problems.length) throw invalidFields(problems);
      try {
        return await db.transaction((tx) => insert(tx, ctx, org, input, gtin ?? null));
      } catch (err) {
        if (gtin && uniqueViolation(err)) throw gtinConflict(gtin);
        throw err;
      }
    },

    async update(ctx: RequestContext, id: string, patch: Partial<ProductInput>): Promise<ProductRow> {
      // Officials and keys without catalog:write stop here (403); another organisation's product answers 404 below.
      const org = await requireOrganization(deps, writingOrganization(ctx.actor));
      const { problems, gtin } = productFieldProblems(patch, org);
      problems.push(...(await productReferenceProblems(db.orm, org.id, patch)));
      if (problems.length) throw invalidFields(problems);
      try {
        return await db.transaction(async (tx) => {
          const before = await lockWritable(tx, ctx, id);
          const merged: ProductInput = { ...productAsInput(before), ...patch };
          const nextGtin = gtin === undefined ? before.gtin : gtin;
          if (nextGtin && nextGtin !== before.gtin && (await gtinTaken(tx, before.organizationId, nextGtin, id))) throw gtinConflict(nextGtin);
          return saveVersion(tx, ctx, before, { ...productValues(merged, nextGtin), orgCommuneId: org.communeId, orgSectors: [...org.sectors] }, 'catalog.product.update');
        });
      } catch (err) {
        if (gtin && uniqueViolation(err)) throw gtinConflict(gtin);
        throw err;
      }
    },

    /** draft → published (public from then on) or back to draft. */
    async setStatus(ctx: RequestContext, id: string, status: 'draft' | 'published'): Promise<ProductRow> {
      return db.transaction(async (tx) => {
        const before = await lockWritable(tx, ctx, id);
        if (before.status === status) return before;
        const now = clock.now();
        return saveVersion(tx, ctx, before, { status, publishedAt: status === 'published' ? now : before.publishedAt }, status === 'published' ? 'catalog.product.publish' : 'catalog.product.unpublish');
      });
    },

    get: (ctx: RequestContext, id: string) => loadReadable(ctx, id),

    async list(ctx: RequestContext, q: ProductListQuery): Promise<{ items: ProductRow[]; total: number }> {
      const scope = readScope(ctx.actor, products);
      if (scope === false) return { items: [], total: 0 };
      const where: SQL | undefined = and(
        scope,
        q.q ? searchCondition(products.search, q.q) : undefined,
        q.status ? eq(products.status, q.status) : undefined,
        q.category ? eq(products.category, q.category) : undefined,
        q.ocopStars ? eq(products.ocopStars, q.ocopStars) : undefined,
        q.riskClass ? eq(products.riskClass, q.riskClass) : undefined,
        q.protectedMark === 'any' ? sql`${products.protectedMarkKind} is not null` : q.protectedMark ? eq(products.protectedMarkKind, q.protectedMark) : undefined,
        q.keyProduct !== undefined ? eq(products.keyProduct, q.keyProduct) : undefined,
        q.communeId ? eq(products.orgCommuneId, q.communeId) : undefined,
        q.sector ? eq(products.sector, q.sector) : undefined,
        q.organizationId ? eq(products.organizationId, q.organizationId) : undefined,
      );
      const order = q.sort === 'name' ? asc(products.search) : q.sort === '-name' ? desc(products.search) : q.sort === 'updatedAt' ? asc(products.updatedAt) : desc(products.updatedAt);
      const [items, [total]] = await Promise.all([
        db.orm.select().from(products).where(where).orderBy(order, asc(products.id)).limit(q.limit).offset(q.offset),
        db.orm.select({ n: count() }).from(products).where(where),
      ]);
      return { items, total: Number(total?.n ?? 0) };
    },

    async history(ctx: RequestContext, id: string) {
      await loadReadable(ctx, id);
      return db.orm.select().from(productVersions).where(eq(productVersions.productId, id)).orderBy(desc(productVersions.version));
    },

    async version(ctx: RequestContext, id: string, version: number) {
      await loadReadable(ctx, id);
      const [row] = await db.orm.select().from(productVersions).where(and(eq(productVersions.productId, id), eq(productVersions.version, version)));
      if (!row) throw notFound(CatalogErrors.CATALOG_VERSION_NOT_FOUND, { version });
      return row;
    },

    async completeness(ctx: RequestContext, id: string): Promise<CompletenessReport> {
      return completenessOf(await loadReadable(ctx, id));
    },

    completenessOf,
  };

  async function completenessOf(p: ProductRow): Promise<CompletenessReport> {
    const org = await deps.organizations.findById(p.organizationId);
    return productCompleteness(
      {
        nameVi: p.nameVi,
        gtin: p.gtin,
        imageCount: p.images.length,
        standardsCount: p.standards.length,
        certificationsCount: p.certifications.length,
        originPlaceId: p.originPlaceId,
        safetyWarnings: p.safetyWarnings,
        brand: p.brand,
        trademark: p.trademark,
        modelCode: p.modelCode,
        shelfLifeDays: p.shelfLifeDays,
      },
      { name: org?.name ?? '', address: org?.address ?? '', taxCode: org?.taxCode ?? null },
    );
  }
}

export type ProductService = ReturnType<typeof createProductService>;
