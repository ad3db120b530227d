// One label as a list of drawing operations in millimetres, shared by the PDF writer and the SVG writer so
// that every output format carries the same label.
import { defineMessages, translate, type Lang } from '../../../platform/i18n/messages.ts';
import type { StampKind } from '../model.ts';
import { formatVerificationCode, humanSerial } from '../serials.ts';
import { fitText, LINE_GAP, type Weight } from './label-fonts.ts';
import { labelGeometry, type Box } from './label-geometry.ts';
import type { QrModules } from './qr-modules.ts';

export const LabelTexts = defineMessages({
  STAMP_LABEL_MARK: { vi: 'TXNG SƠN LA', en: 'TXNG SƠN LA' },
  STAMP_LABEL_SEQ: { vi: 'Số {seq}', en: 'No. {seq}' },
  STAMP_LABEL_CODE: { vi: 'Mã xác thực', en: 'Verification code' },
});

export interface LabelContent {
  readonly uri: string;
  readonly serial: string;
  readonly seq: number;
  readonly qr: QrModules;
  /** Plaintext verification code (kind qr_code, first print only). */
  readonly code: string | null;
}

export type LabelOp =
  | { readonly op: 'qr'; readonly box: Box; readonly modules: QrModules }
  | { readonly op: 'text'; readonly x: number; readonly y: number; readonly size: number; readonly weight: Weight; readonly text: string }
  | { readonly op: 'mark'; readonly box: Box }
  | { readonly op: 'frame'; readonly box: Box; readonly dashed: boolean };

const PT_PER_MM = 72 / 25.4;
const MM_PER_PT = 25.4 / 72;

// The product name and fixed captions repeat on every label of a print: fitted once.
const fittedCache = new Map<string, ReturnType<typeof fitText>>();
function fitOnce(text: string, weight: Weight, box: Box, maxLines: number, maxPt: number, minPt: number) {
  const key = `${weight}|${box.w}|${box.h}|${maxLines}|${maxPt}|${minPt}|${text}`;
  let fitted = fittedCache.get(key);
  if (!fitted) {
    fitted = fitText(text, weight, box.w * PT_PER_MM, box.h * PT_PER_MM, maxLines, maxPt, minPt);
    if (fittedCache.size > 2000) fittedCache.clear();
    fittedCache.set(key, fitted);
  }
  return fitted;
}

/** Text fitted in a box, as text ops (the size is in points, positions in mm; y is the top of each line). */
function textBlock(ops: LabelOp[], text: string, weight: Weight, box: Box, maxLines: number, maxPt: number, minPt: number): number {
  if (box.h <= 0 || box.w <= 0) return 0;
  return place(ops, fitOnce(text, weight, box, maxLines, maxPt, minPt), weight, box);
}

function place(ops: LabelOp[], fitted: ReturnType<typeof fitText>, weight: Weight, box: Box): number {
  const lineH = fitted.size * LINE_GAP * MM_PER_PT;
  fitted.lines.forEach((line, i) => ops.push({ op: 'text', x: box.x, y: box.y + i * lineH, size: fitted.size, weight, text: line }));
  return fitted.lines.length * lineH;
}

/** The human-readable code is never cut: at the smallest size it takes the two lines it needs. */
function fitCode(text: string, width: number, height: number, maxPt: number): ReturnType<typeof fitText> {
  const fitted = fitText(text, 400, width * PT_PER_MM, height * PT_PER_MM, 2, maxPt, MIN_CODE_PT);
  if (fitted.lines.join('').replace(/…$/, '') === text.replace(/ /g, '') || !fitted.lines.some((l) => l.endsWith('…'))) return fitted;
  return fitText(text, 400, width * PT_PER_MM, 2 * MIN_CODE_PT * LINE_GAP, 2, MIN_CODE_PT, MIN_CODE_PT);
}
const MIN_CODE_PT = 4;

/** The operations of one label of `w`×`h` mm, relative to its top-left corner. */
export function drawLabel(w: number, h: number, kind: StampKind, productName: string, label: LabelContent, lang: Lang = 'vi'): LabelOp[] {
  const g = labelGeometry(w, h, kind);
  const ops: LabelOp[] = [{ op: 'qr', box: g.qr, modules: label.qr }];
  const t = g.text;
  const small = Math.min(t.h, t.w) < 14;
  // The provincial mark: a badge and the platform's name on the first line.
  const markH = Math.min(t.h * 0.16, 3.2);
  ops.push({ op: 'mark', box: { x: t.x, y: t.y, w: markH, h: markH } });
  textBlock(ops, translate(LabelTexts.STAMP_LABEL_MARK, lang), 700, { x: t.x + markH + 0.6, y: t.y + markH * 0.05, w: t.w - markH - 0.6, h: markH }, 1, 7, 3.5);
  const top = t.y + markH + 0.5;
  const rest = t.y + t.h - top;
  // Bottom up: the sequence number, then the code (complete, always), then the name gets what is left.
  const seq = fitOnce(translate(LabelTexts.STAMP_LABEL_SEQ, lang, { seq: label.seq }), 400, { x: t.x, y: 0, w: t.w, h: rest * 0.16 }, 1, 6, 3.5);
  const seqH = seq.size * LINE_GAP * MM_PER_PT;
  const code = fitCode(humanSerial(label.serial), t.w, rest * 0.38, small ? 6.5 : 8);
  const codeH = code.lines.length * code.size * LINE_GAP * MM_PER_PT;
  const nameH = Math.max(0, rest - seqH - codeH - 0.5);
  const usedName = textBlock(ops, productName, 700, { x: t.x, y: top, w: t.w, h: nameH }, g.landscape ? 3 : 2, small ? 7 : 9, 4.5);
  const codeY = top + Math.min(nameH, usedName) + 0.3;
  place(ops, code, 400, { x: t.x, y: codeY, w: t.w, h: codeH });
  place(ops, seq, 400, { x: t.x, y: codeY + codeH + 0.1, w: t.w, h: seqH });
  if (g.code) {
    ops.push({ op: 'frame', box: g.code, dashed: true });
    const inner = { x: g.code.x + 0.6, y: g.code.y + 0.4, w: g.code.w - 1.2, h: g.code.h - 0.8 };
    const used = textBlock(ops, translate(LabelTexts.STAMP_LABEL_CODE, lang), 400, { ...inner, h: inner.h * 0.4 }, 1, 5.5, 3.5);
    if (label.code) textBlock(ops, formatVerificationCode(label.code), 700, { ...inner, y: inner.y + used, h: inner.h - used }, 1, 10, 4.5);
  }
  return ops;
}
