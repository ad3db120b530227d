import { defineMessages } from '../../platform/i18n/messages.ts';

// sổ cái minh bạch: the transparency ledger; điểm kiểm tra (checkpoint): a signed tree head.
export const LedgerErrors = defineMessages({
  LEDGER_ENTRY_NOT_FOUND: {
    vi: 'Sổ cái minh bạch không có bản ghi loại {kind} mã {id}.',
    en: 'The transparency ledger has no {kind} record {id}.',
  },
  LEDGER_ENTRY_PENDING: {
    vi: 'Bản ghi đã được tiếp nhận nhưng chưa nằm trong điểm kiểm tra đã công bố; vui lòng thử lại sau vài giây.',
    en: 'The record was accepted but is not yet in a published checkpoint; try again in a few seconds.',
  },
  LEDGER_NO_CHECKPOINT: {
    vi: 'Sổ cái minh bạch chưa công bố điểm kiểm tra nào.',
    en: 'The transparency ledger has not published a checkpoint yet.',
  },
  LEDGER_BAD_SIZES: {
    vi: 'Kích thước cây không hợp lệ: cần 0 < from ≤ to ≤ {size}.',
    en: 'Invalid tree sizes: 0 < from ≤ to ≤ {size} is required.',
  },
  LEDGER_TILE_NOT_FOUND: {
    vi: 'Không có tài nguyên {path} của sổ cái.',
    en: 'The ledger has no resource {path}.',
  },
});

// What `txng ledger monitor` and `txng ledger verify-proof` report.
export const MonitorFindings = defineMessages({
  LEDGER_MONITOR_FETCH_FAILED: { vi: 'Không tải được {url}: {reason}.', en: 'Cannot fetch {url}: {reason}.' },
  LEDGER_MONITOR_CHECKPOINT_REJECTED: {
    vi: 'Điểm kiểm tra bị từ chối ({source}): {reason}',
    en: 'Checkpoint rejected ({source}): {reason}',
  },
  LEDGER_MONITOR_ROLLBACK: {
    vi: 'Sổ cái đang phục vụ điểm kiểm tra cỡ {size}, nhỏ hơn cỡ {seen} đã thấy trước đây.',
    en: 'The log serves a checkpoint of size {size}, smaller than size {seen} seen before.',
  },
  LEDGER_MONITOR_SPLIT_VIEW: {
    vi: 'Hai điểm kiểm tra cùng được sổ cái ký không nhất quán: cỡ {size} có gốc {root}, nhưng cây tải về cho gốc {computed} (góc nhìn bị tách).',
    en: 'Two checkpoints signed by the log are inconsistent: size {size} has root {root}, but the downloaded tree gives {computed} (split view).',
  },
  LEDGER_MONITOR_ROOT_MISMATCH: {
    vi: 'Các bản ghi đang phục vụ không cho ra gốc đã ký của cỡ {size}: {computed} thay vì {root}.',
    en: 'The entries served do not give the signed root of size {size}: {computed} instead of {root}.',
  },
  LEDGER_MONITOR_ENTRY_REWRITTEN: {
    vi: 'Bản ghi số {index} ({leaf}) đã bị thay đổi so với lần kiểm tra trước.',
    en: 'Entry {index} ({leaf}) changed since it was last checked.',
  },
  LEDGER_MONITOR_TILE_MISMATCH: {
    vi: 'Ô {path} đang phục vụ khác với ô tính lại từ các bản ghi.',
    en: 'Tile {path} as served differs from the tile recomputed from the entries.',
  },
  LEDGER_MONITOR_BUNDLE_MALFORMED: { vi: 'Gói bản ghi {path} sai định dạng: {reason}.', en: 'Entry bundle {path} is malformed: {reason}.' },
});
