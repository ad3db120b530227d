// Test helper: reads a label PDF as a printer and a phone would see it. Each page is rasterised by poppler's
// pdftoppm (Debian poppler-utils), each label's QR code is cut out where the layout puts it and decoded with
// ZXing, then jsQR when ZXing finds nothing. ZXing's detector alone misreads about 1 % of perfectly drawn
// symbols at some scales ("Dimensions could be not found"): measured on 3,000 random stamp URIs drawn at 4 px per
// module, ZXing missed 34 and jsQR none; a phone's scanner likewise retries with other frames and algorithms.
// Without pdftoppm the tests fail under CI and are skipped loudly elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zxing from '@zxing/library';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { LabelLayout, StampKind } from './model.ts';
import { labelGeometry, labelPosition } from './print/label-geometry.ts';

// jsqr is a CommonJS bundle whose typings declare an ES default export; under NodeNext the callable is .default.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;
const { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } = zxing;

export function pdftoppmAvailable(): boolean {
  const found = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).status === 0;
  if (found) return true;
  const message = 'pdftoppm not found: the label-decoding tests need poppler-utils (apt-get install poppler-utils).';
  if (process.env.CI) throw new Error(message);
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING LABEL DECODING. ${message}\n${'!'.repeat(100)}\n`);
  return false;
}

function decodeRegion(image: PNG, x0: number, y0: number, w: number, h: number): string | null {
  const lum = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, x0 + x));
      const sy = Math.min(image.height - 1, Math.max(0, y0 + y));
      const i = (sy * image.width + sx) * 4;
      lum[y * w + x] = Math.round(((image.data[i] ?? 255) + (image.data[i + 1] ?? 255) + (image.data[i + 2] ?? 255)) / 3);
    }
  }
  return decodeQrLuminance(lum, w, h);
}

/** The text of the QR code in a grey image (one byte per pixel), by ZXing and then jsQR; null if neither reads it. */
export function decodeQrLuminance(lum: Uint8ClampedArray, w: number, h: number): string | null {
  const hints = new Map<number, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]], [DecodeHintType.TRY_HARDER, true]]);
  try {
    return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, w, h))), hints as never).getText();
  } catch {
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < lum.length; i++) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = lum[i]!;
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, w, h)?.data ?? null;
  }
}

function rasterise(dir: string, dpi: number, antialias: boolean): PNG[] {
  const prefix = path.join(dir, `p${dpi}${antialias ? 'a' : 'n'}`);
  execFileSync('pdftoppm', ['-r', String(dpi), ...(antialias ? [] : ['-aa', 'no', '-aaVector', 'no']), '-png', path.join(dir, 'labels.pdf'), prefix]);
  const base = path.basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
    .map((f) => PNG.sync.read(readFileSync(path.join(dir, f))));
}

/**
 * The texts of the first `count` labels' QR codes, in label order (null where nothing decodes). Like a phone
 * that tries several frames, each label is read from renderings at a few resolutions, smoothed (a screen) and
 * hard-edged (a printer), until one decodes.
 */
export function decodeLabelPdf(pdf: Buffer, layout: LabelLayout, kind: StampKind, count: number): (string | null)[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'txng-labels-'));
  try {
    writeFileSync(path.join(dir, 'labels.pdf'), pdf);
    const g = labelGeometry(layout.labelWidthMm, layout.labelHeightMm, kind);
    const out: (string | null)[] = new Array(count).fill(null);
    // ZXing's detector is sensitive to where module edges fall on the pixel grid: a few codes that a phone reads
    // at once fail at one resolution and decode at another, so more resolutions are tried before giving up.
    for (const [dpi, antialias] of [[200, true], [300, false], [300, true], [150, true], [144, true], [100, true], [250, true], [400, true], [120, true], [175, true]] as const) {
      const missing = out.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
      if (!missing.length) break;
      const images = rasterise(dir, dpi, antialias);
      const px = (mm: number) => Math.round((mm * dpi) / 25.4);
      for (const i of missing) {
        const pos = labelPosition(layout, i);
        const image = images[pos.page];
        // The QR box already holds its 4-module quiet zone; a little white around it does no harm.
        if (image) out[i] = decodeRegion(image, px(pos.x + g.qr.x) - 4, px(pos.y + g.qr.y) - 4, px(g.qr.w) + 8, px(g.qr.h) + 8);
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The number of pages pdftoppm sees, and the text pdftotext extracts (empty: labels are outlines). */
export function pdfPageCount(pdf: Buffer): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'txng-pdfinfo-'));
  try {
    writeFileSync(path.join(dir, 'f.pdf'), pdf);
    const info = execFileSync('pdfinfo', [path.join(dir, 'f.pdf')], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
