// Vietnamese and English texts of every code the catalog produces: errors, field problems, import reports,
// diary warnings. Codes are unique across the server (platform/i18n/messages.ts).
import { defineMessages } from '../../platform/i18n/messages.ts';

export const CatalogErrors = defineMessages({
  CATALOG_PRODUCT_NOT_FOUND: { vi: 'Không tìm thấy sản phẩm.', en: 'Product not found.' },
  CATALOG_PLACE_NOT_FOUND: { vi: 'Không tìm thấy địa điểm.', en: 'Place not found.' },
  CATALOG_LOT_NOT_FOUND: { vi: 'Không tìm thấy lô hàng.', en: 'Lot not found.' },
  CATALOG_FILE_NOT_FOUND: { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  CATALOG_IMPORT_NOT_FOUND: { vi: 'Không tìm thấy lần nhập dữ liệu.', en: 'Import not found.' },
  CATALOG_ORGANIZATION_REQUIRED: { vi: 'Chỉ tài khoản của doanh nghiệp, hợp tác xã hoặc hộ kinh doanh mới ghi được dữ liệu này.', en: 'Only accounts of a business, cooperative or household can record this.' },
  CATALOG_VERSION_NOT_FOUND: { vi: 'Không có phiên bản {version}.', en: 'There is no version {version}.' },

  CATALOG_GTIN_NOT_DIGITS: { vi: 'Mã GTIN chỉ gồm chữ số (ký tự thứ {position} không phải chữ số).', en: 'A GTIN has digits only (character {position} is not a digit).' },
  CATALOG_GTIN_LENGTH: { vi: 'Mã GTIN gồm 8, 12, 13 hoặc 14 chữ số (đã nhập {length}).', en: 'A GTIN has 8, 12, 13 or 14 digits ({length} given).' },
  CATALOG_GTIN_CHECK_DIGIT: { vi: 'Sai chữ số kiểm tra của GTIN: chữ số cuối phải là {expected}.', en: 'Wrong GTIN check digit: the last digit must be {expected}.' },
  CATALOG_GTIN_PREFIX_MISMATCH: { vi: 'GTIN phải bắt đầu bằng mã doanh nghiệp GS1 của tổ chức ({prefix}).', en: 'The GTIN must start with the organisation\'s GS1 company prefix ({prefix}).' },
  CATALOG_GTIN_TAKEN: { vi: 'GTIN {gtin} đã được dùng cho sản phẩm khác của tổ chức.', en: 'GTIN {gtin} is already used by another product of the organisation.' },
  CATALOG_GLN_NOT_DIGITS: { vi: 'GLN gồm đúng 13 chữ số.', en: 'A GLN has exactly 13 digits.' },
  CATALOG_GLN_CHECK_DIGIT: { vi: 'Sai chữ số kiểm tra của GLN: chữ số cuối phải là {expected}.', en: 'Wrong GLN check digit: the last digit must be {expected}.' },
  CATALOG_GLN_PREFIX_MISMATCH: { vi: 'GLN phải bắt đầu bằng mã doanh nghiệp GS1 của tổ chức ({prefix}).', en: 'The GLN must start with the organisation\'s GS1 company prefix ({prefix}).' },
  CATALOG_GLN_TAKEN: { vi: 'GLN {gln} đã được dùng cho địa điểm khác.', en: 'GLN {gln} is already used by another place.' },
  CATALOG_GLN_EXTENSION_INVALID: { vi: 'Phần mở rộng GLN gồm 1–20 ký tự: chữ không dấu, chữ số và các dấu ! " % & \' ( ) * + , - . / : ; < = > ? _', en: 'A GLN extension has 1–20 characters: unaccented letters, digits and ! " % & \' ( ) * + , - . / : ; < = > ? _' },
  CATALOG_GLN_EXTENSION_WITHOUT_GLN: { vi: 'Chỉ nhập phần mở rộng khi có GLN.', en: 'An extension needs a GLN.' },
  CATALOG_PLACE_CODE_TAKEN: { vi: 'Mã địa điểm {code} đã được dùng cho địa điểm khác của tổ chức.', en: 'Place code {code} is already used by another place of the organisation.' },
  CATALOG_PLACE_CODE_INVALID: { vi: 'Mã địa điểm gồm 1–40 ký tự: chữ không dấu, chữ số, dấu "-", "_" hoặc ".".', en: 'A place code has 1–40 characters: unaccented letters, digits, "-", "_" or ".".' },
  CATALOG_PLANTING_AREA_CODE_REQUIRED: { vi: 'Vùng trồng cần có mã số vùng trồng.', en: 'A planting area needs its planting-area code.' },
  CATALOG_PLANTING_AREA_CODE_INVALID: { vi: 'Mã số vùng trồng gồm 4–40 ký tự: chữ in hoa không dấu, chữ số và dấu "-" hoặc "." (ví dụ VN-SLOR-0012).', en: 'A planting-area code has 4–40 characters: capital letters, digits, "-" or "." (e.g. VN-SLOR-0012).' },
  CATALOG_AREA_REQUIRED: { vi: 'Vùng trồng cần có diện tích (ha).', en: 'A planting area needs its area (ha).' },
  CATALOG_AREA_RANGE: { vi: 'Diện tích phải lớn hơn 0 và không quá 100.000 ha.', en: 'The area must be above 0 and at most 100,000 ha.' },
  CATALOG_COMMUNE_REQUIRED: { vi: 'Chọn xã/phường nơi có địa điểm này.', en: 'Choose the commune or ward of this place.' },
  CATALOG_COORDINATES_PAIR: { vi: 'Nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.', en: 'Enter both latitude and longitude, or neither.' },
  CATALOG_LATITUDE_RANGE: { vi: 'Vĩ độ phải nằm trong khoảng -90 đến 90 (Sơn La khoảng 20,6 đến 22,1).', en: 'Latitude must be between -90 and 90 (Sơn La is about 20.6 to 22.1).' },
  CATALOG_LONGITUDE_RANGE: { vi: 'Kinh độ phải nằm trong khoảng -180 đến 180 (Sơn La khoảng 103,2 đến 105,0).', en: 'Longitude must be between -180 and 180 (Sơn La is about 103.2 to 105.0).' },
  CATALOG_LOT_CODE_INVALID: { vi: 'Mã lô gồm 1–20 ký tự: chữ không dấu, chữ số và các dấu ! " % & \' ( ) * + , - . / : ; < = > ? _ (GS1 AI 10).', en: 'A lot code has 1–20 characters: unaccented letters, digits and ! " % & \' ( ) * + , - . / : ; < = > ? _ (GS1 AI 10).' },
  CATALOG_LOT_CODE_TAKEN: { vi: 'Mã lô {lotCode} đã có cho sản phẩm này.', en: 'Lot code {lotCode} already exists for this product.' },
  CATALOG_DATE_INVALID: { vi: 'Ngày không hợp lệ (dạng YYYY-MM-DD hoặc DD/MM/YYYY).', en: 'Not a valid date (YYYY-MM-DD or DD/MM/YYYY).' },
  CATALOG_DATE_IN_FUTURE: { vi: 'Ngày này chưa đến ({date}).', en: 'This date is in the future ({date}).' },
  CATALOG_EXPIRY_BEFORE_PRODUCTION: { vi: 'Hạn sử dụng ({expiry}) trước ngày sản xuất ({production}).', en: 'The expiry date ({expiry}) is before the production date ({production}).' },
  CATALOG_EXPIRY_BEFORE_HARVEST: { vi: 'Hạn sử dụng ({expiry}) trước ngày thu hoạch ({harvest}).', en: 'The expiry date ({expiry}) is before the harvest date ({harvest}).' },
  CATALOG_PRODUCTION_BEFORE_HARVEST: { vi: 'Ngày sản xuất/đóng gói ({production}) trước ngày thu hoạch ({harvest}).', en: 'The production/packing date ({production}) is before the harvest date ({harvest}).' },
  CATALOG_VALIDITY_ORDER: { vi: 'Ngày hết hiệu lực trước ngày cấp.', en: 'The end of validity is before its start.' },
  CATALOG_ORIGIN_PLACE_UNKNOWN: { vi: 'Địa điểm không tồn tại hoặc không thuộc tổ chức.', en: 'The place does not exist or belongs to another organisation.' },
  CATALOG_FILE_UNKNOWN: { vi: 'Tệp đính kèm không tồn tại hoặc không thuộc tổ chức.', en: 'The attached file does not exist or belongs to another organisation.' },
  CATALOG_OTHER_NAME_REQUIRED: { vi: 'Ghi tên chứng nhận khi chọn "Khác".', en: 'Name the certification when choosing "Other".' },
  CATALOG_UNIT_MISMATCH: { vi: 'Đơn vị tính phải khớp với lô ({unit}).', en: 'The unit must match the lot\'s ({unit}).' },

  CATALOG_UPLOAD_MISSING: { vi: 'Chưa chọn tệp để tải lên (trường "file").', en: 'No file was sent (field "file").' },
  CATALOG_UPLOAD_TOO_LARGE: { vi: 'Tệp quá lớn: tối đa {limitMb} MB.', en: 'The file is too large: at most {limitMb} MB.' },
  CATALOG_UPLOAD_NOT_IMAGE: { vi: 'Tệp "{fileName}" không phải ảnh JPEG, PNG, WebP, GIF, AVIF hoặc HEIC.', en: '"{fileName}" is not a JPEG, PNG, WebP, GIF, AVIF or HEIC image.' },
  CATALOG_UPLOAD_IMAGE_TOO_BIG: { vi: 'Ảnh quá lớn ({width}×{height} điểm ảnh); tối đa 40 triệu điểm ảnh.', en: 'The image is too big ({width}×{height} pixels); at most 40 megapixels.' },
  CATALOG_UPLOAD_NOT_DOCUMENT: { vi: 'Tệp "{fileName}" phải là PDF, JPEG hoặc PNG.', en: '"{fileName}" must be a PDF, JPEG or PNG.' },
  CATALOG_TOO_MANY_IMAGES: { vi: 'Mỗi sản phẩm có tối đa {limit} ảnh.', en: 'A product has at most {limit} images.' },
});

/** What a missing required field is called, for the completeness panel (completeness.ts field → code). */
export const MissingFieldMessages = defineMessages({
  CATALOG_MISSING_NAMEVI: { vi: 'Tên sản phẩm', en: 'Product name' },
  CATALOG_MISSING_IMAGES: { vi: 'Hình ảnh sản phẩm', en: 'Product image' },
  CATALOG_MISSING_GTIN: { vi: 'Mã GTIN (mã số thương phẩm toàn cầu)', en: 'GTIN (Global Trade Item Number)' },
  CATALOG_MISSING_ORGANIZATION_NAME: { vi: 'Tên tổ chức, cá nhân sản xuất, kinh doanh', en: 'Name of the producer or trader' },
  CATALOG_MISSING_ORGANIZATION_ADDRESS: { vi: 'Địa chỉ tổ chức, cá nhân sản xuất, kinh doanh', en: 'Address of the producer or trader' },
  CATALOG_MISSING_ORGANIZATION_TAXCODE: { vi: 'Mã số định danh (mã số thuế) của tổ chức', en: 'Identifier (tax code) of the producer or trader' },
  CATALOG_MISSING_ORIGINPLACEID: { vi: 'Xuất xứ hoặc nơi chế biến cuối cùng', en: 'Origin or place of last processing' },
  CATALOG_MISSING_STANDARDS: { vi: 'Tiêu chuẩn áp dụng (TCVN, QCVN, quốc tế hoặc tiêu chuẩn cơ sở)', en: 'Standards applied (TCVN, QCVN, international or own)' },
  CATALOG_MISSING_CERTIFICATIONS: { vi: 'Chứng nhận, chứng chỉ', en: 'Certificates' },
  CATALOG_MISSING_SAFETYWARNINGS: { vi: 'Cảnh báo an toàn', en: 'Safety warnings' },
  CATALOG_MISSING_LOT_PRODUCTIONDATE: { vi: 'Ngày sản xuất hoặc thu hoạch của lô', en: 'Production or harvest date of the lot' },
  CATALOG_MISSING_LOT_EXPIRYDATE: { vi: 'Hạn sử dụng của lô', en: 'Expiry date of the lot' },
  CATALOG_MISSING_EVENTS: { vi: 'Thông tin các công đoạn (nhật ký sản xuất, sự kiện truy xuất)', en: 'Stage records (diary, traceability events)' },
});

export function missingFieldCode(field: string): string {
  return `CATALOG_MISSING_${field.replace(/\./g, '_').toUpperCase()}`;
}
