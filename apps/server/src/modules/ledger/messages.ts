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
