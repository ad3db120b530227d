// Print-ready PDF of stamp labels (pdfkit manages pages, compression and the file structure): A4 label sheets
// or one label per page for label rolls. Everything on a label is vector: QR modules as rectangles (crisp at
// any printer resolution) and text as glyph outlines (label-fonts.ts), each glyph written once as a form
// XObject (PDF 32000-1 §8.10) and placed with `Do`, so ten thousand labels stay a few megabytes.
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { LabelLayout, StampKind } from '../model.ts';
import { drawLabel, type LabelContent, type LabelOp } from './label-drawing.ts';
import { BASELINE, glyphOutline, type Weight } from './label-fonts.ts';
import { labelPosition, pageSize } from './label-geometry.ts';
import { MARK_MOUNTAINS, MARK_RGB, MARK_SUN } from './provincial-mark.ts';

const PT = 72 / 25.4;
const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

export interface PdfLabelBatch {
  readonly layout: LabelLayout;
  readonly kind: StampKind;
  readonly productName: string;
  readonly title: string;
  readonly lang: Lang;
  readonly labels: Iterable<LabelContent>;
}

function markOps(x: number, y: number, s: number): string {
  // Badge: a square with rounded corners (four Bézier quarter circles, k = 0.5523).
  const r = s * 0.18;
  const k = r * 0.4477;
  const [x1, y1] = [x + s, y + s];
  let ops = `q ${MARK_RGB.map((c) => n(c / 255)).join(' ')} rg ${n(x + r)} ${n(y)} m ${n(x1 - r)} ${n(y)} l ${n(x1 - k)} ${n(y)} ${n(x1)} ${n(y + k)} ${n(x1)} ${n(y + r)} c `;
  ops += `${n(x1)} ${n(y1 - r)} l ${n(x1)} ${n(y1 - k)} ${n(x1 - k)} ${n(y1)} ${n(x1 - r)} ${n(y1)} c ${n(x + r)} ${n(y1)} l ${n(x + k)} ${n(y1)} ${n(x)} ${n(y1 - k)} ${n(x)} ${n(y1 - r)} c `;
  ops += `${n(x)} ${n(y + r)} l ${n(x)} ${n(y + k)} ${n(x + k)} ${n(y)} ${n(x + r)} ${n(y)} c f 1 g `;
  ops += MARK_MOUNTAINS.map(([px, py], i) => `${n(x + px * s)} ${n(y + py * s)} ${i === 0 ? 'm' : 'l'}`).join(' ') + ' h f ';
  // The sun: a circle of four Bézier arcs.
  const [cx, cy, cr] = [x + MARK_SUN.cx * s, y + MARK_SUN.cy * s, MARK_SUN.r * s];
  const c = cr * 0.5523;
  ops += `${n(cx + cr)} ${n(cy)} m ${n(cx + cr)} ${n(cy + c)} ${n(cx + c)} ${n(cy + cr)} ${n(cx)} ${n(cy + cr)} c ${n(cx - c)} ${n(cy + cr)} ${n(cx - cr)} ${n(cy + c)} ${n(cx - cr)} ${n(cy)} c `;
  ops += `${n(cx - cr)} ${n(cy - c)} ${n(cx - c)} ${n(cy - cr)} ${n(cx)} ${n(cy - cr)} c ${n(cx + c)} ${n(cy - cr)} ${n(cx + cr)} ${n(cy - c)} ${n(cx + cr)} ${n(cy)} c f Q\n`;
  return ops;
}

type Doc = InstanceType<typeof PDFDocument>;
type Ref = ReturnType<Doc['ref']>;

/** One form XObject per glyph used, registered on every page that places it. */
class GlyphForms {
  private readonly forms = new Map<string, { name: string; ref: Ref }>();
  private onPage = new Set<string>();
  constructor(private readonly doc: Doc) {}

  newPage(): void {
    this.onPage = new Set();
  }

