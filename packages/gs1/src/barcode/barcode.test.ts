import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import zxing from '@zxing/library';
import { parseScanData } from '../scan-data/parse-scan-data.ts';
import { renderBarcodePng, renderBarcodeSvg, type BarcodeRequest } from './index.ts';

const { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } = zxing;

interface Decoded {
  readonly text: string;
  readonly width: number;
  readonly pixels: PNG;
}

/** Decode a PNG with ZXing, as a phone or a handheld scanner would (GS1 mode for Code 128). */
function decode(png: Uint8Array, format: number): Decoded {
  const image = PNG.sync.read(Buffer.from(png));
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    luminance[i] = Math.round(((image.data[i * 4] ?? 0) + (image.data[i * 4 + 1] ?? 0) + (image.data[i * 4 + 2] ?? 0)) / 3);
  }
  const hints = new Map<number, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.TRY_HARDER, true],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)));
  const result = new MultiFormatReader().decode(bitmap, hints as never);
  return { text: result.getText(), width: image.width, pixels: image };
}

/**
 * Whether the `columns` leftmost and rightmost pixel columns are white beside the bars (the quiet zone). Only the
 * upper half is looked at: below it, EAN-13 prints its first HRI digit and the ">" quiet-zone marker.
 */
function marginsWhite(image: PNG, columns: number): boolean {
  for (let y = 0; y < image.height / 2; y++) {
    for (const x of [...Array(columns).keys(), ...Array.from({ length: columns }, (_, i) => image.width - 1 - i)]) {
      if ((image.data[(y * image.width + x) * 4] ?? 0) < 128) return false;
    }
  }
  return true;
}

const SCALE = 4;
const gtin = { ai: '01', value: '09520123456788' };

const cases: { name: string; request: BarcodeRequest; format: number; scan: (text: string) => string; quiet: number }[] = [
  {
    name: 'QR code carrying a Digital Link',
    request: { type: 'qr', digitalLink: 'https://id.gs1.org/01/09520123456788/10/ABC%2F1?17=201225' },
    format: BarcodeFormat.QR_CODE,
    scan: (t) => `]Q1${t}`,
    quiet: 4 * 2,
  },
  {
    name: 'GS1 DataMatrix with a variable-length AI before a fixed one',
    request: { type: 'datamatrix', elements: [gtin, { ai: '10', value: 'AB(C' }, { ai: '17', value: '201225' }] },
    format: BarcodeFormat.DATA_MATRIX,
    // ZXing reports FNC1 in first position as a leading GS: that GS is what makes the symbol GS1 DataMatrix.
    scan: (t) => (t.startsWith('\u001d') ? `]d2${t.slice(1)}` : `]d1${t}`),
    quiet: 1 * 2,
  },
  {
    name: 'GS1-128 with an FNC1 separator after a variable-length AI',
    request: { type: 'gs1-128', elements: [gtin, { ai: '10', value: 'ABC' }, { ai: '17', value: '201225' }, { ai: '21', value: 'S/N1' }] },
    format: BarcodeFormat.CODE_128,
    scan: (t) => t,
    quiet: 10,
  },
  {
    name: 'EAN-13 for a GTIN-13',
    request: { type: 'ean13', gtin: '9520123456788' },
    format: BarcodeFormat.EAN_13,
    scan: (t) => `]E0${t}`,
    quiet: 7,
  },
];

describe('GS1 barcodes decode back to the data they were drawn from (ZXing)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const png = await renderBarcodePng(c.request, { scale: SCALE });
      if (!png.ok) throw new Error(png.error.code);
      const decoded = decode(png.value.image, c.format);
      const scan = c.scan(decoded.text);
      expect(scan).toBe(png.value.symbologyId + png.value.data);
      const read = parseScanData(scan);
      if (!read.ok) throw new Error(read.error.code);
      const expected = c.request.type === 'ean13' ? [] : c.request.type === 'qr' ? [gtin, { ai: '10', value: 'ABC/1' }, { ai: '17', value: '201225' }] : c.request.elements;
      expect(read.value.elements).toEqual(expected);
      expect(marginsWhite(decoded.pixels, c.quiet * SCALE)).toBe(true);
      const svg = renderBarcodeSvg(c.request, { scale: SCALE });
      if (!svg.ok) throw new Error(svg.error.code);
      expect(svg.value.image.startsWith('<svg')).toBe(true);
      // Same geometry as the PNG: bwip-js SVGs use points in the viewBox, QR SVGs one unit per module and pixel size.
      expect(svg.value.image).toMatch(new RegExp(`viewBox="0 0 ${decoded.width} |width="${decoded.width}"`));
    });
  }

  it('prints the human readable interpretation per GS1 for GS1-128', () => {
    const svg = renderBarcodeSvg({ type: 'gs1-128', elements: [gtin, { ai: '10', value: 'ABC' }] });
    expect(svg.ok && svg.value.hri).toEqual(['(01) 09520123456788', '(10) ABC']);
  });

  it('refuses data that is not valid GS1 before drawing anything', () => {
    const bad = renderBarcodeSvg({ type: 'datamatrix', elements: [{ ai: '01', value: '09520123456789' }] });
    expect(bad.ok ? 'drawn' : bad.error.code).toBe('GS1_LINTER_INCORRECT_CHECK_DIGIT');
    const notDl = renderBarcodeSvg({ type: 'qr', digitalLink: 'https://example.com/no/key' });
    expect(notDl.ok ? 'drawn' : notDl.error.code).toBe('GS1_NO_GS1_DL_KEYS_FOUND_IN_PATH_INFO');
    const gtin14 = renderBarcodeSvg({ type: 'ean13', gtin: '19520123456785' });
    expect(gtin14.ok ? 'drawn' : gtin14.error.code).toBe('GS1_BARCODE_UNSUPPORTED_CONTENT');
  });
});
