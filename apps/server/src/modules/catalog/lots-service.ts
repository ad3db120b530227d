// Lots: a product's batch with its lot code (unique per product), dates, quantity and origin place. A lot refers
// to the product and place versions current when it was recorded. Every write audited and logged (`lot.version`).
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { CatalogDeps, OrganizationFacts } from './deps.ts';
import { uniqueViolation } from './db-errors.ts';
import { lotIdentifiers } from './lot-identifiers.ts';
import { LOT_CODE_TAKEN, lotFieldProblems, lotSearchText, type CleanLot } from './lot-rules.ts';
import { CatalogErrors } from './messages.ts';
import type { LotInput } from './model.ts';
import { canReadRecord, canWriteRecord, readScope, writingOrganization } from './policy.ts';
import { presentLot } from './presenter.ts';
import { invalidFields, requireOrganization } from './products-service.ts';
import { searchCondition } from './search-terms.ts';
import { lots, places, products, type LotRow, type ProductRow } from './tables.ts';
import { vietnamDate } from './validation.ts';
import { recordLotVersion } from './versions.ts';

export interface LotListQuery {
  readonly q?: string;
  readonly productId?: string;
  readonly originPlaceId?: string;
  readonly organizationId?: string;
  readonly limit: number;
  readonly offset: number;
}