  /** Content operators placing `text` at `size` pt with the top of its line at (x, y) pt. */
  text(text: string, weight: Weight, size: number, x: number, y: number): string {
    const s = size / 1000;
    // Glyph outlines are y-up in 1/1000 em; pdfkit's page space is y-down: flip (PDF 32000-1 §8.3.4).
    let ops = `q 0 g ${s.toFixed(5)} 0 0 ${(-s).toFixed(5)} ${x.toFixed(2)} ${(y + BASELINE * size).toFixed(2)} cm `;
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      const outline = glyphOutline(weight, cp);
      if (outline.pdf) ops += `/${this.form(weight, cp, outline.pdf)} Do `;
      ops += `1 0 0 1 ${Math.round(outline.advance)} 0 cm `;
    }
    return `${ops}Q\n`;
  }

  private form(weight: Weight, cp: number, outline: string): string {
    const key = `${weight}:${cp}`;
    let form = this.forms.get(key);
    if (!form) {
      const ref = this.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [-500, -500, 2000, 1500], Resources: {} });
      ref.end(`${outline}f`);
      form = { name: `G${weight === 700 ? 'b' : 'r'}${cp.toString(16)}`, ref };
      this.forms.set(key, form);
    }
    if (!this.onPage.has(form.name)) {
      (this.doc.page as unknown as { xobjects: Record<string, Ref> }).xobjects[form.name] = form.ref;
      this.onPage.add(form.name);
    }
    return form.name;
  }
}

/** PDF content operators of one label operation, at label origin (ox, oy) in mm. */
export function pdfOps(op: LabelOp, ox: number, oy: number, glyphs: GlyphForms): string {
  switch (op.op) {
    case 'qr': {
      const m = (op.box.w / op.modules.size) * PT;
      const runs = op.modules.runs;
      // A module-grid transform, one `re` per dark run (2 % taller, so no renderer leaves a hairline between
      // rows), one fill.
      let s = `q 0 g ${n(m)} 0 0 ${n(m)} ${n((ox + op.box.x) * PT)} ${n((oy + op.box.y) * PT)} cm\n`;
      for (let i = 0; i < runs.length; i += 3) s += `${runs[i]} ${runs[i + 1]} ${runs[i + 2]} 1.02 re\n`;
      return `${s}f Q\n`;
    }
    case 'text':
      return glyphs.text(op.text, op.weight, op.size, (ox + op.x) * PT, (oy + op.y) * PT);
    case 'mark':
      return markOps((ox + op.box.x) * PT, (oy + op.box.y) * PT, op.box.w * PT);
    case 'frame': {
      const b = op.box;
      return `q 0 G 0.5 w [1.5 1] 0 d ${n((ox + b.x) * PT)} ${n((oy + b.y) * PT)} ${n(b.w * PT)} ${n(b.h * PT)} re S Q\n`;
    }
  }
}

/** Writes the PDF to `out`; resolves with the number of labels once the file is complete. */
export function writeLabelsPdf(batch: PdfLabelBatch, out: Writable): Promise<number> {
  const page = pageSize(batch.layout);
  const size: [number, number] = [page.w * PT, page.h * PT];
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false, compress: true, info: { Title: batch.title, Producer: 'TXNG Sơn La' } });
  let count = 0;
  const done = new Promise<number>((resolve, reject) => {
    out.on('error', reject);
    doc.on('error', reject);
    out.on('finish', () => resolve(count));
  });
  doc.pipe(out);
  const glyphs = new GlyphForms(doc);
  let currentPage = -1;
  let content = '';
  const flush = () => {
    if (content) doc.addContent(content);
    content = '';
  };
  const { labelWidthMm: w, labelHeightMm: h } = batch.layout;
  for (const label of batch.labels) {
    const pos = labelPosition(batch.layout, count);
    if (pos.page !== currentPage) {
      flush();
      doc.addPage({ size, margin: 0 });
      glyphs.newPage();
      currentPage = pos.page;
    }
    for (const op of drawLabel(w, h, batch.kind, batch.productName, label, batch.lang)) content += pdfOps(op, pos.x, pos.y, glyphs);
    count++;
  }
  flush();
  if (count === 0) doc.addPage({ size, margin: 0 });
  doc.end();
  return done;
}
