// The farm diary as a spreadsheet: one row per step, naming the lot by product (GTIN or name) and lot code and
// the place by its code. Export writes the same columns, so a diary exported can be imported elsewhere.
import { CellErrors, readDateTime, readEnum, readInteger, readNumber, readText, splitList, joinList, type EnumOption, type RawCell } from '../spreadsheet/cells.ts';
import { required } from '../spreadsheet/columns.ts';
import type { ImportRefs, ListDefinition, RowProblem } from '../spreadsheet/lists.ts';
import { DIARY_KINDS, DIARY_SPECS, PROCESSING_LABELS, PROCESSING_METHODS, type DiaryKind, type ProcessingMethod } from './diary-kinds.ts';
import type { DiaryInput } from './diary-input.ts';

export const KIND_OPTIONS: EnumOption<string>[] = DIARY_KINDS.map((k) => ({ value: k, vi: DIARY_SPECS[k].vi, en: DIARY_SPECS[k].en }));
export const METHOD_OPTIONS: EnumOption<string>[] = PROCESSING_METHODS.map((m) => ({ value: m, ...PROCESSING_LABELS[m] }));

/** Extra resolution the diary needs beyond products and places: lots by product and code. */
export interface DiaryRefs extends ImportRefs {
  lot(productId: string, lotCode: string): { id: string } | undefined;
}

export interface DiaryExport {
  readonly productRef: string;
  readonly lotCode: string;
  readonly kind: string;
  readonly occurredAt: Date;
  readonly placeCode: string | null;
  readonly details: Record<string, unknown>;
  readonly inputLotRefs: string | null;
}

