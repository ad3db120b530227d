import { defineMessages } from '../../platform/i18n/messages.ts';

export const GeoErrors = defineMessages({
  GEO_UNIT_NOT_FOUND: { vi: 'Không có xã/phường mã {id}.', en: 'There is no commune or ward with id {id}.' },
  GEO_OFFICIAL_CODE_TAKEN: { vi: 'Mã đơn vị hành chính {code} đã được dùng cho đơn vị khác.', en: 'Administrative code {code} is already used by another unit.' },
  GEO_OFFICIAL_CODE_FORMAT: { vi: 'Mã đơn vị hành chính gồm 5 chữ số.', en: 'An administrative unit code has 5 digits.' },
  GEO_SECTOR_UNKNOWN: { vi: 'Không có ngành {code}.', en: 'There is no sector {code}.' },
});
