// Reference data of the province: communes/wards, departments, sectors. Read by everyone; corrected by the
// province administrator (names as published, official codes) without a code change.
import { and, asc, eq, like, ne } from 'drizzle-orm';
import type { AuditRecorder } from '../../platform/audit.ts';
import { isProvinceAdmin } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, fieldInvalid, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { escapeLike, foldForSearch } from '../../platform/text/fold.ts';
import { GeoErrors } from './messages.ts';
import { adminUnits, departments, sectors } from './tables.ts';

export type AdminUnit = typeof adminUnits.$inferSelect;
export type SectorRow = typeof sectors.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;

export interface UnitPatch {
  readonly name?: string;
  readonly officialCode?: string | null;
}

export function createGeoService(deps: { db: Database; audit: AuditRecorder }) {
  const { db, audit } = deps;
  // Reference data changes rarely; the unit list is cached per process and dropped on every update.
  let unitCache: Promise<AdminUnit[]> | undefined;
  const allUnits = (): Promise<AdminUnit[]> =>
    (unitCache ??= db.orm.select().from(adminUnits).orderBy(asc(adminUnits.id)).catch((err) => {
      unitCache = undefined;
      throw err;
    }));

  return {
    async listUnits(filter: { q?: string; kind?: 'xa' | 'phuong' } = {}): Promise<AdminUnit[]> {
      if (!filter.q) return (await allUnits()).filter((u) => !filter.kind || u.kind === filter.kind);
      const q = `%${escapeLike(foldForSearch(filter.q))}%`;
      return db.orm
        .select()
        .from(adminUnits)
        .where(and(like(adminUnits.nameSearch, q), filter.kind ? eq(adminUnits.kind, filter.kind) : undefined))
        .orderBy(asc(adminUnits.id));
    },

    async getUnit(id: number): Promise<AdminUnit | undefined> {
      return (await allUnits()).find((u) => u.id === id);
    },

    async requireUnit(id: number, pointer: string): Promise<AdminUnit> {
      const unit = await this.getUnit(id);
      if (!unit) throw fieldInvalid(pointer, GeoErrors.GEO_UNIT_NOT_FOUND, { id });
      return unit;
    },

    async updateUnit(ctx: RequestContext, id: number, patch: UnitPatch): Promise<AdminUnit> {
      if (!isProvinceAdmin(ctx.actor)) throw forbidden();
      if (patch.officialCode != null && !/^\d{5}$/.test(patch.officialCode)) {
        throw fieldInvalid('/officialCode', GeoErrors.GEO_OFFICIAL_CODE_FORMAT);
      }
      const updated = await db.transaction(async (tx) => {
        const [before] = await tx.select().from(adminUnits).where(eq(adminUnits.id, id)).for('update');
        if (!before) throw notFound(GeoErrors.GEO_UNIT_NOT_FOUND, { id });
        if (patch.officialCode) {
          const [clash] = await tx
            .select({ id: adminUnits.id })
            .from(adminUnits)
            .where(and(eq(adminUnits.officialCode, patch.officialCode), ne(adminUnits.id, id)));
          if (clash) throw new AppError('conflict', GeoErrors.GEO_OFFICIAL_CODE_TAKEN, { code: patch.officialCode }, [{ pointer: '/officialCode', code: GeoErrors.GEO_OFFICIAL_CODE_TAKEN, params: { code: patch.officialCode } }]);
        }
        const name = patch.name?.normalize('NFC').trim();
        const [after] = await tx
          .update(adminUnits)
          .set({
            ...(name ? { name, nameSearch: foldForSearch(name), nameAscii: foldForSearch(name).replace(/\b\w/g, (c) => c.toUpperCase()) } : {}),
            ...(patch.officialCode !== undefined ? { officialCode: patch.officialCode } : {}),
            updatedAt: new Date(),
            updatedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
          })
          .where(eq(adminUnits.id, id))
          .returning();
        await audit.record(tx, ctx, { action: 'geo.unit.update', resourceType: 'admin_unit', resourceId: String(id), subject: { communeId: id }, before, after });
        return after!;
      });
      unitCache = undefined;
      return updated;
    },

    async listSectors(): Promise<SectorRow[]> {
      return db.orm.select().from(sectors).orderBy(asc(sectors.code));
    },

    async listDepartments(): Promise<DepartmentRow[]> {
      return db.orm.select().from(departments).orderBy(asc(departments.code));
    },

    async requireSector(code: string, pointer: string): Promise<SectorRow> {
      const [row] = await db.orm.select().from(sectors).where(eq(sectors.code, code));
      if (!row) throw fieldInvalid(pointer, GeoErrors.GEO_SECTOR_UNKNOWN, { code });
      return row;
    },
  };
}

export type GeoService = ReturnType<typeof createGeoService>;
