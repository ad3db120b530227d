// Be Vietnam Pro (SIL OFL, from @fontsource/be-vietnam-pro) for labels, with per-character fallback.
//
// Fontsource splits the family into subsets: `latin` has A-Z and the Latin-1 vowels (à, é, ô…), `vietnamese`
// has ă, đ, ơ, ư and U+1EA0–U+1EF9 (ạ, ế, ữ…), `latin-ext` the rest. A label's text is normalised to NFC and cut
// into characters, each drawn with the first subset that has its glyph, so every Vietnamese letter prints with
// a real glyph (never .notdef). Glyphs are drawn as their outlines (fontkit paths): a label sheet repeats the
// same few dozen glyphs thousands of times, and outlines need no font embedding or text shaping per label, in
// the PDF and in the SVG alike. Advances are the fonts' own; kerning is not applied.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

export type Weight = 400 | 700;
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;

export interface LabelFont {
  /** Name registered with pdfkit. */
  readonly name: string;
  readonly data: Buffer;
  readonly font: fontkit.Font;
}

export interface FontRun {
  readonly font: LabelFont;
  readonly text: string;
  /** Width at size 1 (multiply by the font size in points). */
  readonly width: number;
}

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');

function load(subset: string, weight: Weight): LabelFont {
  const data = readFileSync(path.join(fontDir, `be-vietnam-pro-${subset}-${weight}-normal.woff`));
  const font = fontkit.create(data) as fontkit.Font;
  // Outlines are cached in units of 1/1000 em (pdfTextOps, svgTextPath).
  if (font.unitsPerEm !== 1000) throw new Error(`${subset}-${weight}: expected 1000 units per em`);
  return { name: `bvp-${subset}-${weight}`, data, font };
}

let loaded: Record<Weight, LabelFont[]> | undefined;
export function labelFonts(): Record<Weight, LabelFont[]> {
  loaded ??= { 400: SUBSETS.map((s) => load(s, 400)), 700: SUBSETS.map((s) => load(s, 700)) };
  return loaded;
}

/** Per weight and code point: the subset that draws it and its advance at size 1 (labels use few letters). */
const glyphs: Record<Weight, Map<number, { font: LabelFont; width: number } | null>> = { 400: new Map(), 700: new Map() };

function glyphOf(weight: Weight, cp: number): { font: LabelFont; width: number } | null {
  const known = glyphs[weight].get(cp);
  if (known !== undefined) return known;
  const font = labelFonts()[weight].find((f) => f.font.hasGlyphForCodePoint(cp));
  const g = font ? { font, width: font.font.glyphForCodePoint(cp).advanceWidth / font.font.unitsPerEm } : null;
  glyphs[weight].set(cp, g);
  return g;
}

/** The runs of `text` by subset font; characters no subset has fall back to the first (and are reported). */
export function fontRuns(text: string, weight: Weight, missing?: Set<string>): FontRun[] {
  const runs: { font: LabelFont; text: string; width: number }[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    let g = glyphOf(weight, cp);
    if (!g) {
      missing?.add(ch);
      const fallback = labelFonts()[weight][0]!;
      g = { font: fallback, width: fallback.font.glyphForCodePoint(cp).advanceWidth / fallback.font.unitsPerEm };
    }
    const { font } = g;
    const last = runs[runs.length - 1];
    if (last && last.font === font) {
      last.text += ch;
      last.width += g.width;
    } else runs.push({ font, text: ch, width: g.width });
  }
  return runs;
}

export function textWidth(text: string, weight: Weight): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    w += glyphOf(weight, cp)?.width ?? 0.5;
  }
  return w;
}

const fmt = (v: number) => String(Math.round(v));

