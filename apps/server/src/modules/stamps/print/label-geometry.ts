// Where things go on a label, and whether a layout can be printed at all. All lengths in millimetres.
//
// A label carries the QR code with its full 4-module quiet zone (ISO/IEC 18004:2015 §6.3.8), the product
// name, the short human-readable code, the sequence number, the provincial mark and, for anti-counterfeit
// stamps, the verification code in a box that the cooperative covers with a scratch-off sticker. Phones read
// printed QR codes reliably from about 0.25 mm per module on an office laser or inkjet printer; smaller is
// refused with a message that says so.
import type { FieldProblem } from '../../../platform/errors.ts';
import type { LabelLayout, StampKind } from '../model.ts';
import { StampErrors } from '../messages.ts';

export const MIN_MODULE_MM = 0.25;
export const MIN_LABEL_SIDE_MM = 15;
export const MAX_PAGE_SIDE_MM = 1200;
export const MAX_LABELS_PER_PAGE = 500;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface LabelGeometry {
  /** The QR square, quiet zone included. */
  readonly qr: Box;
  /** Product name, codes and mark. */
  readonly text: Box;
  /** The scratch-off box (kind qr_code), inside or below the text box. */
  readonly code: Box | null;
  readonly landscape: boolean;
}

export function labelGeometry(w: number, h: number, kind: StampKind): LabelGeometry {
  const pad = Math.min(2.5, Math.max(1, Math.min(w, h) * 0.06));
  const landscape = w >= h * 1.15;
  const wantsCode = kind === 'qr_code';
  if (landscape) {
    const side = Math.min(h - 2 * pad, w * 0.55);
    const tx = pad + side + pad * 0.6;
    const text = { x: tx, y: pad, w: w - tx - pad, h: h - 2 * pad };
    const codeH = wantsCode ? Math.min(text.h * 0.36, 9) : 0;
    return {
      qr: { x: pad, y: (h - side) / 2, w: side, h: side },
      text: { ...text, h: text.h - codeH },
      code: wantsCode ? { x: text.x, y: text.y + text.h - codeH, w: text.w, h: codeH } : null,
      landscape,
    };
  }
  const textH = Math.max(h * 0.3, 6);
  const codeH = wantsCode ? Math.min(h * 0.16, 8) : 0;
  const side = Math.max(0, Math.min(w - 2 * pad, h - 2 * pad - textH - codeH));
  const text = { x: pad, y: pad + side, w: w - 2 * pad, h: textH };
  return {
    qr: { x: (w - side) / 2, y: pad, w: side, h: side },
    text,
    code: wantsCode ? { x: pad, y: text.y + textH, w: w - 2 * pad, h: codeH } : null,
    landscape,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Everything wrong with a layout for stamps whose QR codes have `qrSize` modules (quiet zone included), each
 * with the JSON pointer under `base` and what would be needed. Empty = printable.
 */
export function layoutProblems(layout: LabelLayout, kind: StampKind, qrSize: number, base = '/layout'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { labelWidthMm: w, labelHeightMm: h } = layout;
  if (Math.min(w, h) < MIN_LABEL_SIDE_MM) {
    problems.push({ pointer: `${base}/labelWidthMm`, code: StampErrors.STAMP_LAYOUT_LABEL_TOO_SMALL, params: { widthMm: w, heightMm: h, minMm: MIN_LABEL_SIDE_MM } });
    return problems;
  }
  if (layout.kind === 'sheet') {
    const { pageWidthMm: pw, pageHeightMm: ph } = layout;
    if (pw > MAX_PAGE_SIDE_MM || ph > MAX_PAGE_SIDE_MM) {
      problems.push({ pointer: `${base}/pageWidthMm`, code: StampErrors.STAMP_LAYOUT_PAGE_TOO_LARGE, params: { widthMm: pw, heightMm: ph, maxMm: MAX_PAGE_SIDE_MM } });
    }
    const needX = layout.marginLeftMm + layout.columns * w + (layout.columns - 1) * layout.gapXMm;
    const needY = layout.marginTopMm + layout.rows * h + (layout.rows - 1) * layout.gapYMm;
    // 0.05 mm of slack: published sheet dimensions are rounded to tenths.
    if (needX > pw + 0.05) problems.push({ pointer: `${base}/columns`, code: StampErrors.STAMP_LAYOUT_DOES_NOT_FIT, params: { axis: 'x', neededMm: round(needX), availableMm: pw } });
    if (needY > ph + 0.05) problems.push({ pointer: `${base}/rows`, code: StampErrors.STAMP_LAYOUT_DOES_NOT_FIT, params: { axis: 'y', neededMm: round(needY), availableMm: ph } });
    if (layout.columns * layout.rows > MAX_LABELS_PER_PAGE) {
      problems.push({ pointer: `${base}/rows`, code: StampErrors.STAMP_LAYOUT_TOO_MANY_LABELS, params: { max: MAX_LABELS_PER_PAGE } });
    }
  }
  const geometry = labelGeometry(w, h, kind);
  const moduleMm = geometry.qr.w / qrSize;
  if (moduleMm < MIN_MODULE_MM) {
    problems.push({ pointer: `${base}/labelHeightMm`, code: StampErrors.STAMP_LAYOUT_QR_TOO_SMALL, params: { moduleMm: round(moduleMm), minModuleMm: MIN_MODULE_MM } });
  }
  return problems;
}

/** Top-left corner of label `i` (0-based) on its page, and the page it is on. */
export function labelPosition(layout: LabelLayout, i: number): { page: number; x: number; y: number } {
  if (layout.kind === 'roll') return { page: i, x: 0, y: 0 };
  const perPage = layout.columns * layout.rows;
  const k = i % perPage;
  const col = k % layout.columns;
  const row = Math.floor(k / layout.columns);
  return {
    page: Math.floor(i / perPage),
    x: layout.marginLeftMm + col * (layout.labelWidthMm + layout.gapXMm),
    y: layout.marginTopMm + row * (layout.labelHeightMm + layout.gapYMm),
  };
}

export function pageSize(layout: LabelLayout): { w: number; h: number } {
  return layout.kind === 'roll' ? { w: layout.labelWidthMm, h: layout.labelHeightMm } : { w: layout.pageWidthMm, h: layout.pageHeightMm };
}
