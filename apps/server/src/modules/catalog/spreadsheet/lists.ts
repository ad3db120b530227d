// The spreadsheet form of products, places and lots: columns (Vietnamese headers first), how a row becomes the
// same input the API takes, and how a stored record is written back. Import and export share these definitions.
import type { LotInput, PlaceInput, ProductInput } from '../model.ts';
import { CATEGORY_OPTIONS, CERTIFICATION_OPTIONS, MARK_OPTIONS, OCOP_OPTIONS, PLACE_KIND_OPTIONS, RISK_OPTIONS, SECTOR_OPTIONS, STANDARD_OPTIONS, STATUS_OPTIONS, labelOf } from '../labels.ts';
import type { LotRow, PlaceRow, ProductRow } from '../tables.ts';
import { CellErrors, joinList, readBoolean, readDate, readEnum, readInteger, readNumber, readText, splitList, type CellResult, type RawCell } from './cells.ts';
import { required, type Column } from './columns.ts';

export interface ImportRefs {
  place(code: string): { id: string } | undefined;
  product(ref: string): { id: string } | 'ambiguous' | undefined;
  commune(name: string): number | undefined;
}

export interface RowProblem {
  readonly key: string;
  readonly code: string;
  readonly params?: Record<string, unknown>;
}

export interface ListDefinition<R, I> {
  readonly sheetNames: readonly [string, string];
  readonly columns: readonly Column<R>[];
  toInput(values: ReadonlyMap<string, unknown>, refs: ImportRefs): { input: I | null; problems: RowProblem[]; extra?: Record<string, unknown> };
  /** The column of a service field pointer (`/ocop/stars` → ocopStars). */
  columnOf(pointer: string): string | null;
  /** What must be unique within one file (null: nothing). */
  identity(input: I): string | null;
}

const text = (max: number) => (raw: RawCell) => readText(raw, max);
const str = (v: unknown) => (v === null || v === undefined ? null : (v as string));
const dateOut = (d: string | null) => d;

// --- Lists inside one cell: "TCVN | TCVN 12827:2023 | title"; "VietGAP | number | issuer | from | to". ---
function readStandards(raw: RawCell): CellResult<ProductInput['standards']> {
  const t = readText(raw, 2000);
  if (!t.ok) return t;
  const out: NonNullable<ProductInput['standards']> = [];
  for (const [i, fields] of splitList(t.value).entries()) {
    // A bare code ("TCVN 12827:2023") names its kind by its prefix.
    const [first = '', second, third] = fields;
    const kind = readEnum(first, STANDARD_OPTIONS);
    if (kind.ok && kind.value !== null && second) out.push({ kind: kind.value as 'tcvn', code: second, title: third ?? null });
    else if (fields.length === 1 && first) out.push({ kind: /^TCVN/i.test(first) ? 'tcvn' : /^QCVN/i.test(first) ? 'qcvn' : /^(ISO|CODEX|EN |ASTM|IEC)/i.test(first) ? 'international' : 'own', code: first, title: null });
    else return { ok: false, code: CellErrors.LIST_ITEM, params: { index: i + 1, format: 'TCVN | TCVN 12827:2023 | tên' } };
  }
  return { ok: true, value: out };
}

function writeStandards(p: ProductRow): string {
  return joinList(p.standards.map((s) => [labelOf(STANDARD_OPTIONS, s.kind), s.code, s.title]));
}

