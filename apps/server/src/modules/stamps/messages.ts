// The stamps module's errors and the names of checks, statuses and flags, in Vietnamese and English.
import { defineMessages } from '../../platform/i18n/messages.ts';

export const StampErrors = defineMessages({
  STAMP_REQUEST_NOT_FOUND: { vi: 'Không tìm thấy yêu cầu cấp tem.', en: 'Stamp request not found.' },
  STAMP_NOT_FOUND: { vi: 'Không tìm thấy tem {serial}.', en: 'Stamp {serial} not found.' },
  STAMP_PRODUCT_NOT_FOUND: { vi: 'Không tìm thấy sản phẩm này trong danh mục của tổ chức.', en: 'This product is not in the organisation\'s catalogue.' },
  STAMP_LOT_NOT_FOUND: { vi: 'Không tìm thấy lô hàng này của tổ chức.', en: 'This lot of the organisation was not found.' },
  STAMP_LOT_NOT_OF_PRODUCT: { vi: 'Lô hàng không thuộc sản phẩm đã chọn.', en: 'The lot does not belong to the chosen product.' },
  STAMP_ORGANIZATION_REQUIRED: { vi: 'Chỉ tổ chức sản xuất, kinh doanh mới yêu cầu cấp tem.', en: 'Only a producing or trading organisation can request stamps.' },
  STAMP_REQUEST_NOT_PENDING: { vi: 'Yêu cầu này đã được xử lý (trạng thái: {status}).', en: 'This request was already decided (status: {status}).' },
  STAMP_APPROVAL_CHECKS_FAILED: { vi: 'Chưa thể phê duyệt: {failed}.', en: 'Cannot approve yet: {failed}.' },
  STAMP_QUOTA_EXCEEDED: {
    vi: 'Vượt hạn mức tem năm {year}: yêu cầu {quantity} tem, còn lại {remaining} trên hạn mức {limit}.',
    en: 'Over the {year} stamp quota: {quantity} stamps requested, {remaining} left of {limit}.',
  },
  STAMP_REASON_REQUIRED: { vi: 'Cần ghi rõ lý do.', en: 'A reason is required.' },
  STAMP_LAYOUT_DOES_NOT_FIT: {
    vi: 'Bố cục không vừa khổ giấy: theo chiều {axis} cần {neededMm} mm nhưng trang chỉ có {availableMm} mm.',
    en: 'The layout does not fit the page: along the {axis} it needs {neededMm} mm but the page has {availableMm} mm.',
  },
  STAMP_LAYOUT_LABEL_TOO_SMALL: {
    vi: 'Nhãn {widthMm}×{heightMm} mm quá nhỏ: cạnh ngắn nhất phải từ {minMm} mm để in mã QR quét được bằng điện thoại.',
    en: 'A {widthMm}×{heightMm} mm label is too small: its shorter side must be at least {minMm} mm for a QR code a phone can scan.',
  },
  STAMP_LAYOUT_QR_TOO_SMALL: {
    vi: 'Mã QR trên nhãn này chỉ được {moduleMm} mm mỗi ô; cần ít nhất {minModuleMm} mm để điện thoại quét được. Hãy chọn nhãn lớn hơn.',
    en: 'The QR code on this label gets only {moduleMm} mm per module; phones need at least {minModuleMm} mm. Choose a larger label.',
  },
  STAMP_LAYOUT_PAGE_TOO_LARGE: { vi: 'Khổ giấy {widthMm}×{heightMm} mm không hợp lệ (tối đa {maxMm} mm mỗi cạnh).', en: 'A {widthMm}×{heightMm} mm page is not valid (at most {maxMm} mm a side).' },
  STAMP_LAYOUT_TOO_MANY_LABELS: { vi: 'Tối đa {max} nhãn trên một trang.', en: 'At most {max} labels on a page.' },
  STAMP_REQUEST_NOT_ISSUED: { vi: 'Tem của yêu cầu này chưa được phát hành (trạng thái: {status}).', en: 'The stamps of this request are not issued yet (status: {status}).' },
  STAMP_RANGE_INVALID: { vi: 'Khoảng số thứ tự không hợp lệ: từ {from} đến {to} (yêu cầu có {quantity} tem).', en: 'Invalid sequence range: {from} to {to} (the request has {quantity} stamps).' },
  STAMP_PRINT_TOO_MANY: { vi: 'Mỗi lần in tối đa {max} nhãn; hãy in theo từng khoảng (đã chọn {count}).', en: 'At most {max} labels per print; print range by range ({count} chosen).' },
  STAMP_ALREADY_PRINTED: {
    vi: '{count} tem trong khoảng này đã được in (lần đầu lúc {printedAt}). Muốn in lại, hãy chọn "in lại" và ghi lý do; mã xác thực cũ sẽ hết hiệu lực.',
    en: '{count} stamps in this range were already printed (first at {printedAt}). To reprint, choose "reprint" and give a reason; the old verification codes stop working.',
  },
  STAMP_NOTHING_TO_PRINT: { vi: 'Không có tem nào in được trong khoảng này (tem đã kích hoạt, huỷ hoặc mất không in lại được).', en: 'No printable stamps in this range (active, void or lost stamps are not reprinted).' },
  STAMP_LOT_MISMATCH: { vi: 'Tem của yêu cầu này dành cho lô {lotCode}; không gắn được với lô khác.', en: 'These stamps were issued for lot {lotCode}; they cannot be linked to another lot.' },
  STAMP_SERIAL_MALFORMED: { vi: 'Mã tem "{value}" không đúng định dạng (16 ký tự chữ và số).', en: 'Stamp code "{value}" is malformed (16 letters and digits).' },
  STAMP_TOO_MANY_SERIALS: { vi: 'Tối đa {max} mã tem mỗi lần.', en: 'At most {max} stamp codes at a time.' },
  STAMP_SERIALS_OR_RANGE: { vi: 'Cần danh sách mã tem hoặc một khoảng số thứ tự (không cả hai).', en: 'Give a list of stamp codes or a sequence range (not both).' },
  STAMP_STATUS_CONFLICT: { vi: 'Tem đang ở trạng thái {status}, không thể {action}.', en: 'The stamp is {status}; it cannot be {action}.' },
  STAMP_VERIFY_NO_CODE: { vi: 'Tem này không có mã xác thực cào.', en: 'This stamp has no scratch-off verification code.' },
  STAMP_VERIFY_CODE_MALFORMED: { vi: 'Mã xác thực gồm 8 chữ số.', en: 'A verification code has 8 digits.' },
  STAMP_VERIFY_LOCKED: {
    vi: 'Đã nhập sai mã quá nhiều lần cho tem này. Thử lại sau {retryAfter} giây.',
    en: 'Too many wrong codes for this stamp. Try again in {retryAfter} seconds.',
  },
  STAMP_URI_MALFORMED: { vi: 'Địa chỉ tem không hợp lệ: {reason}', en: 'The stamp address is not valid: {reason}' },
  STAMP_SHORT_CODE_MALFORMED: { vi: 'Mã tem sau "/s/" phải gồm 16 ký tự chữ và số.', en: 'The stamp code after "/s/" must be 16 letters and digits.' },
  STAMP_SCAN_NOT_FOUND: { vi: 'Lượt quét đã hết hạn chia sẻ vị trí.', en: 'This scan can no longer share a location.' },
  STAMP_QUOTA_INVALID: { vi: 'Hạn mức phải là số nguyên từ 0 đến 100.000.000.', en: 'A quota is a whole number from 0 to 100,000,000.' },
});

