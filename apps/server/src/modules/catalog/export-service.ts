// The catalog's lists as XLSX or CSV, with the same columns as the import templates, so an exported file can be
// imported again unchanged. Each list holds what the caller may read (their organisation, or an official's scope),
// in an order that does not depend on ids or insertion time (so a re-imported list exports in the same order).
import { and, asc, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { CatalogDeps } from './deps.ts';
import { readScope } from './policy.ts';
import { LOT_LIST, PLACE_LIST, PRODUCT_LIST, type ListDefinition } from './spreadsheet/lists.ts';
import { CSV_TYPE, XLSX_TYPE, writeCsv, writeTemplate, writeXlsx } from './spreadsheet/write.ts';
import { lots, places, products, type ImportList } from './tables.ts';

export const EXPORT_LIMIT = 100_000;
export type ExportList = Exclude<ImportList, 'diary'>;

export interface ExportFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

const STEMS: Record<ImportList, string> = { products: 'san-pham', places: 'dia-diem', lots: 'lo-hang', diary: 'nhat-ky' };

export function createExportService(deps: CatalogDeps & { diaryList?: ListDefinition<never, unknown>; diaryRecords?: (actor: Actor) => Promise<unknown[]> }) {
  const { db } = deps;

  async function placeCodes(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    if (!wanted.length) return new Map();
    const found = await db.orm.select({ id: places.id, code: places.internalCode }).from(places).where(inArray(places.id, wanted));
    return new Map(found.map((p) => [p.id, p.code]));
  }

  async function records(actor: Actor, list: ImportList): Promise<{ definition: ListDefinition<never, unknown>; rows: unknown[] }> {
    if (list === 'products') {
      const scope = readScope(actor, products);
      const rows = scope === false ? [] : await db.orm.select().from(products).where(scope).orderBy(asc(products.search), asc(products.gtin), asc(products.id)).limit(EXPORT_LIMIT);
      const codes = await placeCodes(rows.map((r) => r.originPlaceId));
      return { definition: PRODUCT_LIST as never, rows: rows.map((r) => ({ ...r, originPlaceCode: r.originPlaceId ? (codes.get(r.originPlaceId) ?? null) : null })) };
    }
    if (list === 'places') {
      const scope = readScope(actor, places);
      const rows = scope === false ? [] : await db.orm.select().from(places).where(scope).orderBy(asc(places.internalCode), asc(places.id)).limit(EXPORT_LIMIT);
      const units = new Map((await deps.communes.listUnits()).map((u) => [u.id, u.name]));
      return { definition: PLACE_LIST as never, rows: rows.map((r) => ({ ...r, communeName: r.communeId ? (units.get(r.communeId) ?? null) : null })) };
    }
    if (list === 'lots') {
      const scope = readScope(actor, lots);
      const rows = scope === false ? [] : await db.orm.select().from(lots).where(and(scope)).orderBy(asc(lots.lotCode), asc(lots.createdAt), asc(lots.id)).limit(EXPORT_LIMIT);
      const productIds = [...new Set(rows.map((r) => r.productId))];
      const prods = productIds.length ? await db.orm.select({ id: products.id, gtin: products.gtin, nameVi: products.nameVi }).from(products).where(inArray(products.id, productIds)) : [];
      const refOf = new Map(prods.map((p) => [p.id, p.gtin ?? p.nameVi]));
      const codes = await placeCodes(rows.map((r) => r.originPlaceId));
      return { definition: LOT_LIST as never, rows: rows.map((r) => ({ ...r, productRef: refOf.get(r.productId) ?? '', originPlaceCode: r.originPlaceId ? (codes.get(r.originPlaceId) ?? null) : null })) };
    }
    if (!deps.diaryList || !deps.diaryRecords) return { definition: PRODUCT_LIST as never, rows: [] };
    return { definition: deps.diaryList, rows: await deps.diaryRecords(actor) };
  }

  return {
    async export(ctx: RequestContext, list: ImportList, format: 'xlsx' | 'csv', today: string): Promise<ExportFile> {
      const { definition, rows } = await records(ctx.actor, list);
      const fileName = `${STEMS[list]}-${today}.${format}`;
      if (format === 'csv') return { bytes: writeCsv(definition.columns, rows as never[]), contentType: CSV_TYPE, fileName };
      return { bytes: await writeXlsx(definition.sheetNames[0], definition.columns, rows as never[]), contentType: XLSX_TYPE, fileName };
    },

    async template(list: ImportList): Promise<ExportFile> {
      const definition = list === 'products' ? PRODUCT_LIST : list === 'places' ? PLACE_LIST : list === 'lots' ? LOT_LIST : deps.diaryList;
      if (!definition) throw new Error(`no template for ${list}`);
      const bytes = await writeTemplate(definition.sheetNames[0], definition.columns as never, {
        title: `Mẫu nhập ${definition.sheetNames[0].toLowerCase()} — TXNG Sơn La (${definition.sheetNames[1]} import template)`,
        lines: [
          `Ghi dữ liệu vào trang "${definition.sheetNames[0]}", mỗi dòng một mục, giữ nguyên dòng tiêu đề. Cột có dấu * là bắt buộc.`,
          'Ngày ghi dạng DD/MM/YYYY (ví dụ 05/07/2026). Không gộp ô, không dùng công thức.',
          'Xem các dòng mẫu ở trang "Ví dụ". Sau khi tải lên, hệ thống báo lỗi từng ô; bạn chọn ghi các dòng đúng hoặc không ghi gì.',
          `Fill the "${definition.sheetNames[0]}" sheet, one item per row, keeping the header row. Columns marked * are required. Dates as DD/MM/YYYY. No merged cells, no formulas.`,
        ],
      });
      return { bytes, contentType: XLSX_TYPE, fileName: `mau-${STEMS[list]}.xlsx` };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