function readCertifications(raw: RawCell): CellResult<ProductInput['certifications']> {
  const t = readText(raw, 4000);
  if (!t.ok) return t;
  const out: NonNullable<ProductInput['certifications']> = [];
  const format = 'VietGAP | số | nơi cấp | từ ngày | đến ngày';
  for (const [i, fields] of splitList(t.value).entries()) {
    const [kindText = '', number, issuer, from, to] = fields;
    const kind = readEnum(kindText, CERTIFICATION_OPTIONS);
    const validFrom = readDate(from || null);
    const validTo = readDate(to || null);
    // "Khác" (other) may carry its name: "Khác: Rainforest Alliance".
    const other = /^(khac|other)\s*:\s*(.+)$/i.exec(kindText.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    const kindValue = kind.ok && kind.value !== null ? kind.value : other ? 'other' : null;
    if (!kindValue || !number || !issuer || !validFrom.ok || !validTo.ok) return { ok: false, code: CellErrors.LIST_ITEM, params: { index: i + 1, format } };
    out.push({ kind: kindValue as 'vietgap', name: other ? kindText.split(':').slice(1).join(':').trim() : null, number, issuer, validFrom: validFrom.value, validTo: validTo.value });
  }
  return { ok: true, value: out };
}

function writeCertifications(p: ProductRow): string {
  return joinList(p.certifications.map((c) => [c.kind === 'other' && c.name ? `Khác: ${c.name}` : labelOf(CERTIFICATION_OPTIONS, c.kind), c.number, c.issuer, c.validFrom ?? '', c.validTo ?? '']));
}

export interface ProductExport extends ProductRow {
  readonly originPlaceCode: string | null;
}

export const PRODUCT_LIST: ListDefinition<ProductExport, ProductInput & { publish?: boolean }> = {
  sheetNames: ['Sản phẩm', 'Products'],
  columns: [
    { key: 'gtin', vi: 'GTIN', en: 'GTIN', read: text(20), write: (p) => p.gtin, examples: ['8936123450018', ''], hint: { vi: 'Để trống nếu chưa có mã GS1', en: 'Leave empty without a GS1 code' } },
    { key: 'nameVi', vi: 'Tên sản phẩm', en: 'Product name', required: true, read: required(text(300)), write: (p) => p.nameVi, examples: ['Xoài tròn Yên Châu', 'Nhãn sấy Sông Mã'] },
    { key: 'nameEn', vi: 'Tên tiếng Anh', en: 'English name', read: text(300), write: (p) => p.nameEn, examples: ['Yen Chau round mango', 'Song Ma dried longan'] },
    { key: 'descriptionVi', vi: 'Mô tả', en: 'Description', read: text(5000), write: (p) => p.descriptionVi, examples: ['Xoài tròn vỏ xanh, thịt vàng, thơm', ''] },
    { key: 'descriptionEn', vi: 'Mô tả tiếng Anh', en: 'English description', read: text(5000), write: (p) => p.descriptionEn, examples: ['', ''] },
    { key: 'category', vi: 'Nhóm sản phẩm', en: 'Category', required: true, read: required((r) => readEnum(r, CATEGORY_OPTIONS)), write: (p) => labelOf(CATEGORY_OPTIONS, p.category), examples: ['Trái cây tươi', 'Trái cây sấy'] },
    { key: 'sector', vi: 'Ngành', en: 'Sector', read: (r) => readEnum(r, SECTOR_OPTIONS), write: (p) => labelOf(SECTOR_OPTIONS, p.sector), examples: ['Nông nghiệp và Môi trường', 'Công Thương'] },
    { key: 'unit', vi: 'Đơn vị tính', en: 'Unit', required: true, read: required(text(40)), write: (p) => p.unit, examples: ['kg', 'hộp 500 g'] },
    { key: 'shelfLifeDays', vi: 'Hạn sử dụng (ngày)', en: 'Shelf life (days)', read: (r) => readInteger(r, 1, 36500), write: (p) => p.shelfLifeDays, examples: [10, 365] },
    { key: 'brand', vi: 'Nhãn hàng', en: 'Brand', read: text(200), write: (p) => p.brand, examples: ['Xoài Hương', ''] },
    { key: 'trademark', vi: 'Nhãn hiệu đăng ký', en: 'Trademark', read: text(200), write: (p) => p.trademark, examples: ['', ''] },
    { key: 'modelCode', vi: 'Mã kiểu', en: 'Model code', read: text(100), write: (p) => p.modelCode, examples: ['', ''] },
    { key: 'standards', vi: 'Tiêu chuẩn áp dụng', en: 'Standards applied', read: readStandards, write: writeStandards, examples: ['TCVN | TCVN 12827:2023', 'Tiêu chuẩn cơ sở | TCCS 01:2025'], hint: { vi: 'Mỗi tiêu chuẩn: loại | mã | tên; cách nhau bởi dấu ;', en: 'Each: kind | code | title; separated by ;' } },
    { key: 'certifications', vi: 'Chứng nhận', en: 'Certifications', read: readCertifications, write: writeCertifications, examples: ['VietGAP | VG-SL-0123 | Trung tâm Chứng nhận VietGAP | 01/06/2025 | 31/05/2028', ''], hint: { vi: 'Mỗi chứng nhận: loại | số | nơi cấp | từ ngày | đến ngày; cách nhau bởi dấu ;', en: 'Each: kind | number | issuer | from | to; separated by ;' } },
    { key: 'ocopStars', vi: 'Hạng OCOP', en: 'OCOP rating', read: (r) => readEnum(r, OCOP_OPTIONS), write: (p) => labelOf(OCOP_OPTIONS, p.ocopStars), examples: ['4 sao', ''] },
    { key: 'ocopCertificateNumber', vi: 'Số giấy chứng nhận OCOP', en: 'OCOP certificate number', read: text(100), write: (p) => p.ocopCertificateNumber, examples: ['123/GCN-UBND', ''] },
    { key: 'ocopDecision', vi: 'Quyết định công nhận OCOP', en: 'OCOP decision', read: text(200), write: (p) => p.ocopDecision, examples: ['456/QĐ-UBND ngày 20/12/2025', ''] },
    { key: 'ocopExpiresOn', vi: 'Hạn chứng nhận OCOP', en: 'OCOP expiry', read: readDate, write: (p) => dateOut(p.ocopExpiresOn), examples: ['20/12/2028', ''] },
    { key: 'protectedMarkKind', vi: 'Loại chỉ dẫn địa lý/nhãn hiệu', en: 'Protected mark kind', read: (r) => readEnum(r, MARK_OPTIONS), write: (p) => labelOf(MARK_OPTIONS, p.protectedMarkKind), examples: ['Chỉ dẫn địa lý', 'Nhãn hiệu chứng nhận'] },
    { key: 'protectedMarkName', vi: 'Tên chỉ dẫn địa lý/nhãn hiệu', en: 'Protected mark name', read: text(200), write: (p) => p.protectedMarkName, examples: ['Xoài tròn Yên Châu', 'Nhãn Sông Mã'] },
    { key: 'keyProduct', vi: 'Sản phẩm chủ lực', en: 'Key product of the province', read: readBoolean, write: (p) => (p.keyProduct ? 'Có' : 'Không'), examples: ['Có', 'Không'] },
    { key: 'riskClass', vi: 'Mức rủi ro', en: 'Risk class', read: (r) => readEnum(r, RISK_OPTIONS), write: (p) => labelOf(RISK_OPTIONS, p.riskClass), examples: ['Thấp', 'Thấp'] },
    { key: 'safetyWarnings', vi: 'Cảnh báo an toàn', en: 'Safety warnings', read: text(2000), write: (p) => p.safetyWarnings, examples: ['Rửa sạch trước khi ăn', 'Bảo quản nơi khô ráo'] },
    { key: 'originPlace', vi: 'Mã nơi xuất xứ', en: 'Origin place code', read: text(40), write: (p) => p.originPlaceCode, examples: ['VT-001', ''], hint: { vi: 'Mã địa điểm đã đăng ký', en: 'Code of a registered place' } },
    { key: 'status', vi: 'Trạng thái', en: 'Status', read: (r) => readEnum(r, STATUS_OPTIONS), write: (p) => labelOf(STATUS_OPTIONS, p.status), examples: ['Nháp', 'Nháp'] },
  ],
  toInput(v, refs) {
    const problems: RowProblem[] = [];
    const originCode = str(v.get('originPlace'));
    const origin = originCode ? refs.place(originCode) : undefined;
    if (originCode && !origin) problems.push({ key: 'originPlace', code: 'CATALOG_IMPORT_UNKNOWN_PLACE', params: { ref: originCode } });
    const stars = v.get('ocopStars') as 3 | 4 | 5 | null;
    const markKind = v.get('protectedMarkKind') as ProductInput['protectedMark'] extends infer M ? (M extends { kind: infer K } ? K : never) : never;
    const markName = str(v.get('protectedMarkName'));
    if (markKind && !markName) problems.push({ key: 'protectedMarkName', code: CellErrors.REQUIRED });
    const input: ProductInput & { publish?: boolean } = {
      gtin: str(v.get('gtin')),
      nameVi: v.get('nameVi') as string,
      nameEn: str(v.get('nameEn')),
      descriptionVi: str(v.get('descriptionVi')),
      descriptionEn: str(v.get('descriptionEn')),
      category: v.get('category') as ProductInput['category'],
      sector: (v.get('sector') as ProductInput['sector']) ?? null,
      unit: v.get('unit') as string,
      shelfLifeDays: (v.get('shelfLifeDays') as number | null) ?? null,
      brand: str(v.get('brand')),
      trademark: str(v.get('trademark')),
      modelCode: str(v.get('modelCode')),
      standards: (v.get('standards') as ProductInput['standards']) ?? [],
      certifications: (v.get('certifications') as ProductInput['certifications']) ?? [],
      ocop: stars ? { stars, certificateNumber: str(v.get('ocopCertificateNumber')), decision: str(v.get('ocopDecision')), expiresOn: str(v.get('ocopExpiresOn')) } : null,
      protectedMark: markKind && markName ? { kind: markKind, name: markName } : null,
      keyProduct: (v.get('keyProduct') as boolean | null) ?? false,
      riskClass: (v.get('riskClass') as ProductInput['riskClass']) ?? null,
      safetyWarnings: str(v.get('safetyWarnings')),
      originPlaceId: origin?.id ?? null,
      publish: v.get('status') === 'published',
    };
    return { input, problems };
  },
  columnOf(pointer) {
    const [, first, , third] = pointer.split('/');
    if (first === 'ocop') return third === 'stars' || !third ? 'ocopStars' : `ocop${third[0]!.toUpperCase()}${third.slice(1)}`;
    if (first === 'protectedMark') return 'protectedMarkName';
    if (first === 'originPlaceId') return 'originPlace';
    return first ?? null;
  },
  identity: (i) => (i.gtin ? `gtin:${i.gtin.replace(/\D/g, '').padStart(14, '0')}` : null),
};

export interface PlaceExport extends PlaceRow {
  readonly communeName: string | null;
}

export const PLACE_LIST: ListDefinition<PlaceExport, PlaceInput> = {
  sheetNames: ['Địa điểm', 'Places'],
  columns: [
    { key: 'internalCode', vi: 'Mã địa điểm', en: 'Place code', read: text(40), write: (p) => p.internalCode, examples: ['VT-001', 'KHO-001'], hint: { vi: 'Để trống để hệ thống tự đặt', en: 'Leave empty to have one generated' } },
    { key: 'kind', vi: 'Loại địa điểm', en: 'Kind', required: true, read: required((r) => readEnum(r, PLACE_KIND_OPTIONS)), write: (p) => labelOf(PLACE_KIND_OPTIONS, p.kind), examples: ['Vùng trồng', 'Kho'] },
    { key: 'name', vi: 'Tên địa điểm', en: 'Name', required: true, read: required(text(200)), write: (p) => p.name, examples: ['Vùng trồng xoài bản Nà Khái', 'Kho lạnh Yên Châu'] },
    { key: 'communeId', vi: 'Xã/phường', en: 'Commune', read: text(100), write: (p) => p.communeName, examples: ['Yên Châu', 'Yên Châu'] },
    { key: 'address', vi: 'Địa chỉ', en: 'Address', read: text(500), write: (p) => p.address, examples: ['Bản Nà Khái', 'Tiểu khu 2'] },
    { key: 'latitude', vi: 'Vĩ độ', en: 'Latitude', read: (r) => readNumber(r, -1000, 1000), write: (p) => p.latitude, examples: [21.05, ''] },
    { key: 'longitude', vi: 'Kinh độ', en: 'Longitude', read: (r) => readNumber(r, -1000, 1000), write: (p) => p.longitude, examples: [104.3, ''] },
    { key: 'gln', vi: 'GLN', en: 'GLN', read: text(13), write: (p) => p.gln, examples: ['', ''] },
    { key: 'glnExtension', vi: 'Mở rộng GLN', en: 'GLN extension', read: text(20), write: (p) => p.glnExtension, examples: ['', ''] },
    { key: 'plantingAreaCode', vi: 'Mã số vùng trồng', en: 'Planting-area code', read: text(40), write: (p) => p.plantingAreaCode, examples: ['VN-SLOR-0012', ''] },
    { key: 'areaHa', vi: 'Diện tích (ha)', en: 'Area (ha)', read: (r) => readNumber(r, -1e9, 1e9), write: (p) => p.areaHa, examples: [12.5, ''] },
    { key: 'description', vi: 'Mô tả', en: 'Description', read: text(2000), write: (p) => p.description, examples: ['', ''] },
  ],
  toInput(v, refs) {
    const problems: RowProblem[] = [];
    const communeName = str(v.get('communeId'));
    const communeId = communeName ? refs.commune(communeName) : undefined;
    if (communeName && communeId === undefined) problems.push({ key: 'communeId', code: 'CATALOG_IMPORT_UNKNOWN_COMMUNE', params: { ref: communeName } });
    return {
      input: {
        kind: v.get('kind') as PlaceInput['kind'],
        name: v.get('name') as string,
        communeId: communeId ?? null,
        address: str(v.get('address')),
        latitude: (v.get('latitude') as number | null) ?? null,
        longitude: (v.get('longitude') as number | null) ?? null,
        gln: str(v.get('gln')),
        glnExtension: str(v.get('glnExtension')),
        internalCode: str(v.get('internalCode')),
        plantingAreaCode: str(v.get('plantingAreaCode')),
        areaHa: (v.get('areaHa') as number | null) ?? null,
        description: str(v.get('description')),
      },
      problems,
    };
  },
  columnOf: (pointer) => pointer.split('/')[1] ?? null,
  identity: (i) => (i.internalCode ? `code:${i.internalCode}` : null),
};

export interface LotExport extends LotRow {
  readonly productRef: string;
  readonly originPlaceCode: string | null;
}

export const LOT_LIST: ListDefinition<LotExport, LotInput> = {
  sheetNames: ['Lô hàng', 'Lots'],
  columns: [
    { key: 'product', vi: 'Sản phẩm (GTIN hoặc tên)', en: 'Product (GTIN or name)', required: true, read: required(text(300)), write: (l) => l.productRef, examples: ['8936123450018', 'Nhãn sấy Sông Mã'] },
    { key: 'lotCode', vi: 'Mã lô', en: 'Lot code', required: true, read: required(text(40)), write: (l) => l.lotCode, examples: ['XY-2026-07', 'NS-2026-08'] },
    { key: 'harvestDate', vi: 'Ngày thu hoạch', en: 'Harvest date', read: readDate, write: (l) => l.harvestDate, examples: ['05/07/2026', '10/08/2026'] },
    { key: 'productionDate', vi: 'Ngày sản xuất/đóng gói', en: 'Production/packing date', read: readDate, write: (l) => l.productionDate, examples: ['06/07/2026', '20/08/2026'] },
    { key: 'expiryDate', vi: 'Hạn sử dụng', en: 'Expiry date', read: readDate, write: (l) => l.expiryDate, examples: ['16/07/2026', '20/08/2027'] },
    { key: 'quantity', vi: 'Số lượng', en: 'Quantity', read: (r) => readNumber(r, 0, 1e12), write: (l) => l.quantity, examples: [1200, 300] },
    { key: 'unit', vi: 'Đơn vị', en: 'Unit', read: text(40), write: (l) => l.unit, examples: ['kg', 'hộp'] },
    { key: 'originPlace', vi: 'Mã nơi xuất xứ', en: 'Origin place code', read: text(40), write: (l) => l.originPlaceCode, examples: ['VT-001', ''] },
    { key: 'notes', vi: 'Ghi chú', en: 'Notes', read: text(2000), write: (l) => l.notes, examples: ['', ''] },
  ],
  toInput(v, refs) {
    const problems: RowProblem[] = [];
    const ref = v.get('product') as string;
    const product = refs.product(ref);
    if (product === 'ambiguous') problems.push({ key: 'product', code: 'CATALOG_IMPORT_AMBIGUOUS_PRODUCT', params: { ref } });
    else if (!product) problems.push({ key: 'product', code: 'CATALOG_IMPORT_UNKNOWN_PRODUCT', params: { ref } });
    const originCode = str(v.get('originPlace'));
    const origin = originCode ? refs.place(originCode) : undefined;
    if (originCode && !origin) problems.push({ key: 'originPlace', code: 'CATALOG_IMPORT_UNKNOWN_PLACE', params: { ref: originCode } });
    const productId = product && product !== 'ambiguous' ? product.id : '';
    return {
      input: {
        productId,
        lotCode: v.get('lotCode') as string,
        harvestDate: str(v.get('harvestDate')),
        productionDate: str(v.get('productionDate')),
        expiryDate: str(v.get('expiryDate')),
        quantity: (v.get('quantity') as number | null) ?? null,
        unit: str(v.get('unit')),
        originPlaceId: origin?.id ?? null,
        notes: str(v.get('notes')),
      },
      problems,
    };
  },
  columnOf: (pointer) => ({ productId: 'product', originPlaceId: 'originPlace' })[pointer.split('/')[1] ?? ''] ?? pointer.split('/')[1] ?? null,
  identity: (i) => (i.productId ? `lot:${i.productId}:${i.lotCode.trim()}` : null),
};
