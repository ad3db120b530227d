// The farm diary's steps as a person names them, and the EPCIS 2.0 event each becomes (CBV 2.0 bizStep and
// disposition where CBV has the word; otherwise a term of TXNG's own vocabulary, which EPCIS 2.0 §7.3.5 allows
// as any URI). Vietnamese and English names are what the forms, templates and timeline show.
export const DIARY_KINDS = ['planting', 'fertilising', 'spraying', 'irrigation', 'harvesting', 'sorting', 'processing', 'packing', 'shipping', 'receiving', 'selling'] as const;
export type DiaryKind = (typeof DIARY_KINDS)[number];

/** TXNG's vocabulary for farm steps CBV 2.0 has no word for, and its extension namespace. */
export const TXNG_VOCABULARY = 'https://id.txng.sonla.gov.vn/voc/';
export const TXNG_NS = 'https://id.txng.sonla.gov.vn/epcis/';

export interface DiaryKindSpec {
  readonly vi: string;
  readonly en: string;
  readonly eventType: 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent';
  readonly action?: 'ADD' | 'OBSERVE';
  readonly bizStep: string;
  readonly disposition?: string;
  /** Why, in plain words, for the timeline. */
  readonly why: { readonly vi: string; readonly en: string };
}

const own = (word: string) => `${TXNG_VOCABULARY}bizStep-${word}`;

export const DIARY_SPECS: Record<DiaryKind, DiaryKindSpec> = {
  planting: { vi: 'Gieo trồng', en: 'Planting', eventType: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', disposition: 'active', why: { vi: 'bắt đầu một vụ mới', en: 'a new crop begins' } },
  fertilising: { vi: 'Bón phân', en: 'Fertilising', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: own('fertilising'), disposition: 'in_progress', why: { vi: 'chăm sóc cây trồng', en: 'crop care' } },
  spraying: { vi: 'Phun thuốc bảo vệ thực vật', en: 'Spraying', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: own('spraying'), disposition: 'in_progress', why: { vi: 'phòng trừ sâu bệnh', en: 'pest and disease control' } },
  irrigation: { vi: 'Tưới nước', en: 'Irrigation', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: own('irrigating'), disposition: 'in_progress', why: { vi: 'chăm sóc cây trồng', en: 'crop care' } },
  harvesting: { vi: 'Thu hoạch', en: 'Harvesting', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: own('harvesting'), disposition: 'active', why: { vi: 'thu hái sản phẩm', en: 'the produce is picked' } },
  sorting: { vi: 'Phân loại', en: 'Sorting', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant', why: { vi: 'chọn lọc theo chất lượng', en: 'graded by quality' } },
  processing: { vi: 'Sơ chế, chế biến', en: 'Processing', eventType: 'TransformationEvent', bizStep: 'commissioning', disposition: 'active', why: { vi: 'tạo ra lô thành phẩm từ lô nguyên liệu', en: 'input lots become an output lot' } },
  packing: { vi: 'Đóng gói', en: 'Packing', eventType: 'AggregationEvent', action: 'ADD', bizStep: 'packing', disposition: 'in_progress', why: { vi: 'đóng vào bao bì, thùng', en: 'packed into cases' } },
  shipping: { vi: 'Xuất hàng', en: 'Shipping', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', why: { vi: 'giao cho đối tác', en: 'handed to a trading partner' } },
  receiving: { vi: 'Nhận hàng', en: 'Receiving', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', why: { vi: 'nhận từ đối tác', en: 'received from a trading partner' } },
  selling: { vi: 'Bán hàng', en: 'Selling', eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold', why: { vi: 'bán cho người tiêu dùng', en: 'sold to consumers' } },
};

export const PROCESSING_METHODS = ['drying', 'roasting', 'wet_processing', 'hulling', 'grinding', 'fermenting', 'pasteurising', 'other'] as const;
export type ProcessingMethod = (typeof PROCESSING_METHODS)[number];

export const PROCESSING_LABELS: Record<ProcessingMethod, { vi: string; en: string }> = {
  drying: { vi: 'Sấy', en: 'Drying' },
  roasting: { vi: 'Rang', en: 'Roasting' },
  wet_processing: { vi: 'Chế biến ướt', en: 'Wet processing' },
  hulling: { vi: 'Xát vỏ', en: 'Hulling' },
  grinding: { vi: 'Xay', en: 'Grinding' },
  fermenting: { vi: 'Lên men', en: 'Fermenting' },
  pasteurising: { vi: 'Thanh trùng', en: 'Pasteurising' },
  other: { vi: 'Khác', en: 'Other' },
};