export const CheckLabels = defineMessages({
  STAMP_CHECK_organization_approved: { vi: 'Tổ chức đã được phê duyệt', en: 'Organisation approved' },
  STAMP_CHECK_product_published: { vi: 'Sản phẩm đã công bố', en: 'Product published' },
  STAMP_CHECK_product_complete: { vi: 'Đủ thông tin bắt buộc theo Thông tư 02/2024', en: 'Required Circular 02/2024 data present' },
  STAMP_CHECK_certificates_valid: { vi: 'Chứng nhận còn hiệu lực', en: 'Certificates valid' },
  STAMP_CHECK_ocop_valid: { vi: 'Chứng nhận OCOP còn hạn', en: 'OCOP rating not expired' },
  STAMP_CHECK_lot_matches_product: { vi: 'Lô hàng thuộc sản phẩm', en: 'Lot belongs to the product' },
  STAMP_CHECK_within_quota: { vi: 'Trong hạn mức tem của năm', en: 'Within the yearly quota' },
});

export const StatusLabels = defineMessages({
  STAMP_STATUS_issued: { vi: 'đã phát hành', en: 'issued' },
  STAMP_STATUS_printed: { vi: 'đã in', en: 'printed' },
  STAMP_STATUS_active: { vi: 'đang lưu hành', en: 'active' },
  STAMP_STATUS_void: { vi: 'đã huỷ', en: 'void' },
  STAMP_STATUS_lost: { vi: 'đã báo mất', en: 'reported lost' },
  STAMP_STATUS_recalled: { vi: 'bị thu hồi', en: 'recalled' },
  STAMP_ACTION_print: { vi: 'in', en: 'printed' },
  STAMP_ACTION_activate: { vi: 'kích hoạt', en: 'activated' },
  STAMP_ACTION_void: { vi: 'huỷ', en: 'voided' },
  STAMP_ACTION_lost: { vi: 'báo mất', en: 'reported lost' },
  STAMP_ACTION_recall: { vi: 'thu hồi', en: 'recalled' },
});

export const FlagLabels = defineMessages({
  STAMP_FLAG_code_reused: {
    vi: 'Mã xác thực của tem này đã được dùng lúc {firstAt}; có người khác nhập lại — dấu hiệu tem bị sao chép.',
    en: 'This stamp\'s verification code was already used on {firstAt}; someone else entered it again — a sign of a copied stamp.',
  },
  STAMP_FLAG_far_from_region: {
    vi: 'Tem được quét cách vùng sản xuất {distanceKm} km, xa ngoài vùng tiêu thụ dự kiến ({radiusKm} km).',
    en: 'Scanned {distanceKm} km from where it was produced, far beyond its expected region ({radiusKm} km).',
  },
  STAMP_FLAG_scanned_far_apart: {
    vi: 'Tem được quét ở hai nơi cách nhau {distanceKm} km trong {hours} giờ — một con tem thật không thể di chuyển nhanh như vậy.',
    en: 'Scanned in two places {distanceKm} km apart within {hours} hours — one genuine stamp cannot travel that fast.',
  },
  STAMP_FLAG_high_scan_rate: {
    vi: 'Tem được {clients} thiết bị khác nhau quét trong một giờ — bất thường với một sản phẩm.',
    en: 'Scanned by {clients} different devices within an hour — unusual for one product.',
  },
});
