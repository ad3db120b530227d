// A recall's scope as officials work it in Excel: every holder with contact, what it held, returned and destroyed
// and where it stands; every affected identity. Built from the presented campaign, so a reader's file shows what
// the reader's screen shows (names withheld where the screen withholds them).
import { defineMessages, translate, type Lang } from '../../platform/i18n/messages.ts';
import { CSV_TYPE, describeCanonical, writeCsv, writeWorkbook, XLSX_TYPE, type Cell, type ExportFile, type Sheet, type SheetColumn } from '../trace/index.ts';
import type { CampaignResponse } from './presenter.ts';
import type { AffectedRow } from './store.ts';

export const RecallSheetTexts = defineMessages({
  RECALL_SHEET_HOLDERS: { vi: 'Đơn vị giữ hàng', en: 'Holders' },
  RECALL_SHEET_AFFECTED: { vi: 'Mã bị ảnh hưởng', en: 'Affected identities' },
  RECALL_COL_HOLDER: { vi: 'Đơn vị', en: 'Holder' },
  RECALL_COL_REGISTERED: { vi: 'Có tài khoản', en: 'Registered' },
  RECALL_COL_DIRECT: { vi: 'Nhận trực tiếp từ nhà sản xuất', en: 'Received from the producer' },
  RECALL_COL_STATUS: { vi: 'Tình trạng', en: 'Status' },
  RECALL_COL_PHONE: { vi: 'Điện thoại', en: 'Phone' },
  RECALL_COL_EMAIL: { vi: 'Thư điện tử', en: 'E-mail' },
  RECALL_COL_ADDRESS: { vi: 'Địa chỉ', en: 'Address' },
  RECALL_COL_REPRESENTATIVE: { vi: 'Người đại diện', en: 'Representative' },
  RECALL_COL_GLN: { vi: 'GLN / định danh', en: 'GLN / identifier' },
  RECALL_COL_HELD_KG: { vi: 'Đang giữ (kg)', en: 'Held (kg)' },
  RECALL_COL_HELD_L: { vi: 'Đang giữ (lít)', en: 'Held (L)' },
  RECALL_COL_HELD_PCS: { vi: 'Đang giữ (cái)', en: 'Held (pieces)' },
  RECALL_COL_RETURNED: { vi: 'Đã trả lại', en: 'Returned' },
  RECALL_COL_DESTROYED: { vi: 'Đã tiêu huỷ', en: 'Destroyed' },
  RECALL_COL_ACKNOWLEDGED: { vi: 'Xác nhận lúc', en: 'Acknowledged at' },
  RECALL_COL_RECEIVED: { vi: 'Nhận hàng lúc', en: 'First received at' },
  RECALL_COL_IDENTITY: { vi: 'Mã định danh', en: 'Identifier' },
  RECALL_COL_KIND: { vi: 'Loại', en: 'Kind' },
  RECALL_COL_GTIN: { vi: 'GTIN', en: 'GTIN' },
  RECALL_COL_LOT: { vi: 'Số lô', en: 'Lot' },
  RECALL_COL_SERIAL: { vi: 'Số sê-ri / SSCC', en: 'Serial / SSCC' },
  RECALL_COL_DEPTH: { vi: 'Số bước từ hàng thu hồi', en: 'Steps from the recalled goods' },
  RECALL_HOLDER_HIDDEN: { vi: '(không hiển thị tên)', en: '(name withheld)' },
  RECALL_YES: { vi: 'Có', en: 'Yes' },
  RECALL_NO: { vi: 'Không', en: 'No' },
  RECALL_STATUS_notified: { vi: 'Đã thông báo', en: 'Notified' },
  RECALL_STATUS_unreachable: { vi: 'Chưa có tài khoản — liên hệ qua bên giao hàng', en: 'Not registered — reach through its supplier' },
  RECALL_STATUS_acknowledged: { vi: 'Đã xác nhận', en: 'Acknowledged' },
  RECALL_STATUS_completed: { vi: 'Đã hoàn tất', en: 'Completed' },
});

const T = RecallSheetTexts;

