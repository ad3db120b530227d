// Vietnamese and English names of the catalog's closed lists, for spreadsheets (headers, cells, templates) and
// the plain-words timeline. The portal carries the same names in its own catalogues.
import type { EnumOption } from './spreadsheet/cells.ts';

export const CATEGORY_OPTIONS: EnumOption<string>[] = [
  { value: 'fresh_fruit', vi: 'Trái cây tươi', en: 'Fresh fruit' },
  { value: 'dried_fruit', vi: 'Trái cây sấy', en: 'Dried fruit' },
  { value: 'vegetables', vi: 'Rau, củ', en: 'Vegetables' },
  { value: 'coffee', vi: 'Cà phê', en: 'Coffee' },
  { value: 'tea', vi: 'Chè', en: 'Tea' },
  { value: 'dairy', vi: 'Sữa và sản phẩm từ sữa', en: 'Dairy' },
  { value: 'meat', vi: 'Thịt và sản phẩm từ thịt', en: 'Meat' },
  { value: 'aquatic', vi: 'Thuỷ sản', en: 'Fish and seafood' },
  { value: 'honey', vi: 'Mật ong', en: 'Honey' },
  { value: 'grain', vi: 'Ngũ cốc, hạt', en: 'Grain and seeds' },
  { value: 'processed_food', vi: 'Thực phẩm chế biến', en: 'Processed food' },
  { value: 'beverage', vi: 'Đồ uống', en: 'Beverage' },
  { value: 'medicinal_herb', vi: 'Dược liệu', en: 'Medicinal herb' },
  { value: 'medicine', vi: 'Thuốc', en: 'Medicine' },
  { value: 'handicraft', vi: 'Thủ công mỹ nghệ', en: 'Handicraft' },
  { value: 'other', vi: 'Khác', en: 'Other' },
];

export const SECTOR_OPTIONS: EnumOption<string>[] = [
  { value: 'agriculture-environment', vi: 'Nông nghiệp và Môi trường', en: 'Agriculture and Environment' },
  { value: 'industry-trade', vi: 'Công Thương', en: 'Industry and Trade' },
  { value: 'health', vi: 'Y tế', en: 'Health' },
];

export const RISK_OPTIONS: EnumOption<string>[] = [
  { value: 'low', vi: 'Thấp', en: 'Low' },
  { value: 'medium', vi: 'Trung bình', en: 'Medium' },
  { value: 'high', vi: 'Cao', en: 'High' },
];

export const MARK_OPTIONS: EnumOption<string>[] = [
  { value: 'geographical_indication', vi: 'Chỉ dẫn địa lý', en: 'Geographical indication' },
  { value: 'collective_mark', vi: 'Nhãn hiệu tập thể', en: 'Collective mark' },
  { value: 'certification_mark', vi: 'Nhãn hiệu chứng nhận', en: 'Certification mark' },
];

export const STATUS_OPTIONS: EnumOption<string>[] = [
  { value: 'draft', vi: 'Nháp', en: 'Draft' },
  { value: 'published', vi: 'Đã công bố', en: 'Published' },
];

export const STANDARD_OPTIONS: EnumOption<string>[] = [
  { value: 'tcvn', vi: 'TCVN', en: 'TCVN' },
  { value: 'qcvn', vi: 'QCVN', en: 'QCVN' },
  { value: 'international', vi: 'Quốc tế', en: 'International' },
  { value: 'own', vi: 'Tiêu chuẩn cơ sở', en: 'Own standard' },
];

export const CERTIFICATION_OPTIONS: EnumOption<string>[] = [
  { value: 'vietgap', vi: 'VietGAP', en: 'VietGAP' },
  { value: 'globalgap', vi: 'GlobalGAP', en: 'GlobalGAP' },
  { value: 'organic', vi: 'Hữu cơ', en: 'Organic' },
  { value: 'haccp', vi: 'HACCP', en: 'HACCP' },
  { value: 'iso22000', vi: 'ISO 22000', en: 'ISO 22000' },
  { value: 'iso9001', vi: 'ISO 9001', en: 'ISO 9001' },
  { value: 'fssc22000', vi: 'FSSC 22000', en: 'FSSC 22000' },
  { value: 'brc', vi: 'BRC', en: 'BRC' },
  { value: 'halal', vi: 'Halal', en: 'Halal' },
  { value: 'food_safety_facility', vi: 'Cơ sở đủ điều kiện ATTP', en: 'Food-safety eligible facility' },
  { value: 'other', vi: 'Khác', en: 'Other' },
];

export const PLACE_KIND_OPTIONS: EnumOption<string>[] = [
  { value: 'farm', vi: 'Trang trại, vườn', en: 'Farm' },
  { value: 'planting_area', vi: 'Vùng trồng', en: 'Planting area' },
  { value: 'barn', vi: 'Chuồng trại', en: 'Barn' },
  { value: 'processing_facility', vi: 'Cơ sở chế biến', en: 'Processing facility' },
  { value: 'warehouse', vi: 'Kho', en: 'Warehouse' },
  { value: 'shop', vi: 'Cửa hàng', en: 'Shop' },
];

export const OCOP_OPTIONS: EnumOption<number>[] = [
  { value: 3, vi: '3 sao', en: '3 stars' },
  { value: 4, vi: '4 sao', en: '4 stars' },
  { value: 5, vi: '5 sao', en: '5 stars' },
];

export const labelOf = (options: readonly EnumOption<string | number>[], value: string | number | null | undefined, lang: 'vi' | 'en' = 'vi'): string | null =>
  value === null || value === undefined ? null : (options.find((o) => o.value === value)?.[lang] ?? String(value));
