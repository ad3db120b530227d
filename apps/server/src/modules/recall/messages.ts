// Texts of the recall capability: errors, the notifications and e-mails holders receive, and the words of the
// printed notice and the exports (Vietnamese first, English).
import { defineMessages } from '../../platform/i18n/messages.ts';

export const RecallErrors = defineMessages({
  RECALL_NOT_FOUND: { vi: 'Không tìm thấy đợt thu hồi.', en: 'Recall not found.' },
  RECALL_TARGETS_REQUIRED: { vi: 'Hãy nêu lô, sản phẩm hoặc mã cần thu hồi.', en: 'Name the lots, items or product to recall.' },
  RECALL_TARGET_NOT_GOODS: { vi: 'Mã "{input}" là địa điểm hoặc đối tác, không phải hàng hoá.', en: '"{input}" is a place or party, not goods.' },
  RECALL_TARGET_UNKNOWN: { vi: 'Không có dữ liệu truy xuất cho "{input}".', en: 'No traceability data for "{input}".' },
  RECALL_NO_LOTS_IN_RANGE: { vi: 'Sản phẩm không có lô nào sản xuất trong khoảng thời gian đã chọn.', en: 'The product has no lot made in that period.' },
  RECALL_MANY_PRODUCERS: {
    vi: 'Các mã thuộc nhiều đơn vị sản xuất khác nhau; mỗi đợt thu hồi dành cho hàng của một đơn vị.',
    en: 'The codes belong to several producers; open one recall per producer.',
  },
  RECALL_OPEN_FORBIDDEN: {
    vi: 'Chỉ cán bộ quản lý phụ trách hoặc quản trị viên của đơn vị sản xuất được mở đợt thu hồi này.',
    en: 'Only an official in charge, or the producer\'s administrator, may open this recall.',
  },
  RECALL_ACT_FORBIDDEN: { vi: 'Bạn không được cập nhật tình trạng của đơn vị giữ hàng này.', en: 'You may not update this holder.' },
  RECALL_CLOSED: { vi: 'Đợt thu hồi {number} đã kết thúc.', en: 'Recall {number} is closed.' },
  RECALL_HOLDER_NOT_FOUND: { vi: 'Không tìm thấy đơn vị giữ hàng trong đợt thu hồi.', en: 'Holder not found in this recall.' },
  RECALL_UOM_UNKNOWN: { vi: 'Đơn vị {uom} không được hỗ trợ (KGM, GRM, TNE, LTR, MLT, H87).', en: 'Unit {uom} is not supported (KGM, GRM, TNE, LTR, MLT, H87).' },
  RECALL_QUANTITY_REQUIRED: { vi: 'Hãy nhập số lượng và đơn vị.', en: 'Enter the quantity and its unit.' },
});

export const RecallNotices = defineMessages({
  RECALL_NOTICE_HOLDER: {
    vi: 'THU HỒI {number} ({severityVi}): {productVi}. Lý do: {reason}. Đơn vị của bạn đã nhận hàng bị ảnh hưởng; hãy ngừng bán, xác nhận và báo số lượng trả lại hoặc tiêu huỷ. {instructions}',
    en: 'RECALL {number} ({severityEn}): {productEn}. Reason: {reason}. Your organisation received affected goods; stop selling, acknowledge, and report the quantity returned or destroyed. {instructions}',
  },
  RECALL_NOTICE_OWNER: {
    vi: 'Cơ quan quản lý đã mở đợt thu hồi {number} ({severityVi}) đối với {productVi} của đơn vị bạn. Lý do: {reason}.',
    en: 'The authority opened recall {number} ({severityEn}) of your {productEn}. Reason: {reason}.',
  },
  RECALL_NOTICE_OFFICIALS: {
    vi: 'Đã mở đợt thu hồi {number} ({severityVi}): {productVi} của {producer}. {holders} đơn vị giữ hàng cần liên hệ.',
    en: 'Recall {number} ({severityEn}) opened: {productEn} of {producer}. {holders} holders to reach.',
  },
  RECALL_MAIL_SUBJECT: { vi: '[TXNG Sơn La] Thu hồi sản phẩm {number}: {productVi}', en: '[TXNG Sơn La] Product recall {number}: {productEn}' },
  RECALL_PUBLIC_RECALLED: { vi: 'Sản phẩm này đang bị thu hồi ({number}). Không sử dụng.', en: 'This product is recalled ({number}). Do not use it.' },
  RECALL_PUBLIC_NOT_RECALLED: { vi: 'Không có thông báo thu hồi cho mã này.', en: 'No recall concerns this code.' },
  RECALL_SEVERITY_class_1: { vi: 'Cấp I — nguy cơ nghiêm trọng', en: 'Class I — serious risk' },
  RECALL_SEVERITY_class_2: { vi: 'Cấp II — nguy cơ tạm thời', en: 'Class II — temporary risk' },
  RECALL_SEVERITY_class_3: { vi: 'Cấp III — ít nguy cơ', en: 'Class III — low risk' },
});
