// Texts of the farm diary: its errors and warnings, and the plain-words pieces of the lot timeline.
import { defineMessages } from '../../../platform/i18n/messages.ts';

export const DiaryMessages = defineMessages({
  CATALOG_DIARY_TIME_INVALID: { vi: 'Thời gian không hợp lệ (ví dụ 2026-07-05T07:30).', en: 'Not a valid time (e.g. 2026-07-05T07:30).' },
  CATALOG_DIARY_TIME_FUTURE: { vi: 'Thời gian này chưa đến.', en: 'This time is in the future.' },
  CATALOG_DIARY_INPUT_REQUIRED: { vi: 'Ghi tên phân bón hoặc thuốc đã dùng.', en: 'Name the fertiliser or plant-protection product used.' },
  CATALOG_DIARY_DOSE_REQUIRED: { vi: 'Ghi liều lượng thuốc đã phun.', en: 'Enter the dose sprayed.' },
  CATALOG_DIARY_PARTNER_REQUIRED: { vi: 'Chọn đối tác đã đăng ký hoặc ghi tên đối tác.', en: 'Choose a registered partner or write the partner\'s name.' },
  CATALOG_DIARY_INPUT_LOTS_REQUIRED: { vi: 'Chọn ít nhất một lô nguyên liệu.', en: 'Choose at least one input lot.' },
  CATALOG_DIARY_INPUT_LOT_SELF: { vi: 'Lô nguyên liệu phải khác lô thành phẩm.', en: 'An input lot must differ from the output lot.' },
  CATALOG_DIARY_BEFORE_PLANTING: { vi: 'Thời điểm này trước ngày gieo trồng của lô ({planting}).', en: 'This is before the lot was planted ({planting}).' },
  CATALOG_DIARY_PHI_WARNING: {
    vi: 'Cảnh báo: thu hoạch trong thời gian cách ly — đã phun {product} ngày {sprayDate}, cách ly {days} ngày (an toàn từ {safeFrom}).',
    en: 'Warning: harvested within the pre-harvest interval — {product} sprayed on {sprayDate}, {days}-day interval (safe from {safeFrom}).',
  },
  CATALOG_DIARY_SSCC_INVALID: { vi: 'Mã thùng/pallet là SSCC 18 chữ số, hoặc để trống.', en: 'A case or pallet code is an 18-digit SSCC, or empty.' },
  CATALOG_DIARY_LOT_UNKNOWN: { vi: 'Lô không tồn tại hoặc không thuộc tổ chức.', en: 'The lot does not exist or belongs to another organisation.' },
  CATALOG_DIARY_PARTNER_UNKNOWN: { vi: 'Không có tổ chức đối tác này.', en: 'There is no such partner organisation.' },
  CATALOG_DIARY_UNAVAILABLE: { vi: 'Chưa ghi được nhật ký: kho sự kiện truy xuất chưa sẵn sàng.', en: 'The diary cannot be written: the event repository is not available.' },
  CATALOG_TL_INPUT: { vi: '{name}', en: '{name}' },
  CATALOG_TL_DOSE: { vi: 'liều {dose} {unit}', en: 'dose {dose} {unit}' },
  CATALOG_TL_PHI: { vi: 'thời gian cách ly {days} ngày', en: '{days}-day pre-harvest interval' },
  CATALOG_TL_QUANTITY: { vi: '{quantity} {unit}', en: '{quantity} {unit}' },
  CATALOG_TL_TO: { vi: 'giao cho {partner}', en: 'to {partner}' },
  CATALOG_TL_FROM: { vi: 'nhận từ {partner}', en: 'from {partner}' },
  CATALOG_TL_FROM_LOTS: { vi: 'từ lô {lots}', en: 'from lots {lots}' },
  CATALOG_TL_PACKAGE: { vi: 'vào thùng/pallet {package}', en: 'into case/pallet {package}' },
  CATALOG_TL_LOT_CREATED: { vi: 'Tạo lô {lotCode}', en: 'Lot {lotCode} recorded' },
});
