import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import type { AiElement } from '../element-string/parsed-ai.ts';
import { parseElementString } from '../element-string/parse-element-string.ts';
import { toBracketed, toHri, toUnbracketed } from '../element-string/write-element-string.ts';
import { parseDigitalLink } from '../digital-link/digital-link.ts';
import { normalizeGtin } from '../keys/gtin.ts';

/** What to draw: a Digital Link QR code, a GS1 DataMatrix, a GS1-128 or an EAN-13. */
export type BarcodeRequest =
  | { readonly type: 'qr'; readonly digitalLink: string; readonly errorCorrection?: 'L' | 'M' | 'Q' | 'H' }
  | { readonly type: 'datamatrix'; readonly elements: readonly AiElement[] }
  | { readonly type: 'gs1-128'; readonly elements: readonly AiElement[] }
  | { readonly type: 'ean13'; readonly gtin: string };

export interface BarcodeOptions {
  /** Pixels (PNG) or user units (SVG) per bwip-js point; a 2D module is 2 points, a linear module 1. Default 3. */
  readonly scale?: number;
  /** Print the human readable interpretation with the symbol. Default true for GS1-128, EAN-13 and DataMatrix. */
  readonly hri?: boolean;
}

/** A validated request, ready for the renderer: bwip-js encoder, its text and the GS1 layout. */
export interface PreparedBarcode {
  readonly bcid: 'qrcode' | 'datamatrix' | 'code128' | 'ean13';
  /** bwip-js input; for GS1 symbols "^FNC1" marks each FNC1 (parsefnc). */
  readonly text: string;
  /** The data a scanner transmits, after the symbology identifier (GS for FNC1 separators). */
  readonly data: string;
  /** ISO/IEC 15424 symbology identifier a scanner reports, e.g. "]d2". */
  readonly symbologyId: string;
  readonly hri: readonly string[];
  /** Quiet zone in modules around the symbol (left/right, top/bottom). */
  readonly quietZone: { readonly x: number; readonly y: number };
  /** bwip-js points per module. */
  readonly moduleSize: number;
  readonly extra: Readonly<Record<string, string | boolean | number>>;
}

/** "^FNC1" first and after each variable-length value that is followed by another (GS1 General Specifications §7.8.5). */
function fnc1Text(elements: readonly AiElement[]): { text: string; data: string } {
  const unbracketed = toUnbracketed(elements);
  return { text: unbracketed.replaceAll('^', '^FNC1'), data: unbracketed.slice(1).replaceAll('^', '\u001d') };
}

function checkedElements(elements: readonly AiElement[]): Result<AiElement[], Gs1Error> {
  if (!Array.isArray(elements) || elements.length === 0) return { ok: false, error: { code: 'GS1_AI_DATA_EMPTY', position: 0 } };
  return parseElementString(toBracketed(elements));
}

// Quiet zones: QR Code 4X (ISO/IEC 18004 §6.3.8), GS1 DataMatrix 1X (GS1 General Specifications §5.6.3.3),
// GS1-128 10X (§5.4.4.4); EAN-13's 11X/7X are drawn by bwip-js' guard whitespace (§5.2.3.4).
export function prepareBarcode(request: BarcodeRequest, options?: BarcodeOptions): Result<PreparedBarcode, Gs1Error> {
  switch (request?.type) {
    case 'qr': {
      const dl = parseDigitalLink(request.digitalLink);
      if (!dl.ok) return dl;
      return {
        ok: true,
        value: {
          bcid: 'qrcode', text: request.digitalLink, data: request.digitalLink, symbologyId: ']Q1', hri: [],
          quietZone: { x: 4, y: 4 }, moduleSize: 2, extra: { eclevel: request.errorCorrection ?? 'M' },
        },
      };
    }
    case 'datamatrix':
    case 'gs1-128': {
      const elements = checkedElements(request.elements);
      if (!elements.ok) return elements;
      const { text, data } = fnc1Text(elements.value);
      const linear = request.type === 'gs1-128';
      const hri = options?.hri ?? true;
      return {
        ok: true,
        value: {
          bcid: linear ? 'code128' : 'datamatrix', text, data, symbologyId: linear ? ']C1' : ']d2',
          hri: toHri(elements.value), quietZone: linear ? { x: 10, y: 0 } : { x: 1, y: 1 }, moduleSize: linear ? 1 : 2,
          extra: { parsefnc: true, ...(hri ? { includetext: true, alttext: toHri(elements.value).join(' ') } : {}), ...(linear ? { height: 15 } : {}) },
        },
      };
    }
    case 'ean13': {
      const gtin = normalizeGtin(request.gtin);
      if (!gtin.ok) return gtin;
      // EAN-13 carries GTIN-13 (or GTIN-12 with a leading 0); a GTIN-14 with an indicator digit needs ITF-14 or GS1-128.
      if (!gtin.value.startsWith('0') || gtin.value.startsWith('000000')) {
        return { ok: false, error: { code: 'GS1_BARCODE_UNSUPPORTED_CONTENT', position: 0 } };
      }
      const gtin13 = gtin.value.slice(1);
      return {
        ok: true,
        value: {
          bcid: 'ean13', text: gtin13, data: gtin13, symbologyId: ']E0', hri: [gtin13], quietZone: { x: 0, y: 0 }, moduleSize: 1,
          extra: { includetext: options?.hri ?? true, guardwhitespace: true },
        },
      };
    }
    default:
      return { ok: false, error: { code: 'GS1_BARCODE_UNSUPPORTED_CONTENT', position: 0 } };
  }
}
