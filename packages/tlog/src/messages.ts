// Message catalogue: Vietnamese first, then English, for every error code (docs/contributing.md#errors).
// `{name}` placeholders are filled from `TlogError.params`.
import type { TlogError, TlogErrorCode } from './errors.ts';

export type Language = 'vi' | 'en';

export const messages: Readonly<Record<TlogErrorCode, Readonly<Record<Language, string>>>> = {
  TLOG_BAD_HASH_SIZE: {
    vi: 'Giá trị băm {what} phải dài 32 byte (nhận được {size} byte).',
    en: 'The {what} hash must be 32 bytes long (got {size} bytes).',
  },
  TLOG_NOT_U64: {
    vi: '{what} phải là số nguyên không âm nhỏ hơn 2^64.',
    en: '{what} must be a non-negative integer below 2^64.',
  },
  TLOG_INDEX_OUT_OF_RANGE: {
    vi: 'Chỉ số {index} nằm ngoài cây có {size} phần tử.',
    en: 'Index {index} is outside a tree of {size} entries.',
  },
  TLOG_SIZE_ORDER: {
    vi: 'Kích thước cây cũ ({size1}) lớn hơn kích thước cây mới ({size2}).',
    en: 'The old tree size ({size1}) is larger than the new tree size ({size2}).',
  },
  TLOG_BAD_INCLUSION_PROOF: {
    vi: 'Bằng chứng bao hàm không hợp lệ: bản ghi không nằm trong cây đã ký.',
    en: 'Invalid inclusion proof: the entry is not in the signed tree.',
  },
  TLOG_BAD_CONSISTENCY_PROOF: {
    vi: 'Bằng chứng nhất quán không hợp lệ: cây mới không mở rộng từ cây cũ.',
    en: 'Invalid consistency proof: the new tree does not extend the old one.',
  },
  TLOG_EMPTY_TREE_CONSISTENCY: {
    vi: 'Không có bằng chứng nhất quán nào xuất phát từ cây rỗng.',
    en: 'There is no consistency proof from the empty tree.',
  },
  TLOG_ROOT_MISMATCH: {
    vi: 'Gốc cây tính lại không khớp với gốc mong đợi tại kích thước {size}.',
    en: 'The recomputed tree root does not match the expected root at size {size}.',
  },
  TLOG_READER_MISMATCH: {
    vi: 'Nguồn dữ liệu cây trả về dữ liệu sai cho {what}.',
    en: 'The tree data source returned wrong data for {what}.',
  },
  TLOG_TREE_TOO_LARGE: {
    vi: 'Cây vượt quá kích thước tối đa {max} phần tử.',
    en: 'The tree exceeds the maximum size of {max} entries.',
  },
  TILE_BAD_PATH: {
    vi: 'Đường dẫn ô (tile) không hợp lệ: {path}.',
    en: 'Invalid tile path: {path}.',
  },
  TILE_BAD_WIDTH: {
    vi: 'Độ rộng ô phải từ 1 đến 256 (nhận được {width}).',
    en: 'Tile width must be between 1 and 256 (got {width}).',
  },
  TILE_BAD_SIZE: {
    vi: 'Ô dài {size} byte, cần {expected} byte.',
    en: 'The tile is {size} bytes long; {expected} bytes were expected.',
  },
  BUNDLE_MALFORMED: {
    vi: 'Gói bản ghi (entry bundle) bị hỏng tại byte {offset}.',
    en: 'The entry bundle is malformed at byte {offset}.',
  },
  BUNDLE_ENTRY_TOO_LARGE: {
    vi: 'Bản ghi dài {size} byte, vượt giới hạn 65535 byte của gói bản ghi.',
    en: 'The entry is {size} bytes long, above the 65535-byte entry bundle limit.',
  },
  NOTE_MALFORMED: {
    vi: 'Ghi chú đã ký (signed note) sai định dạng.',
    en: 'The signed note is malformed.',
  },
  NOTE_BAD_ENCODING: {
    vi: 'Ghi chú đã ký phải là UTF-8 hợp lệ và không chứa ký tự điều khiển ngoài dấu xuống dòng.',
    en: 'A signed note must be valid UTF-8 without control characters other than newline.',
  },
  NOTE_TOO_MANY_SIGNATURES: {
    vi: 'Ghi chú có quá nhiều chữ ký (tối đa {max}).',
    en: 'The note carries too many signatures (at most {max}).',
  },
  NOTE_BAD_TEXT: {
    vi: 'Nội dung cần ký phải kết thúc bằng dấu xuống dòng và không chứa ký tự điều khiển.',
    en: 'The text to sign must end with a newline and contain no control characters.',
  },
  NOTE_BAD_KEY_NAME: {
    vi: 'Tên khóa không hợp lệ: không được rỗng, không chứa khoảng trắng hoặc dấu cộng.',
    en: 'Invalid key name: it must be non-empty, without spaces or plus signs.',
  },
  NOTE_UNKNOWN_KEY: {
    vi: 'Không có chữ ký nào từ khóa tin cậy.',
    en: 'No signature from a trusted key.',
  },
  NOTE_AMBIGUOUS_KEY: {
    vi: 'Có nhiều khóa tin cậy cùng tên {name} và mã {keyId}.',
    en: 'Several trusted keys share the name {name} and ID {keyId}.',
  },
  NOTE_BAD_SIGNATURE: {
    vi: 'Chữ ký của khóa {name}+{keyId} không hợp lệ.',
    en: 'The signature by key {name}+{keyId} is invalid.',
  },
  NOTE_BAD_VERIFIER_KEY: {
    vi: 'Khóa xác minh (verifier key) sai định dạng.',
    en: 'The verifier key is malformed.',
  },
  NOTE_BAD_SIGNER_KEY: {
    vi: 'Khóa ký (signer key) sai định dạng.',
    en: 'The signer key is malformed.',
  },
  NOTE_UNSUPPORTED_KEY_TYPE: {
    vi: 'Loại chữ ký 0x{type} không được hỗ trợ.',
    en: 'Signature type 0x{type} is not supported.',
  },
  NOTE_KEY_ID_MISMATCH: {
    vi: 'Mã khóa không khớp với tên và khóa công khai.',
    en: 'The key ID does not match the key name and public key.',
  },
  CHECKPOINT_MALFORMED: {
    vi: 'Điểm kiểm tra (checkpoint) sai định dạng.',
    en: 'The checkpoint is malformed.',
  },
  CHECKPOINT_BAD_SIZE: {
    vi: 'Kích thước cây trong điểm kiểm tra không hợp lệ.',
    en: 'The checkpoint tree size is invalid.',
  },
  CHECKPOINT_BAD_ROOT: {
    vi: 'Gốc cây trong điểm kiểm tra phải là 32 byte mã hóa base64.',
    en: 'The checkpoint root hash must be 32 bytes in base64.',
  },
  CHECKPOINT_BAD_EMPTY_ROOT: {
    vi: 'Điểm kiểm tra của cây rỗng phải có gốc SHA-256("").',
    en: 'A checkpoint of the empty tree must carry the root SHA-256("").',
  },
  CHECKPOINT_ORIGIN_MISMATCH: {
    vi: 'Điểm kiểm tra thuộc sổ cái {actual}, không phải {expected}.',
    en: 'The checkpoint belongs to log {actual}, not {expected}.',
  },
  CHECKPOINT_NOT_LOG_SIGNED: {
    vi: 'Điểm kiểm tra không có chữ ký hợp lệ của sổ cái.',
    en: 'The checkpoint carries no valid signature by the log.',
  },
  COSIGNATURE_MALFORMED: {
    vi: 'Chữ ký đồng xác nhận (cosignature) sai định dạng.',
    en: 'The cosignature is malformed.',
  },
  WITNESS_QUORUM_NOT_MET: {
    vi: 'Chỉ có {have} nhân chứng xác nhận, cần ít nhất {need}.',
    en: 'Only {have} witnesses cosigned; at least {need} are required.',
  },
  WITNESS_BAD_REQUEST: {
    vi: 'Yêu cầu gửi nhân chứng sai định dạng ở dòng {line}.',
    en: 'The witness request is malformed at line {line}.',
  },
  PROOF_MALFORMED: {
    vi: 'Tệp bằng chứng (tlog-proof) sai định dạng.',
    en: 'The tlog-proof is malformed.',
  },
};

/** The message for an error in the given language, with its parameters filled in. */
export function formatError(error: TlogError, language: Language = 'vi'): string {
  const template = messages[error.code][language];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = error.params?.[key];
    return value === undefined ? whole : String(value);
  });
}
