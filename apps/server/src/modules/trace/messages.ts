// Texts of the trace capability's errors and export headings (Vietnamese first, English).
import { defineMessages } from '../../platform/i18n/messages.ts';

export const TraceErrors = defineMessages({
  TRACE_IDENTIFIER_EMPTY: { vi: 'Hãy nhập một mã để truy xuất.', en: 'Enter a code to trace.' },
  TRACE_IDENTIFIER_TOO_LONG: { vi: 'Mã quá dài (tối đa {limit} ký tự).', en: 'The code is too long (at most {limit} characters).' },
  TRACE_IDENTIFIER_MALFORMED: { vi: 'Mã "{input}" không đúng chuẩn GS1: {reasonVi}', en: 'The code "{input}" is not valid GS1: {reasonEn}' },
  TRACE_IDENTIFIER_NO_KEY: {
    vi: 'Mã "{input}" không chứa khoá truy xuất (GTIN, SSCC, GLN…).',
    en: 'The code "{input}" holds no traceable key (GTIN, SSCC, GLN…).',
  },
  TRACE_IDENTIFIER_UNRECOGNISED: {
    vi: 'Không nhận ra "{input}": hãy nhập mã GS1 (GTIN, SSCC, GLN), chuỗi (01)…(10)…, liên kết số GS1 hoặc URI EPC.',
    en: 'Cannot read "{input}": enter a GS1 key (GTIN, SSCC, GLN), an element string (01)…(10)…, a GS1 Digital Link or an EPC URI.',
  },
  TRACE_LOT_NEEDS_GTIN: { vi: 'Mã lô chỉ dùng kèm một GTIN (mã sản phẩm).', en: 'A lot code goes with a GTIN (product code).' },
  TRACE_IDENTIFIER_UNKNOWN: {
    vi: 'Không tìm thấy dữ liệu truy xuất cho "{input}" trong phạm vi bạn được xem.',
    en: 'No traceability data for "{input}" within what you may see.',
  },
  TRACE_PRODUCT_NOT_FOUND: { vi: 'Không tìm thấy sản phẩm.', en: 'Product not found.' },
  TRACE_YIELD_FORBIDDEN: { vi: 'Chỉ đơn vị sở hữu sản phẩm được khai báo tỷ lệ chế biến.', en: 'Only the product\'s owner may set its yield.' },
  TRACE_UNIT_UNKNOWN: { vi: 'Đơn vị {uom} không được hỗ trợ (dùng mã UN/CEFACT: KGM, GRM, TNE, LTR, MLT, H87).', en: 'Unit {uom} is not supported (use UN/CEFACT codes: KGM, GRM, TNE, LTR, MLT, H87).' },
  TRACE_EXPORT_TOO_MANY_LOTS: { vi: 'Mỗi lần xuất tối đa {limit} lô.', en: 'At most {limit} lots per export.' },
  TRACE_TRUNCATED_DEPTH: {
    vi: 'Chuỗi dài hơn {limit} bước: dừng ở độ sâu giới hạn, còn dữ liệu phía sau {count} mã.',
    en: 'The chain is longer than {limit} steps: stopped at the depth limit; there is more beyond {count} identities.',
  },
  TRACE_TRUNCATED_SIZE: {
    vi: 'Đã đạt giới hạn {limit} mã: chưa mở tiếp {count} mã ở mức cuối.',
    en: 'Reached the limit of {limit} identities: {count} identities at the last level were not followed further.',
  },
  TRACE_TRUNCATED_EVENTS: {
    vi: 'Có hơn {limit} sự kiện: chỉ hiển thị {limit} sự kiện đầu tiên theo thời gian.',
    en: 'There are more than {limit} events: only the first {limit} by time are shown.',
  },
  TRACE_TRUNCATED_START: {
    vi: 'Địa điểm hoặc sản phẩm có hơn {limit} mã: chỉ truy xuất {limit} mã đầu tiên.',
    en: 'The place or product has more than {limit} identities: only the first {limit} are traced.',
  },
});
