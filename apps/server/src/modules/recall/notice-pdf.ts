// The printed recall notice (A4, pdfkit), posted in shops and sent to holders: Vietnamese first, English after.
// Be Vietnam Pro (SIL OFL, @fontsource/be-vietnam-pro, the font the stamp labels use) comes in subsets (latin,
// vietnamese, latin-ext); each run of text is set in the first subset that has its glyphs, so every Vietnamese
// letter prints (ạ, ế, ữ live in the vietnamese subset, à, é, ô in latin) and stays searchable text.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { defineMessages, translate, type Lang } from '../../platform/i18n/messages.ts';
import { describeCanonical, vietnamIso } from '../trace/index.ts';
import type { Campaign } from './model.ts';

export const NoticeTexts = defineMessages({
  RECALL_PDF_TITLE: { vi: 'THÔNG BÁO THU HỒI SẢN PHẨM', en: 'PRODUCT RECALL NOTICE' },
  RECALL_PDF_NUMBER: { vi: 'Số: {number} — ngày {date}', en: 'No. {number} — {date}' },
  RECALL_PDF_SEVERITY: { vi: 'Mức độ', en: 'Severity' },
  RECALL_PDF_PRODUCT: { vi: 'Sản phẩm', en: 'Product' },
  RECALL_PDF_LOTS: { vi: 'Lô, mã hàng bị thu hồi', en: 'Recalled lots and codes' },
  RECALL_PDF_PRODUCER: { vi: 'Đơn vị sản xuất', en: 'Producer' },
  RECALL_PDF_REASON: { vi: 'Lý do', en: 'Reason' },
  RECALL_PDF_INSTRUCTIONS: { vi: 'Hướng dẫn', en: 'What to do' },
  RECALL_PDF_DEFAULT_INSTRUCTIONS: { vi: 'Ngừng sử dụng và ngừng bán. Trả lại nơi mua hoặc liên hệ đơn vị sản xuất.', en: 'Stop using and stop selling. Return it where you bought it or contact the producer.' },
  RECALL_PDF_CONTACT: { vi: 'Liên hệ', en: 'Contact' },
  RECALL_PDF_STATUS_open: { vi: 'Đợt thu hồi đang diễn ra.', en: 'This recall is in progress.' },
  RECALL_PDF_STATUS_closed: { vi: 'Đợt thu hồi đã kết thúc ngày {date}; sản phẩm vẫn không được sử dụng.', en: 'This recall closed on {date}; the product must still not be used.' },
  RECALL_PDF_FOOTER: { vi: 'Hệ thống truy xuất nguồn gốc tỉnh Sơn La — quét mã QR trên sản phẩm để kiểm tra.', en: 'Sơn La provincial traceability system — scan the product\'s QR code to check.' },
});

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;

interface Face { readonly name: string; readonly data: Buffer; readonly font: fontkit.Font }
let faces: Record<400 | 700, Face[]> | undefined;
function fontsOf(weight: 400 | 700): Face[] {
  faces ??= {
    400: SUBSETS.map((s) => load(s, 400)),
    700: SUBSETS.map((s) => load(s, 700)),
  };
  return faces[weight];
}
function load(subset: string, weight: 400 | 700): Face {
  const data = readFileSync(path.join(fontDir, `be-vietnam-pro-${subset}-${weight}-normal.woff`));
  return { name: `bvp-${subset}-${weight}`, data, font: fontkit.create(data) as fontkit.Font };
}

/** Text cut into runs, each with the first subset that has every glyph of the run. */
export function fontRuns(text: string, weight: 400 | 700): { face: string; text: string }[] {
  const list = fontsOf(weight);
  const runs: { face: string; text: string }[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    const face = (list.find((f) => f.font.hasGlyphForCodePoint(cp)) ?? list[0]!).name;
    const last = runs[runs.length - 1];
    if (last && (last.face === face || /\s/.test(ch))) last.text += ch;
    else runs.push({ face, text: ch });
  }
  return runs;
}

export interface NoticeInput {
  readonly campaign: Campaign;
  readonly productVi: string | null;
  readonly productEn: string | null;
  readonly producer: string | null;
  readonly url: string;
}

