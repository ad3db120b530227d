import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import bwipjs from 'bwip-js';
import { PNG } from 'pngjs';
import zxing from '@zxing/library';
import { encodeQr, type QrSymbol } from './qr-encode.ts';
import { qrToSvg } from './qr-svg.ts';
import type { QrEcLevel } from './qr-tables.ts';

const { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } = zxing;

/** bwip-js' symbol for the same text, version and mask (BWIPP numbers masks from 1), read back from a PNG. */
async function bwipModules(text: string, level: QrEcLevel, version: number, mask: number): Promise<Uint8Array> {
  const options = { bcid: 'qrcode', text, scale: 1, backgroundcolor: 'FFFFFF', eclevel: level, version: String(version), mask: mask + 1 };
  const png = PNG.sync.read(await bwipjs.toBuffer(options as never));
  const n = png.width / 2; // Two pixels per module at scale 1.
  const m = new Uint8Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) m[y * n + x] = (png.data[(y * 2 * png.width + x * 2) * 4] ?? 255) < 128 ? 1 : 0;
  return m;
}

/** The modules an SVG from qrToSvg draws, read back from its path. */
function svgModules(svg: string, size: number): Uint8Array {
  const m = new Uint8Array(size * size);
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) m[(Number(y) - 4) * size + Number(x) - 4 + i] = 1;
  }
  return m;
}

function decode(symbol: QrSymbol): string {
  const px = 4;
  const width = (symbol.size + 8) * px;
  const lum = new Uint8ClampedArray(width * width).fill(255);
  for (let y = 0; y < symbol.size; y++) {
    for (let x = 0; x < symbol.size; x++) {
      if (symbol.modules[y * symbol.size + x] !== 1) continue;
      for (let dy = 0; dy < px; dy++) for (let dx = 0; dx < px; dx++) lum[((y + 4) * px + dy) * width + (x + 4) * px + dx] = 0;
    }
  }
  // A clean raster: read as a pure barcode, which still checks format, mask and Reed-Solomon codewords.
  const hints = new Map<number, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]], [DecodeHintType.PURE_BARCODE, true]]);
  return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, width, width))), hints as never).getText();
}

const LEVELS: QrEcLevel[] = ['L', 'M', 'Q', 'H'];

describe('QR Code encoder (ISO/IEC 18004)', () => {
  it('draws the same modules as bwip-js for the same version, level and mask, across versions 1-40', async () => {
    // bwip-js raises the level within the version as this encoder does, so the levels agree too.
    // Letters only, so that BWIPP keeps the whole text in byte mode as this encoder does.
    const text = (n: number) => `https://example.com/${'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(n / 26)).slice(0, n)}`;
    for (const [i, length] of [1, 20, 60, 120, 300, 700, 1200, 1800, 2300].entries()) {
      for (const level of LEVELS) {
        const symbol = encodeQr(text(length), { level });
        if (!symbol) continue; // Too long for this level.
        const mask = (i + LEVELS.indexOf(level)) % 8;
        const forced = encodeQr(text(length), { level, version: symbol.version, mask });
        expect(forced && (await bwipModules(text(length), level, symbol.version, mask))).toEqual(forced?.modules);
      }
    }
  }, 60_000);

  it('reaches version 40 and refuses what does not fit', () => {
    expect(encodeQr('a'.repeat(2953), { level: 'L' })?.version).toBe(40);
    expect(encodeQr('a'.repeat(2954), { level: 'L' })).toBeUndefined();
    expect(encodeQr('a'.repeat(17))?.version).toBe(2); // 14 bytes fit version 1-M.
  });

  it('makes symbols ZXing reads back, for any Digital Link-like text and level', () => {
    const chars = [...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-._~:/?#[]@!$&\'()*+,;=%'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 300 }), fc.constantFrom(...LEVELS), (tail, level) => {
        const text = `https://id.gs1.org/01/09520123456788/${tail.join('')}`;
        const symbol = encodeQr(text, { level });
        if (!symbol) throw new Error('did not fit');
        expect(decode(symbol)).toBe(text);
        expect(svgModules(qrToSvg(symbol, 1), symbol.size)).toEqual(symbol.modules);
      }),
      { numRuns: 150 },
    );
  });
});
