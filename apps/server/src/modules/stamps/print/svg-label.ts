// One label as a self-contained SVG in millimetres: the same drawing operations as the PDF, with text as
// glyph outlines ("text converted to curves", as print shops expect), each glyph defined once per file.
import type { LabelOp } from './label-drawing.ts';
import { BASELINE, glyphOutline, type Weight } from './label-fonts.ts';
import { markSvg } from './provincial-mark.ts';

const f = (v: number) => (Math.round(v * 1000) / 1000).toString();

export function labelSvg(w: number, h: number, ops: readonly LabelOp[]): string {
  const defs = new Map<string, string>();
  const glyphRef = (weight: Weight, cp: number): string | null => {
    const o = glyphOutline(weight, cp);
    if (!o.svg) return null;
    const id = `g${weight === 700 ? 'b' : 'r'}${cp.toString(16)}`;
    if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${o.svg}"/>`);
    return id;
  };
  let body = '';
  for (const op of ops) {
    switch (op.op) {
      case 'qr': {
        const m = op.box.w / op.modules.size;
        let d = '';
        const r = op.modules.runs;
        for (let i = 0; i < r.length; i += 3) d += `M${r[i]} ${r[i + 1]}h${r[i + 2]}v1h-${r[i + 2]}z`;
        body += `<path transform="translate(${f(op.box.x)} ${f(op.box.y)}) scale(${f(m)})" d="${d}" fill="#000" shape-rendering="crispEdges"/>`;
        break;
      }
      case 'text': {
        const s = (op.size * 25.4) / 72 / 1000;
        let pen = 0;
        let uses = '';
        for (const ch of op.text.normalize('NFC')) {
          const cp = ch.codePointAt(0)!;
          const id = glyphRef(op.weight, cp);
          if (id) uses += `<use xlink:href="#${id}" x="${Math.round(pen)}"/>`;
          pen += glyphOutline(op.weight, cp).advance;
        }
        const y = op.y + BASELINE * op.size * (25.4 / 72);
        body += `<g transform="translate(${f(op.x)} ${f(y)}) scale(${s.toFixed(7)} ${(-s).toFixed(7)})" fill="#000">${uses}</g>`;
        break;
      }
      case 'mark':
        body += markSvg(op.box.x, op.box.y, op.box.w);
        break;
      case 'frame':
        body += `<rect x="${f(op.box.x)}" y="${f(op.box.y)}" width="${f(op.box.w)}" height="${f(op.box.h)}" fill="none" stroke="#000" stroke-width="0.18" stroke-dasharray="0.53 0.35"/>`;
        break;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${f(w)}mm" height="${f(h)}mm" viewBox="0 0 ${f(w)} ${f(h)}">` +
    `<defs>${[...defs.values()].join('')}</defs><rect width="${f(w)}" height="${f(h)}" fill="#fff"/>${body}</svg>`
  );
}
