// Message catalogue: every code the package reports, in Vietnamese first and English (contributing.md
// "Errors"). Placeholders `{name}` are filled from the issue's params.
import type { EpcisIssue } from './issue.ts';

interface Message {
  readonly vi: string;
  readonly en: string;
}

export const EPCIS_MESSAGES = {
  // Input syntax and safety
  EPCIS_JSON_SYNTAX: { vi: 'JSON không hợp lệ: {reason}', en: 'Invalid JSON: {reason}' },
  EPCIS_JSON_TOO_DEEP: { vi: 'JSON lồng nhau quá sâu (tối đa {max} cấp)', en: 'JSON nested too deeply (at most {max} levels)' },
  EPCIS_XML_SYNTAX: { vi: 'XML không hợp lệ: {reason}', en: 'Invalid XML: {reason}' },
  EPCIS_XML_DOCTYPE_FORBIDDEN: {
    vi: 'Không chấp nhận khai báo DOCTYPE có DTD hoặc thực thể (chống tấn công mở rộng thực thể)',
    en: 'A DOCTYPE with a DTD or entity declarations is not accepted (entity-expansion protection)',
  },
  EPCIS_XML_TOO_DEEP: { vi: 'XML lồng nhau quá sâu (tối đa {max} cấp)', en: 'XML nested too deeply (at most {max} levels)' },
  EPCIS_XML_UNKNOWN_ROOT: { vi: 'Phần tử gốc không phải tài liệu EPCIS: {element}', en: 'Root element is not an EPCIS document: {element}' },
  EPCIS_XML_UNKNOWN_ELEMENT: { vi: 'Phần tử không được phép ở đây: {element}', en: 'Element not allowed here: {element}' },
  EPCIS_XML_MISSING_ELEMENT: { vi: 'Thiếu phần tử bắt buộc {element}', en: 'Missing required element {element}' },
  EPCIS_XML_DUPLICATE_ELEMENT: { vi: 'Phần tử {element} xuất hiện nhiều lần', en: 'Element {element} appears more than once' },
  EPCIS_XML_MISSING_ATTRIBUTE: { vi: 'Thiếu thuộc tính bắt buộc {attribute}', en: 'Missing required attribute {attribute}' },
  EPCIS_XML_INVALID_VALUE: { vi: 'Giá trị "{value}" không hợp lệ cho {field}: {reason}', en: 'Invalid value "{value}" for {field}: {reason}' },
  EPCIS_XML_ELEMENT_ORDER: {
    vi: 'Phần tử {element} sai thứ tự so với lược đồ XSD EPCIS 2.0',
    en: 'Element {element} is out of the order the EPCIS 2.0 XSD requires',
  },
  EPCIS_UNKNOWN_EVENT_TYPE: { vi: 'Loại sự kiện không được hỗ trợ: {type}', en: 'Unsupported event type: {type}' },
  EPCIS_UNKNOWN_DOCUMENT_TYPE: { vi: 'Không nhận ra loại tài liệu: {type}', en: 'Unrecognised document type: {type}' },
  EPCIS_QUERY_NAME_MISSING: { vi: 'Yêu cầu truy vấn thiếu queryName', en: 'The query request has no queryName' },
  EPCIS_QUERY_PARAM_WITHOUT_VALUE: { vi: 'Tham số truy vấn {name} không có giá trị', en: 'Query parameter {name} has no value' },
  // Official JSON Schema (EPCIS 2.0.1)
  EPCIS_SCHEMA_REQUIRED: { vi: 'Thiếu trường bắt buộc {property}', en: 'Missing required field {property}' },
  EPCIS_SCHEMA_TYPE: { vi: 'Sai kiểu dữ liệu: {reason}', en: 'Wrong data type: {reason}' },
  EPCIS_SCHEMA_ENUM: { vi: 'Giá trị không thuộc danh sách cho phép: {reason}', en: 'Value not among the allowed values: {reason}' },
  EPCIS_SCHEMA_FORMAT: { vi: 'Sai định dạng: {reason}', en: 'Wrong format: {reason}' },
  EPCIS_SCHEMA_PATTERN: { vi: 'Giá trị không khớp mẫu: {reason}', en: 'Value does not match the pattern: {reason}' },
  EPCIS_SCHEMA_PROPERTY: { vi: 'Trường không được phép: {property}', en: 'Field not allowed: {property}' },
  EPCIS_SCHEMA_UNIQUE: { vi: 'Danh sách có phần tử trùng lặp: {reason}', en: 'The list has duplicate items: {reason}' },
  EPCIS_SCHEMA_MIN_ITEMS: { vi: 'Danh sách quá ngắn: {reason}', en: 'The list is too short: {reason}' },
  EPCIS_SCHEMA_VIOLATION: { vi: 'Vi phạm lược đồ EPCIS: {reason}', en: 'EPCIS schema violation: {reason}' },
  // Rules the schema cannot express
  EPCIS_EVENT_TIME_IN_FUTURE: {
    vi: 'Thời điểm sự kiện {value} ở tương lai (quá {skewSeconds} giây so với đồng hồ máy chủ)',
    en: 'Event time {value} is in the future (more than {skewSeconds} s ahead of the server clock)',
  },
  EPCIS_TIME_ZONE_OFFSET_RANGE: {
    vi: 'Độ lệch múi giờ {value} phải nằm trong khoảng −14:00 đến +14:00',
    en: 'Time-zone offset {value} must lie between −14:00 and +14:00',
  },
  EPCIS_ILMD_WITHOUT_ADD: {
    vi: 'ilmd chỉ được dùng khi action là ADD (EPCIS 2.0 §7.4.2)',
    en: 'ilmd is only allowed when action is ADD (EPCIS 2.0 §7.4.2)',
  },
  EPCIS_CBV_URN_IN_JSON: {
    vi: 'Trong JSON, giá trị CBV chuẩn phải viết dạng từ trần (ví dụ "{suggestion}"), không dùng {value}',
    en: 'In JSON, a standard CBV value must be a bare word (e.g. "{suggestion}"), not {value}',
  },
  EPCIS_CBV_UNKNOWN_VALUE: {
    vi: '{value} không phải giá trị CBV 2.0 hợp lệ cho {field}',
    en: '{value} is not a CBV 2.0 value for {field}',
  },
  EPCIS_UNDECLARED_PREFIX: {
    vi: 'Tiền tố "{prefix}" của trường mở rộng {property} chưa được khai báo trong @context',
    en: 'Prefix "{prefix}" of extension field {property} is not declared in @context',
  },
  EPCIS_INVALID_GS1_KEY: {
    vi: 'Mã định danh GS1 {value} không hợp lệ ({gs1Code})',
    en: 'GS1 identifier {value} is invalid ({gs1Code})',
  },
  EPCIS_BAD_CHECK_DIGIT: {
    vi: 'Số kiểm tra của mã GS1 trong {value} không đúng',
    en: 'The GS1 check digit in {value} is wrong',
  },
  EPCIS_SENSOR_TYPE_UNLISTED: {
    vi: 'Loại đo "{value}" không có trong danh mục GS1; nên dùng URI đầy đủ',
    en: 'Measurement type "{value}" is not in the GS1 list; a full URI is preferred',
  },
  EPCIS_UNKNOWN_CONTEXT: {
    vi: '@context không tham chiếu ngữ cảnh EPCIS 2.0 chuẩn',
    en: '@context does not reference the standard EPCIS 2.0 context',
  },
  // Query language (EPCIS 2.0 §8.2.7)
  EPCIS_QUERY_UNKNOWN_PARAMETER: { vi: 'Tham số truy vấn không xác định: {name}', en: 'Unknown query parameter: {name}' },
  EPCIS_QUERY_INVALID_VALUE: { vi: 'Giá trị không hợp lệ cho {name}: {reason}', en: 'Invalid value for {name}: {reason}' },
  EPCIS_QUERY_UNKNOWN_PREFIX: {
    vi: 'Tiền tố không gian tên "{prefix}" trong {name} chưa được khai báo (GS1-Extensions)',
    en: 'Namespace prefix "{prefix}" in {name} is not declared (GS1-Extensions)',
  },
  EPCIS_QUERY_CONFLICT: { vi: 'Tham số truy vấn mâu thuẫn: {reason}', en: 'Conflicting query parameters: {reason}' },
  EPCIS_QUERY_DUPLICATE_PARAMETER: { vi: 'Tham số {name} xuất hiện nhiều lần', en: 'Parameter {name} appears more than once' },
} as const satisfies Record<string, Message>;

export type EpcisIssueCode = keyof typeof EPCIS_MESSAGES;

export type Language = 'vi' | 'en';

/** The user-facing message of an issue, with its parameters filled in. */
export function formatEpcisIssue(issue: Pick<EpcisIssue, 'code' | 'params'>, lang: Language = 'vi'): string {
  const template: string = EPCIS_MESSAGES[issue.code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = issue.params?.[name];
    return value === undefined ? whole : String(value);
  });
}
