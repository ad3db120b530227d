// The closed set of failures a service may report. Services throw AppError with a stable code from a message
// catalogue; the one HTTP error handler maps the kind to a status and writes RFC 9457 problem+json.
import { defineMessages } from './i18n/messages.ts';

export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'unsupported_media_type'
  | 'not_acceptable'
  | 'rate_limited'
  | 'unavailable';

export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  not_acceptable: 406,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** One faulty field: a JSON pointer into the request (`/organization/taxCode`), or a query/header name. */
export interface FieldProblem {
  readonly pointer: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly params: Readonly<Record<string, unknown>> = {},
    readonly fields: readonly FieldProblem[] = [],
    /** Extra members of the problem document (e.g. `retryAfter`, `eventIndex`). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(code);
  }
}

export const CommonErrors = defineMessages({
  VALIDATION_FAILED: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request contains invalid data.' },
  NOT_FOUND: { vi: 'Không tìm thấy tài nguyên được yêu cầu.', en: 'The requested resource was not found.' },
  ROUTE_NOT_FOUND: { vi: 'Không có địa chỉ {method} {url}.', en: 'There is no route {method} {url}.' },
  UNAUTHENTICATED: { vi: 'Bạn cần đăng nhập hoặc dùng khoá API hợp lệ.', en: 'Sign in or use a valid API key.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  CSRF_TOKEN_INVALID: { vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.', en: 'Missing or wrong anti-forgery (CSRF) token. Reload the page.' },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau {retryAfter} giây.', en: 'Too many requests. Try again in {retryAfter} seconds.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn (tối đa {limit}).', en: 'The request body is too large (at most {limit}).' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Không hỗ trợ kiểu dữ liệu {contentType}.', en: 'Content type {contentType} is not supported.' },
  MALFORMED_JSON: { vi: 'Nội dung JSON không đúng cú pháp: {reason}', en: 'The JSON body is malformed: {reason}' },
  SERVICE_UNAVAILABLE: { vi: 'Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau.', en: 'The service is temporarily unavailable. Please try again later.' },
  STORAGE_UNAVAILABLE: { vi: 'Kho lưu trữ tệp tạm thời không phản hồi. Vui lòng thử lại sau {retryAfter} giây.', en: 'File storage is temporarily not answering. Please try again in {retryAfter} seconds.' },
  INTERNAL_ERROR: { vi: 'Đã xảy ra lỗi hệ thống. Mã tra cứu: {requestId}.', en: 'An internal error occurred. Reference: {requestId}.' },
  CONFLICT: { vi: 'Dữ liệu đã bị thay đổi hoặc đã tồn tại.', en: 'The data was changed meanwhile or already exists.' },
  // Field-level codes produced by request-schema validation.
  FIELD_REQUIRED: { vi: 'Bắt buộc nhập trường này.', en: 'This field is required.' },
  FIELD_TYPE: { vi: 'Sai kiểu dữ liệu: cần {type}.', en: 'Wrong type: {type} expected.' },
  FIELD_FORMAT: { vi: 'Sai định dạng: cần {format}.', en: 'Wrong format: {format} expected.' },
  FIELD_TOO_SHORT: { vi: 'Quá ngắn: tối thiểu {limit} ký tự.', en: 'Too short: at least {limit} characters.' },
  FIELD_TOO_LONG: { vi: 'Quá dài: tối đa {limit} ký tự.', en: 'Too long: at most {limit} characters.' },
  FIELD_PATTERN: { vi: 'Giá trị không đúng mẫu quy định.', en: 'The value does not match the required pattern.' },
  FIELD_ENUM: { vi: 'Giá trị không được phép; chọn một trong: {allowed}.', en: 'Value not allowed; use one of: {allowed}.' },
  FIELD_UNKNOWN: { vi: 'Trường không được hỗ trợ: {property}.', en: 'Unknown field: {property}.' },
  FIELD_MINIMUM: { vi: 'Giá trị phải lớn hơn hoặc bằng {limit}.', en: 'Must be at least {limit}.' },
  FIELD_MAXIMUM: { vi: 'Giá trị phải nhỏ hơn hoặc bằng {limit}.', en: 'Must be at most {limit}.' },
  FIELD_TOO_FEW_ITEMS: { vi: 'Cần ít nhất {limit} mục.', en: 'At least {limit} items are required.' },
  FIELD_TOO_MANY_ITEMS: { vi: 'Tối đa {limit} mục.', en: 'At most {limit} items are allowed.' },
  FIELD_DUPLICATE_ITEMS: { vi: 'Danh sách có mục trùng lặp.', en: 'The list contains duplicate items.' },
  FIELD_INVALID: { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
});

export const invalid = (code: string, fields: readonly FieldProblem[] = [], params: Record<string, unknown> = {}): AppError =>
  new AppError('invalid', code, params, fields);
export const notFound = (code: string = CommonErrors.NOT_FOUND, params: Record<string, unknown> = {}): AppError =>
  new AppError('not_found', code, params);
export const forbidden = (code: string = CommonErrors.FORBIDDEN, params: Record<string, unknown> = {}): AppError =>
  new AppError('forbidden', code, params);
export const conflict = (code: string = CommonErrors.CONFLICT, params: Record<string, unknown> = {}, fields: readonly FieldProblem[] = []): AppError =>
  new AppError('conflict', code, params, fields);
export const unauthorized = (code: string = CommonErrors.UNAUTHENTICATED, params: Record<string, unknown> = {}): AppError =>
  new AppError('unauthorized', code, params);

/** A single-field validation failure, the most common kind. */
export const fieldInvalid = (pointer: string, code: string, params: Record<string, unknown> = {}): AppError =>
  new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer, code, params }]);
