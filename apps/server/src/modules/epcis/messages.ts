// Message catalogue of the epcis module (Vietnamese first, English), plus the codes of @txng/epcis registered in
// the server catalogue so that problem documents translate every issue the package reports.
import { EPCIS_MESSAGES } from '@txng/epcis';
import { defineMessages } from '../../platform/i18n/messages.ts';

export const EpcisPackageCodes = defineMessages(EPCIS_MESSAGES);

export const EpcisErrors = defineMessages({
  EPCIS_CAPTURE_REJECTED: {
    vi: 'Tài liệu EPCIS bị từ chối: {count} lỗi; không sự kiện nào được lưu.',
    en: 'The EPCIS document was rejected: {count} error(s); no event was stored.',
  },
  EPCIS_CAPTURE_LIMIT_EXCEEDED: {
    vi: 'Tài liệu có {count} sự kiện, vượt giới hạn {limit} sự kiện mỗi lần gửi.',
    en: 'The document has {count} events, more than the limit of {limit} per capture.',
  },
  EPCIS_CAPTURE_FILE_TOO_LARGE: {
    vi: 'Tài liệu vượt giới hạn {limit} byte mỗi lần gửi.',
    en: 'The document exceeds the limit of {limit} bytes per capture.',
  },
  EPCIS_CAPTURE_NOT_A_CAPTURE_DOCUMENT: {
    vi: 'Chỉ nhận EPCISDocument hoặc EPCISQueryDocument (hoặc một sự kiện đơn), không nhận {kind}.',
    en: 'Only an EPCISDocument or EPCISQueryDocument (or a single event) can be captured, not {kind}.',
  },
  EPCIS_CAPTURE_BAD_ENCODING: {
    vi: 'Tài liệu phải được mã hoá UTF-8.',
    en: 'The document must be encoded in UTF-8.',
  },
  EPCIS_CAPTURE_UNSTORABLE_TEXT: {
    vi: 'Tài liệu chứa ký tự không lưu được (NUL hoặc nửa cặp thay thế UTF-16) tại {pointer}.',
    en: 'The document contains a character that cannot be stored (NUL or an unpaired UTF-16 surrogate) at {pointer}.',
  },
  EPCIS_CAPTURE_INTERRUPTED: {
    vi: 'Phiên ghi nhận bị gián đoạn do máy chủ dừng; các sự kiện chưa được xác nhận đã bị huỷ.',
    en: 'The capture job was interrupted by a server stop; events not yet committed were discarded.',
  },
  EPCIS_CAPTURE_NOT_FOUND: { vi: 'Không tìm thấy phiên ghi nhận {captureID}.', en: 'Capture job {captureID} was not found.' },
  EPCIS_CAPTURE_FORBIDDEN: {
    vi: 'Chỉ người dùng của tổ chức hoặc khoá API có quyền events:capture mới được ghi nhận sự kiện.',
    en: 'Only an organisation user or an API key with the events:capture permission can capture events.',
  },
  EPCIS_READ_FORBIDDEN: {
    vi: 'Bạn không có quyền đọc sự kiện EPCIS.',
    en: 'You are not allowed to read EPCIS events.',
  },
  EPCIS_EVENT_ID_CONFLICT: {
    vi: 'Mã sự kiện {eventID} đã được dùng cho một sự kiện khác; sự kiện đã lưu không thể thay đổi (hãy dùng khai báo lỗi).',
    en: 'Event ID {eventID} already names a different event; stored events cannot change (use an error declaration).',
  },
  EPCIS_EVENT_NOT_FOUND: { vi: 'Không tìm thấy sự kiện {eventID}.', en: 'Event {eventID} was not found.' },
  EPCIS_BEHAVIOUR_INVALID: {
    vi: 'GS1-Capture-Error-Behaviour phải là rollback hoặc proceed.',
    en: 'GS1-Capture-Error-Behaviour must be rollback or proceed.',
  },
  EPCIS_VERSION_UNSUPPORTED: {
    vi: 'Không hỗ trợ {header} {value}; máy chủ hỗ trợ {supported}.',
    en: '{header} {value} is not supported; this server supports {supported}.',
  },
  EPCIS_NOT_ACCEPTABLE: {
    vi: 'Không trả được định dạng yêu cầu; chọn application/ld+json, application/json hoặc application/xml.',
    en: 'The requested format cannot be produced; use application/ld+json, application/json or application/xml.',
  },
  EPCIS_EPC_FORMAT_INVALID: {
    vi: 'GS1-EPC-Format phải là No_Preference, Always_GS1_Digital_Link, Always_EPC_URN hoặc Never_Translates.',
    en: 'GS1-EPC-Format must be No_Preference, Always_GS1_Digital_Link, Always_EPC_URN or Never_Translates.',
  },
  EPCIS_QUERY_REJECTED: { vi: 'Truy vấn EPCIS không hợp lệ.', en: 'The EPCIS query is invalid.' },
  EPCIS_QUERY_TOO_LARGE: {
    vi: 'Truy vấn khớp {count} sự kiện, vượt maxEventCount {max}.',
    en: 'The query matches {count} events, more than maxEventCount {max}.',
  },
  EPCIS_PAGE_TOKEN_INVALID: {
    vi: 'nextPageToken không hợp lệ hoặc thuộc một truy vấn khác.',
    en: 'nextPageToken is malformed or belongs to another query.',
  },
  EPCIS_NAMED_QUERY_NOT_FOUND: { vi: 'Không có truy vấn tên {name}.', en: 'There is no query named {name}.' },
  EPCIS_NAMED_QUERY_EXISTS: { vi: 'Đã có truy vấn tên {name}.', en: 'A query named {name} already exists.' },
  EPCIS_SUBSCRIPTION_NOT_FOUND: { vi: 'Không tìm thấy đăng ký {subscriptionID}.', en: 'Subscription {subscriptionID} was not found.' },
  EPCIS_SUBSCRIPTION_TRIGGER_REQUIRED: {
    vi: 'Đăng ký phải có stream: true hoặc một lịch (schedule), không được có cả hai.',
    en: 'A subscription needs either stream: true or a schedule, not both.',
  },
  EPCIS_SCHEDULE_INVALID: {
    vi: 'Lịch không hợp lệ ở trường {field}: {value}.',
    en: 'Invalid schedule field {field}: {value}.',
  },
  EPCIS_DEST_INVALID: {
    vi: 'Địa chỉ nhận (dest) phải là URL http(s) công khai: {reason}.',
    en: 'The callback (dest) must be a public http(s) URL: {reason}.',
  },
  EPCIS_UNKNOWN_RESOURCE: { vi: 'Không có giá trị {value} trong {collection}.', en: 'There is no {value} in {collection}.' },
});