export function createLotService(deps: CatalogDeps) {
  const { db, clock, audit } = deps;
  const subject = (l: LotRow) => ({ organizationId: l.organizationId, communeId: l.orgCommuneId, sectors: l.orgSectors });
  const codeConflict = (lotCode: string) => conflict(CatalogErrors.CATALOG_LOT_CODE_TAKEN, { lotCode }, [LOT_CODE_TAKEN(lotCode)]);

  async function ownProduct(tx: Orm, organizationId: string, productId: string): Promise<ProductRow | undefined> {
    const [p] = await tx.select().from(products).where(and(eq(products.id, productId), eq(products.organizationId, organizationId)));
    return p;
  }

  async function ownPlaceVersion(tx: Orm, organizationId: string, placeId: string): Promise<number | undefined> {
    const [p] = await tx.select({ version: places.version }).from(places).where(and(eq(places.id, placeId), eq(places.organizationId, organizationId)));
    return p?.version;
  }

  /** Inserts a validated lot of `product` (inside `tx`); the lot code must be free. */
  async function insert(tx: Orm, ctx: RequestContext, org: OrganizationFacts, product: ProductRow, clean: CleanLot, origin: { id: string; version: number } | null): Promise<LotRow> {
    const [taken] = await tx.select({ id: lots.id }).from(lots).where(and(eq(lots.productId, product.id), eq(lots.lotCode, clean.lotCode)));
    if (taken) throw codeConflict(clean.lotCode);
    const [row] = await tx
      .insert(lots)
      .values({
        ...clean,
        organizationId: org.id,
        orgCommuneId: org.communeId,
        orgSectors: [...org.sectors],
        version: 1,
        productId: product.id,
        productVersion: product.version,
        unit: clean.unit ?? product.unit,
        originPlaceId: origin?.id ?? null,
        originPlaceVersion: origin?.version ?? null,
        search: lotSearchText(clean.lotCode, product.nameVi),
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning();
    await recordLotVersion(tx, row!);
    await audit.record(tx, ctx, { action: 'catalog.lot.create', resourceType: 'lot', resourceId: row!.id, subject: subject(row!), after: present(row!, product.gtin, org.gs1CompanyPrefix) });
    return row!;
  }

  const present = (l: LotRow, gtin: string | null, prefix: string | null) => presentLot(l, lotIdentifiers(gtin, l.lotCode, prefix, deps.publicBaseUrl, l.id));

  async function loadReadable(ctx: RequestContext, id: string): Promise<LotRow> {
    const [row] = await db.orm.select().from(lots).where(eq(lots.id, id));
    if (!row || !canReadRecord(ctx.actor, row)) throw notFound(CatalogErrors.CATALOG_LOT_NOT_FOUND);
    return row;
  }

  return {
    insert,

    async create(ctx: RequestContext, input: LotInput): Promise<LotRow> {
      const org = await requireOrganization(deps, writingOrganization(ctx.actor));
      const { problems, clean } = lotFieldProblems(input, vietnamDate(clock.now()));
      const product = await ownProduct(db.orm, org.id, input.productId);
      if (!product) problems.push({ pointer: '/productId', code: CatalogErrors.CATALOG_PRODUCT_NOT_FOUND });
      const placeVersion = input.originPlaceId ? await ownPlaceVersion(db.orm, org.id, input.originPlaceId) : undefined;
      if (input.originPlaceId && placeVersion === undefined) problems.push({ pointer: '/originPlaceId', code: CatalogErrors.CATALOG_ORIGIN_PLACE_UNKNOWN });
      if (problems.length) throw invalidFields(problems);
      try {
        return await db.transaction(async (tx) => {
          // Re-read inside the transaction: the lot refers to the product version current now.
          const current = (await ownProduct(tx, org.id, product!.id))!;
          return insert(tx, ctx, org, current, clean, input.originPlaceId ? { id: input.originPlaceId, version: placeVersion! } : null);
        });
      } catch (err) {
        if (uniqueViolation(err)) throw codeConflict(clean.lotCode);
        throw err;
      }
    },

    async update(ctx: RequestContext, id: string, patch: Partial<Omit<LotInput, 'productId'>>): Promise<LotRow> {
      const org = await requireOrganization(deps, writingOrganization(ctx.actor));
      try {
        return await db.transaction(async (tx) => {
          const [before] = await tx.select().from(lots).where(eq(lots.id, id)).for('update');
          if (!before || !(canReadRecord(ctx.actor, before) || canWriteRecord(ctx.actor, before))) throw notFound(CatalogErrors.CATALOG_LOT_NOT_FOUND);
          if (!canWriteRecord(ctx.actor, before)) throw new AppError('forbidden', CommonErrors.FORBIDDEN);
          const merged = {
            lotCode: before.lotCode,
            productionDate: before.productionDate,
            harvestDate: before.harvestDate,
            expiryDate: before.expiryDate,
            quantity: before.quantity,
            unit: before.unit,
            notes: before.notes,
            originPlaceId: before.originPlaceId,
            ...patch,
          };
          const { problems, clean } = lotFieldProblems(merged, vietnamDate(clock.now()));
          let originVersion = before.originPlaceVersion;
          if (patch.originPlaceId !== undefined && patch.originPlaceId !== before.originPlaceId) {
            originVersion = patch.originPlaceId ? ((await ownPlaceVersion(tx, org.id, patch.originPlaceId)) ?? null) : null;
            if (patch.originPlaceId && originVersion === null) problems.push({ pointer: '/originPlaceId', code: CatalogErrors.CATALOG_ORIGIN_PLACE_UNKNOWN });
          }
          if (problems.length) throw invalidFields(problems);
          if (clean.lotCode !== before.lotCode) {
            const [taken] = await tx.select({ id: lots.id }).from(lots).where(and(eq(lots.productId, before.productId), eq(lots.lotCode, clean.lotCode)));
            if (taken) throw codeConflict(clean.lotCode);
          }
          const [product] = await tx.select().from(products).where(eq(products.id, before.productId));
          const [after] = await tx
            .update(lots)
            .set({ ...clean, originPlaceId: merged.originPlaceId ?? null, originPlaceVersion: originVersion, search: lotSearchText(clean.lotCode, product!.nameVi), version: before.version + 1, updatedAt: clock.now() })
            .where(eq(lots.id, id))
            .returning();
          await recordLotVersion(tx, after!);
          await audit.record(tx, ctx, {
            action: 'catalog.lot.update',
            resourceType: 'lot',
            resourceId: id,
            subject: subject(after!),
            before: present(before, product!.gtin, org.gs1CompanyPrefix),
            after: present(after!, product!.gtin, org.gs1CompanyPrefix),
          });
          return after!;
        });
      } catch (err) {
        if (uniqueViolation(err)) throw codeConflict(patch.lotCode ?? '');
        throw err;
      }
    },

    get: loadReadable,

    async list(ctx: RequestContext, q: LotListQuery): Promise<{ items: LotRow[]; total: number }> {
      const scope = readScope(ctx.actor, lots);
      if (scope === false) return { items: [], total: 0 };
      const where: SQL | undefined = and(
        scope,
        q.q ? searchCondition(lots.search, q.q) : undefined,
        q.productId ? eq(lots.productId, q.productId) : undefined,
        q.originPlaceId ? eq(lots.originPlaceId, q.originPlaceId) : undefined,
        q.organizationId ? eq(lots.organizationId, q.organizationId) : undefined,
      );
      const [items, [total]] = await Promise.all([
        db.orm.select().from(lots).where(where).orderBy(desc(lots.createdAt), asc(lots.id)).limit(q.limit).offset(q.offset),
        db.orm.select({ n: count() }).from(lots).where(where),
      ]);
      return { items, total: Number(total?.n ?? 0) };
    },

    /** The identifiers (GTIN, LGTIN, Digital Link) of lots, for presenting them. */
    async identifiersOf(rows: readonly LotRow[]) {
      const ids = [...new Set(rows.map((r) => r.productId))];
      const prods = ids.length ? await db.orm.select({ id: products.id, gtin: products.gtin, organizationId: products.organizationId }).from(products).where(inArray(products.id, ids)) : [];
      const prefixes = new Map<string, string | null>();
      for (const orgId of new Set(prods.map((p) => p.organizationId))) prefixes.set(orgId, (await deps.organizations.findById(orgId))?.gs1CompanyPrefix ?? null);
      const byId = new Map(prods.map((p) => [p.id, p]));
      return (l: LotRow) => {
        const p = byId.get(l.productId);
        return lotIdentifiers(p?.gtin ?? null, l.lotCode, p ? (prefixes.get(p.organizationId) ?? null) : null, deps.publicBaseUrl, l.id);
      };
    },

    /** For stamps and trace: the lot of a GTIN (any form: 8/12/13/14 digits) and lot code, with its product. No scope check. */
    async findByGtinAndLot(gtin14: string, lotCode: string): Promise<{ lot: LotRow; product: ProductRow } | undefined> {
      const [row] = await db.orm
        .select({ lot: lots, product: products })
        .from(lots)
        .innerJoin(products, eq(products.id, lots.productId))
        .where(and(eq(products.gtin, gtin14.padStart(14, '0')), eq(lots.lotCode, lotCode)))
        .orderBy(sql`${products.status} = 'published' desc`)
        .limit(1);
      return row;
    },

    async findById(id: string): Promise<LotRow | undefined> {
      const [row] = await db.orm.select().from(lots).where(eq(lots.id, id));
      return row;
    },
  };
}

export type LotService = ReturnType<typeof createLotService>;