function columns(lang: Lang, specs: readonly (readonly [string, SheetColumn['kind']?, number?])[]): SheetColumn[] {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return specs.map(([code, kind, width]) => ({ header: translate(code, lang), note: translate(code, other), ...(kind ? { kind } : {}), ...(width ? { width } : {}) }));
}

const dims = (m: Readonly<Record<string, number>>) => Object.entries(m).filter(([, v]) => v > 0).map(([d, v]) => `${Math.round(v * 1000) / 1000} ${d === 'mass' ? 'kg' : d === 'volume' ? 'L' : 'pcs'}`).join('; ') || null;

export function holdersSheet(r: CampaignResponse, lang: Lang): Sheet {
  const t = (code: string) => translate(code, lang);
  return {
    name: `${r.number} ${t(T.RECALL_SHEET_HOLDERS)}`,
    columns: columns(lang, [
      [T.RECALL_COL_HOLDER, 'text', 36], [T.RECALL_COL_REGISTERED], [T.RECALL_COL_DIRECT], [T.RECALL_COL_STATUS, 'text', 28], [T.RECALL_COL_PHONE, 'text', 16],
      [T.RECALL_COL_EMAIL, 'text', 28], [T.RECALL_COL_ADDRESS, 'text', 40], [T.RECALL_COL_REPRESENTATIVE, 'text', 24], [T.RECALL_COL_GLN, 'text', 30],
      [T.RECALL_COL_HELD_KG, 'number'], [T.RECALL_COL_HELD_L, 'number'], [T.RECALL_COL_HELD_PCS, 'number'], [T.RECALL_COL_RETURNED, 'text', 20],
      [T.RECALL_COL_DESTROYED, 'text', 20], [T.RECALL_COL_ACKNOWLEDGED, 'datetime', 18], [T.RECALL_COL_RECEIVED, 'datetime', 18],
    ]),
    rows: r.holders.map((h): Cell[] => [
      h.name ?? t(T.RECALL_HOLDER_HIDDEN), t(h.registered ? T.RECALL_YES : T.RECALL_NO), t(h.direct ? T.RECALL_YES : T.RECALL_NO), t(`RECALL_STATUS_${h.status}`),
      h.contact?.phone ?? null, h.contact?.email ?? null, h.contact?.address ?? null, h.contact?.representative ?? null, h.contact ? (h.contact.gln ?? h.contact.uri) : null,
      h.held.mass ?? null, h.held.volume ?? null, h.held.count ?? null, dims(h.returned), dims(h.destroyed),
      h.acknowledgedAt ? new Date(h.acknowledgedAt) : null, h.firstReceivedAt ? new Date(h.firstReceivedAt) : null,
    ]),
  };
}

export function affectedSheet(affected: readonly AffectedRow[], lang: Lang): Sheet {
  return {
    name: translate(T.RECALL_SHEET_AFFECTED, lang),
    columns: columns(lang, [[T.RECALL_COL_IDENTITY, 'text', 60], [T.RECALL_COL_KIND], [T.RECALL_COL_GTIN], [T.RECALL_COL_LOT], [T.RECALL_COL_SERIAL, 'text', 22], [T.RECALL_COL_DEPTH, 'number']]),
    rows: affected.map((a) => {
      const d = describeCanonical(a.identity);
      return [a.identity, a.kind, d.gtin ?? null, d.lot ?? null, d.serial ?? d.sscc ?? null, a.depth];
    }),
  };
}

/** XLSX: the holders, then the affected identities (a reader who sees every holder also sees the identities). CSV: the holders. */
export async function scopeFile(r: CampaignResponse, affected: readonly AffectedRow[] | null, lang: Lang, format: 'xlsx' | 'csv'): Promise<ExportFile> {
  const holders = holdersSheet(r, lang);
  if (format === 'csv') return { bytes: writeCsv(holders), contentType: CSV_TYPE, fileName: `thu-hoi-${r.number}.csv` };
  return { bytes: await writeWorkbook(affected ? [holders, affectedSheet(affected, lang)] : [holders]), contentType: XLSX_TYPE, fileName: `thu-hoi-${r.number}.xlsx` };
}