function pdfOutline(glyph: fontkit.Glyph): string {
  let out = '';
  let cx = 0;
  let cy = 0;
  for (const { command, args } of glyph.path.commands) {
    const a = args as number[];
    switch (command) {
      case 'moveTo':
        out += `${fmt(a[0]!)} ${fmt(a[1]!)} m `;
        [cx, cy] = [a[0]!, a[1]!];
        break;
      case 'lineTo':
        out += `${fmt(a[0]!)} ${fmt(a[1]!)} l `;
        [cx, cy] = [a[0]!, a[1]!];
        break;
      case 'quadraticCurveTo': {
        // A quadratic Bézier as the cubic PDF draws: control points 2/3 of the way to the quadratic's one.
        const [qx, qy, x, y] = a as [number, number, number, number];
        out += `${fmt(cx + (2 / 3) * (qx - cx))} ${fmt(cy + (2 / 3) * (qy - cy))} ${fmt(x + (2 / 3) * (qx - x))} ${fmt(y + (2 / 3) * (qy - y))} ${fmt(x)} ${fmt(y)} c `;
        [cx, cy] = [x, y];
        break;
      }
      case 'bezierCurveTo':
        out += `${a.map(fmt).join(' ')} c `;
        [cx, cy] = [a[4]!, a[5]!];
        break;
      case 'closePath':
        out += 'h ';
        break;
    }
  }
  return out;
}

const outlines: Record<Weight, Map<number, { pdf: string; svg: string; advance: number }>> = { 400: new Map(), 700: new Map() };

/** A character's outline in font units (1000 per em, y up) as PDF path operators and SVG path data. */
export function glyphOutline(weight: Weight, cp: number): { pdf: string; svg: string; advance: number } {
  let o = outlines[weight].get(cp);
  if (!o) {
    const g = glyphOf(weight, cp);
    const font = g?.font ?? labelFonts()[weight][0]!;
    const glyph = font.font.glyphForCodePoint(cp);
    o = { pdf: pdfOutline(glyph), svg: glyph.path.toSVG(), advance: glyph.advanceWidth };
    outlines[weight].set(cp, o);
  }
  return o;
}

/** Where the baseline sits below the top of a line, in ems. */
export const BASELINE = 0.93;

/** The same text as SVG paths (user units = mm when `size` and the position are in mm). */
export function svgTextPath(text: string, weight: Weight, size: number, x: number, y: number): string {
  const s = size / 1000;
  let pen = 0;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const o = glyphOutline(weight, ch.codePointAt(0)!);
    if (o.svg) out += `<path transform="translate(${Math.round(pen)} 0)" d="${o.svg}"/>`;
    pen += o.advance;
  }
  return `<g transform="translate(${x.toFixed(3)} ${(y + BASELINE * size).toFixed(3)}) scale(${s.toFixed(6)} ${(-s).toFixed(6)})">${out}</g>`;
}

/** Line pitch in ems: room for Vietnamese capitals with stacked marks (Ế, Ữ). */
export const LINE_GAP = 1.18;

export interface FittedText {
  readonly size: number;
  readonly lines: string[];
}

/**
 * Breaks `text` into at most `maxLines` lines of `width` points, at the largest size from `maxSize` down to
 * `minSize` (in steps of 0.25 pt) that fits `height`; past the smallest size, the last line ends in "…".
 */
export function fitText(text: string, weight: Weight, width: number, height: number, maxLines: number, maxSize: number, minSize: number, lineGap = LINE_GAP): FittedText {
  const words = text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  for (let size = maxSize; size >= minSize - 1e-9; size -= 0.25) {
    const lines = Math.min(maxLines, Math.floor(height / (size * lineGap)));
    if (lines < 1) continue;
    const wrapped = wrap(words, weight, width / size);
    if (wrapped.length <= lines) return { size, lines: wrapped };
  }
  const lines = Math.max(1, Math.min(maxLines, Math.floor(height / (minSize * lineGap))));
  const wrapped = wrap(words, weight, width / minSize);
  const kept = wrapped.slice(0, lines);
  let last = `${kept[lines - 1] ?? ''}…`;
  while (last.length > 1 && textWidth(last, weight) > width / minSize) last = `${last.slice(0, -2).trimEnd()}…`;
  kept[lines - 1] = last;
  return { size: minSize, lines: kept };
}

/** Words, and the pieces of a word after each "-" (a code like 8S93-X1AM-D6CZ breaks between its groups). */
function tokens(words: readonly string[]): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  for (const word of words) word.split(/(?<=-)/).forEach((piece, i) => out.push({ text: piece, space: i === 0 }));
  return out;
}

/** Greedy wrap at width `w` (in size-1 units); a piece longer than a line is cut where it must be. */
function wrap(words: readonly string[], weight: Weight, w: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens(words)) {
    const candidate = line ? `${line}${token.space ? ' ' : ''}${token.text}` : token.text;
    if (textWidth(candidate, weight) <= w) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = token.text;
    while (textWidth(line, weight) > w && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), weight) > w) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