const lotText = (id: string) => {
  const d = describeCanonical(id);
  if (d.gtin && d.lot !== undefined) return `GTIN ${d.gtin} — lô ${d.lot}`;
  if (d.gtin && d.serial !== undefined) return `GTIN ${d.gtin} — sê-ri ${d.serial}`;
  if (d.sscc) return `SSCC ${d.sscc}`;
  return d.gtin ? `GTIN ${d.gtin}` : id;
};

export async function noticePdf(input: NoticeInput): Promise<Buffer> {
  const c = input.campaign;
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${translate(NoticeTexts.RECALL_PDF_TITLE, 'vi')} ${c.number}`, Author: 'TXNG Sơn La' } });
  for (const w of [400, 700] as const) for (const f of fontsOf(w)) doc.registerFont(f.name, f.data);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - 112;
  const write = (text: string, o: { size?: number; bold?: boolean; color?: string; align?: 'left' | 'center'; gap?: number } = {}) => {
    const runs = fontRuns(text, o.bold ? 700 : 400);
    doc.fontSize(o.size ?? 11).fillColor(o.color ?? '#111111');
    if (o.align === 'center') {
      // pdfkit cannot centre a line made of runs in several fonts: measure them and set each at its place
      // (titles are one line).
      const total = runs.reduce((sum, r) => sum + doc.font(r.face).widthOfString(r.text), 0);
      const y = doc.y;
      let x = 56 + Math.max(0, (width - total) / 2);
      for (const r of runs) {
        doc.font(r.face).text(r.text, x, y, { lineBreak: false });
        x += doc.widthOfString(r.text);
      }
      doc.x = 56;
      doc.y = y + doc.currentLineHeight(true);
      doc.moveDown(o.gap ?? 0.3);
      return;
    }
    runs.forEach((r, i) => doc.font(r.face).text(r.text, { width, continued: i < runs.length - 1 }));
    doc.moveDown(o.gap ?? 0.3);
  };
  const date = (d: Date) => vietnamIso(d, true).split('-').reverse().join('/');
  for (const lang of ['vi', 'en'] as Lang[]) {
    const t = (code: string, params?: Record<string, unknown>) => translate(code, lang, params);
    write(t(NoticeTexts.RECALL_PDF_TITLE), { size: lang === 'vi' ? 20 : 16, bold: true, color: '#991b1b', align: 'center', gap: 0.2 });
    write(t(NoticeTexts.RECALL_PDF_NUMBER, { number: c.number, date: date(c.openedAt) }), { align: 'center', gap: 0.8 });
    const field = (label: string, value: string) => {
      write(label, { bold: true, size: 10, color: '#374151', gap: 0 });
      write(value, { gap: 0.5 });
    };
    field(t(NoticeTexts.RECALL_PDF_SEVERITY), t(`RECALL_SEVERITY_${c.severity}`));
    field(t(NoticeTexts.RECALL_PDF_PRODUCT), (lang === 'en' ? input.productEn : null) ?? input.productVi ?? '—');
    field(t(NoticeTexts.RECALL_PDF_LOTS), c.targets.slice(0, 30).map(lotText).join('\n') + (c.targets.length > 30 ? `\n… (+${c.targets.length - 30})` : ''));
    if (input.producer) field(t(NoticeTexts.RECALL_PDF_PRODUCER), input.producer);
    field(t(NoticeTexts.RECALL_PDF_REASON), c.reason);
    field(t(NoticeTexts.RECALL_PDF_INSTRUCTIONS), c.instructions ?? t(NoticeTexts.RECALL_PDF_DEFAULT_INSTRUCTIONS));
    if (c.contact) field(t(NoticeTexts.RECALL_PDF_CONTACT), c.contact);
    write(c.status === 'closed' && c.closedAt ? t('RECALL_PDF_STATUS_closed', { date: date(c.closedAt) }) : t('RECALL_PDF_STATUS_open'), { bold: true, gap: 1.2 });
  }
  write(`${translate(NoticeTexts.RECALL_PDF_FOOTER, 'vi')} ${input.url}`, { size: 8, color: '#4b5563' });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
