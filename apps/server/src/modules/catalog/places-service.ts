// Places: farms, planting areas (with mã số vùng trồng and area), barns, processing facilities, warehouses and
// shops. Identified by a GLN (+ extension) when the organisation has a GS1 prefix, always by an internal code
// unique within the organisation. Versioned like products; every write audited.
import { and, asc, count, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, conflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { actorLabel, type CatalogDeps, type OrganizationFacts } from './deps.ts';
import { uniqueViolation } from './db-errors.ts';
import { CatalogErrors } from './messages.ts';
import type { PlaceInput } from './model.ts';
import { CODE_PREFIX, placeAsInput, placeProblems, placeValues } from './place-rules.ts';
import { canReadRecord, canWriteRecord, readScope, writingOrganization } from './policy.ts';
import { presentPlace } from './presenter.ts';
import { invalidFields, requireOrganization } from './products-service.ts';
import { searchCondition } from './search-terms.ts';
import { placeVersions, places, type PlaceKind, type PlaceRow } from './tables.ts';
import { recordPlaceVersion } from './versions.ts';

export interface PlaceListQuery {
  readonly q?: string;
  readonly kind?: PlaceKind;
  readonly communeId?: number;
  readonly organizationId?: string;
  readonly includeArchived?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export function createPlaceService(deps: CatalogDeps) {
  const { db, clock, audit } = deps;
  const subject = (p: PlaceRow) => ({ organizationId: p.organizationId, communeId: p.orgCommuneId, sectors: p.orgSectors });

  async function nextCode(tx: Orm, organizationId: string, kind: PlaceKind): Promise<string> {
    const prefix = CODE_PREFIX[kind];
    const [row] = await tx
      .select({ n: count() })
      .from(places)
      .where(and(eq(places.organizationId, organizationId), like(places.internalCode, `${prefix}-%`)));
    for (let n = Number(row?.n ?? 0) + 1; ; n++) {
      const code = `${prefix}-${String(n).padStart(3, '0')}`;
      const [taken] = await tx.select({ id: places.id }).from(places).where(and(eq(places.organizationId, organizationId), eq(places.internalCode, code)));
      if (!taken) return code;
    }
  }

  /** Clashes of codes with other places: the internal code within the organisation, the GLN (+ extension) anywhere. */
  async function clashes(tx: Orm, organizationId: string, values: { internalCode: string; gln: string | null; glnExtension: string | null }, exceptId?: string): Promise<AppError | null> {
    const except = exceptId ? sql`${places.id} <> ${exceptId}` : undefined;
    const [code] = await tx.select({ id: places.id }).from(places).where(and(eq(places.organizationId, organizationId), eq(places.internalCode, values.internalCode), except));
    if (code) {
      const params = { code: values.internalCode };
      return conflict(CatalogErrors.CATALOG_PLACE_CODE_TAKEN, params, [{ pointer: '/internalCode', code: CatalogErrors.CATALOG_PLACE_CODE_TAKEN, params }]);
    }
    if (values.gln) {
      const [gln] = await tx
        .select({ id: places.id })
        .from(places)
        .where(and(eq(places.gln, values.gln), sql`coalesce(${places.glnExtension}, '') = ${values.glnExtension ?? ''}`, except));
      if (gln) return conflict(CatalogErrors.CATALOG_GLN_TAKEN, { gln: values.gln }, [{ pointer: '/gln', code: CatalogErrors.CATALOG_GLN_TAKEN, params: { gln: values.gln } }]);
    }
    return null;
  }

  async function insert(tx: Orm, ctx: RequestContext, org: OrganizationFacts, input: PlaceInput): Promise<PlaceRow> {
    const internalCode = input.internalCode?.trim() || (await nextCode(tx, org.id, input.kind));
    const values = placeValues(input, internalCode);
    const clash = await clashes(tx, org.id, values);
    if (clash) throw clash;
    const [row] = await tx
      .insert(places)
      .values({ ...values, organizationId: org.id, orgCommuneId: org.communeId, orgSectors: [...org.sectors], version: 1, archived: false, createdAt: clock.now(), updatedAt: clock.now() })
      .returning();
    await recordPlaceVersion(tx, row!, actorLabel(ctx.actor));
    await audit.record(tx, ctx, { action: 'catalog.place.create', resourceType: 'place', resourceId: row!.id, subject: subject(row!), after: presentPlace(row!) });
    return row!;
  }

  async function loadReadable(ctx: RequestContext, id: string): Promise<PlaceRow> {
    const [row] = await db.orm.select().from(places).where(eq(places.id, id));
    if (!row || !canReadRecord(ctx.actor, row)) throw notFound(CatalogErrors.CATALOG_PLACE_NOT_FOUND);
    return row;
  }

  const conflictFrom = (err: unknown): AppError | null => {
    const index = uniqueViolation(err);
    if (!index) return null;
    return index.includes('gln') ? conflict(CatalogErrors.CATALOG_GLN_TAKEN, {}, [{ pointer: '/gln', code: CatalogErrors.CATALOG_GLN_TAKEN }]) : conflict(CatalogErrors.CATALOG_PLACE_CODE_TAKEN, {}, [{ pointer: '/internalCode', code: CatalogErrors.CATALOG_PLACE_CODE_TAKEN }]);
  };

  return {
    insert,

    async create(ctx: RequestContext, input: PlaceInput): Promise<PlaceRow> {
      const org = await requireOrganization(deps, writingOrganization(ctx.actor));
      const problems = await placeProblems(input, org, deps.communes);
      if (problems.length) throw invalidFields(problems);
      try {
        return await db.transaction((tx) => insert(tx, ctx, org, input));
      } catch (err) {
        throw conflictFrom(err) ?? err;
      }
    },

    async update(ctx: RequestContext, id: string, patch: Partial<PlaceInput> & { archived?: boolean }): Promise<PlaceRow> {
      const org = await requireOrganization(deps, writingOrganization(ctx.actor));
      try {
        return await db.transaction(async (tx) => {
          const [before] = await tx.select().from(places).where(eq(places.id, id)).for('update');
          if (!before || !(canReadRecord(ctx.actor, before) || canWriteRecord(ctx.actor, before))) throw notFound(CatalogErrors.CATALOG_PLACE_NOT_FOUND);
          if (!canWriteRecord(ctx.actor, before)) throw new AppError('forbidden', CommonErrors.FORBIDDEN);
          const { archived, ...fields } = patch;
          const merged: PlaceInput = { ...placeAsInput(before), ...fields };
          const problems = await placeProblems(merged, org, deps.communes);
          if (problems.length) throw invalidFields(problems);
          const values = placeValues(merged, merged.internalCode?.trim() || before.internalCode);
          const clash = await clashes(tx, org.id, values, id);
          if (clash) throw clash;
          const [after] = await tx
            .update(places)
            .set({ ...values, archived: archived ?? before.archived, orgCommuneId: org.communeId, orgSectors: [...org.sectors], version: before.version + 1, updatedAt: clock.now() })
            .where(eq(places.id, id))
            .returning();
          await recordPlaceVersion(tx, after!, actorLabel(ctx.actor));
          await audit.record(tx, ctx, { action: 'catalog.place.update', resourceType: 'place', resourceId: id, subject: subject(after!), before: presentPlace(before), after: presentPlace(after!) });
          return after!;
        });
      } catch (err) {
        throw conflictFrom(err) ?? err;
      }
    },

    get: loadReadable,

    async list(ctx: RequestContext, q: PlaceListQuery): Promise<{ items: PlaceRow[]; total: number }> {
      const scope = readScope(ctx.actor, places);
      if (scope === false) return { items: [], total: 0 };
      const where: SQL | undefined = and(
        scope,
        q.q ? searchCondition(places.search, q.q) : undefined,
        q.kind ? eq(places.kind, q.kind) : undefined,
        q.communeId ? eq(places.communeId, q.communeId) : undefined,
        q.organizationId ? eq(places.organizationId, q.organizationId) : undefined,
        q.includeArchived ? undefined : eq(places.archived, false),
      );
      const [items, [total]] = await Promise.all([
        db.orm.select().from(places).where(where).orderBy(asc(places.internalCode), asc(places.id)).limit(q.limit).offset(q.offset),
        db.orm.select({ n: count() }).from(places).where(where),
      ]);
      return { items, total: Number(total?.n ?? 0) };
    },

    async history(ctx: RequestContext, id: string) {
      await loadReadable(ctx, id);
      return db.orm.select().from(placeVersions).where(eq(placeVersions.placeId, id)).orderBy(sql`${placeVersions.version} desc`);
    },

    /** Internal lookup for other modules and the public page (no scope check). */
    async findById(id: string): Promise<PlaceRow | undefined> {
      const [row] = await db.orm.select().from(places).where(eq(places.id, id));
      return row;
    },
  };
}

export type PlaceService = ReturnType<typeof createPlaceService>;