const text = (max: number) => (raw: RawCell) => readText(raw, max);
const str = (v: unknown) => (v === null || v === undefined ? null : (v as string));
/** Vietnam wall-clock time, as typed into spreadsheets. */
const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export const DIARY_LIST: ListDefinition<DiaryExport, DiaryInput> = {
  sheetNames: ['Nhật ký', 'Diary'],
  columns: [
    { key: 'product', vi: 'Sản phẩm (GTIN hoặc tên)', en: 'Product (GTIN or name)', required: true, read: required(text(300)), write: (r) => r.productRef, examples: ['8936123450018', 'Xoài tròn Yên Châu'] },
    { key: 'lotCode', vi: 'Mã lô', en: 'Lot code', required: true, read: required(text(40)), write: (r) => r.lotCode, examples: ['XY-2026-07', 'XY-2026-07'] },
    { key: 'kind', vi: 'Công đoạn', en: 'Step', required: true, read: required((r) => readEnum(r, KIND_OPTIONS)), write: (r) => DIARY_SPECS[r.kind as DiaryKind].vi, examples: ['Phun thuốc bảo vệ thực vật', 'Thu hoạch'] },
    { key: 'occurredAt', vi: 'Thời gian', en: 'Time', required: true, read: required(readDateTime), write: (r) => local(r.occurredAt), examples: ['01/07/2026 06:30', '05/07/2026 06:00'], hint: { vi: 'DD/MM/YYYY HH:MM, giờ Việt Nam', en: 'DD/MM/YYYY HH:MM, Vietnam time' } },
    { key: 'place', vi: 'Mã địa điểm', en: 'Place code', read: text(40), write: (r) => r.placeCode, examples: ['VT-001', 'VT-001'] },
    { key: 'inputName', vi: 'Vật tư, thuốc', en: 'Input (fertiliser, pesticide)', read: text(200), write: (r) => str(r.details.inputName), examples: ['Abamectin 3.6EC', ''] },
    { key: 'dose', vi: 'Liều lượng', en: 'Dose', read: (r) => readNumber(r, 0, 1e9), write: (r) => (r.details.dose as number | null) ?? null, examples: [20, ''] },
    { key: 'doseUnit', vi: 'Đơn vị liều', en: 'Dose unit', read: text(40), write: (r) => str(r.details.doseUnit), examples: ['ml/bình 16 lít', ''] },
    { key: 'phiDays', vi: 'Thời gian cách ly (ngày)', en: 'Pre-harvest interval (days)', read: (r) => readInteger(r, 0, 365), write: (r) => (r.details.phiDays as number | null) ?? null, examples: [7, ''] },
    { key: 'quantity', vi: 'Số lượng', en: 'Quantity', read: (r) => readNumber(r, 0, 1e12), write: (r) => (r.details.quantity as number | null) ?? null, examples: ['', 1200] },
    { key: 'unit', vi: 'Đơn vị', en: 'Unit', read: text(40), write: (r) => str(r.details.unit), examples: ['', 'kg'] },
    { key: 'partner', vi: 'Đối tác', en: 'Trading partner', read: text(300), write: (r) => str(r.details.partnerName), examples: ['', ''] },
    { key: 'inputLots', vi: 'Lô nguyên liệu', en: 'Input lots', read: text(2000), write: (r) => r.inputLotRefs, examples: ['', ''], hint: { vi: 'Chế biến: sản phẩm | mã lô | số lượng; cách nhau bởi dấu ;', en: 'Processing: product | lot code | quantity; separated by ;' } },
    { key: 'method', vi: 'Cách chế biến', en: 'Processing method', read: (r) => readEnum(r, METHOD_OPTIONS), write: (r) => (r.details.method ? PROCESSING_LABELS[r.details.method as ProcessingMethod].vi : null), examples: ['', ''] },
    { key: 'packageId', vi: 'Mã thùng/pallet (SSCC)', en: 'Case/pallet (SSCC)', read: text(200), write: () => null, examples: ['', ''] },
    { key: 'notes', vi: 'Ghi chú', en: 'Notes', read: text(2000), write: (r) => str(r.details.notes), examples: ['', 'Hái buổi sáng'] },
  ],
  toInput(v, refs) {
    const problems: RowProblem[] = [];
    const diaryRefs = refs as DiaryRefs;
    const productOf = (ref: string, key: string): string | null => {
      const p = refs.product(ref);
      if (p === 'ambiguous') problems.push({ key, code: 'CATALOG_IMPORT_AMBIGUOUS_PRODUCT', params: { ref } });
      else if (!p) problems.push({ key, code: 'CATALOG_IMPORT_UNKNOWN_PRODUCT', params: { ref } });
      return p && p !== 'ambiguous' ? p.id : null;
    };
    const productId = productOf(v.get('product') as string, 'product');
    const lotCode = v.get('lotCode') as string;
    const lot = productId ? diaryRefs.lot(productId, lotCode) : undefined;
    if (productId && !lot) problems.push({ key: 'lotCode', code: 'CATALOG_IMPORT_UNKNOWN_LOT', params: { ref: lotCode } });
    const placeCode = str(v.get('place'));
    const place = placeCode ? refs.place(placeCode) : undefined;
    if (placeCode && !place) problems.push({ key: 'place', code: 'CATALOG_IMPORT_UNKNOWN_PLACE', params: { ref: placeCode } });
    const inputLots: { lotId: string; quantity: number | null }[] = [];
    for (const [i, [ref = '', code = '', qty]] of splitList(str(v.get('inputLots'))).entries()) {
      const pid = productOf(ref, 'inputLots');
      const l = pid ? diaryRefs.lot(pid, code) : undefined;
      const n = qty ? readNumber(qty, 0, 1e12) : { ok: true as const, value: null };
      if (pid && !l) problems.push({ key: 'inputLots', code: 'CATALOG_IMPORT_UNKNOWN_LOT', params: { ref: code } });
      if (!n.ok) problems.push({ key: 'inputLots', code: CellErrors.LIST_ITEM, params: { index: i + 1, format: 'sản phẩm | mã lô | số lượng' } });
      if (l && n.ok) inputLots.push({ lotId: l.id, quantity: n.value });
    }
    const inputName = str(v.get('inputName'));
    const partner = str(v.get('partner'));
    const occurredAt = v.get('occurredAt') as Date;
    return {
      input: {
        lotId: lot?.id ?? '',
        kind: v.get('kind') as DiaryKind,
        occurredAt: occurredAt.toISOString(),
        placeId: place?.id ?? null,
        input: inputName ? { name: inputName, dose: (v.get('dose') as number | null) ?? null, doseUnit: str(v.get('doseUnit')), phiDays: (v.get('phiDays') as number | null) ?? null } : null,
        quantity: (v.get('quantity') as number | null) ?? null,
        unit: str(v.get('unit')),
        partner: partner ? { name: partner } : null,
        inputLots,
        method: (v.get('method') as ProcessingMethod | null) ?? null,
        packageId: str(v.get('packageId')),
        notes: str(v.get('notes')),
      },
      problems,
    };
  },
  columnOf: (pointer) => {
    const [, first, second] = pointer.split('/');
    if (first === 'input') return second === 'dose' ? 'dose' : 'inputName';
    return ({ lotId: 'lotCode', placeId: 'place', partner: 'partner', inputLots: 'inputLots', occurredAt: 'occurredAt', packageId: 'packageId' } as Record<string, string>)[first ?? ''] ?? first ?? null;
  },
  identity: () => null,
};

export function inputLotRefs(lotsOf: readonly { productRef: string; lotCode: string; quantity: number | null }[]): string | null {
  return lotsOf.length ? joinList(lotsOf.map((l) => [l.productRef, l.lotCode, l.quantity === null ? '' : String(l.quantity)])) : null;
}
