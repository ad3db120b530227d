import bwipjs from 'bwip-js';
import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { prepareBarcode, type BarcodeOptions, type BarcodeRequest, type PreparedBarcode } from './barcode-request.ts';
import { encodeQr, type QrSymbol } from './qr/qr-encode.ts';
import type { QrEcLevel } from './qr/qr-tables.ts';
import { qrToSvg } from './qr/qr-svg.ts';

/** A rendered symbol with what it carries. */
export interface RenderedBarcode<T> {
  readonly image: T;
  /** Data a scanner transmits after the symbology identifier. */
  readonly data: string;
  readonly symbologyId: string;
  readonly hri: readonly string[];
}

function bwipOptions(p: PreparedBarcode, options?: BarcodeOptions) {
  const scale = options?.scale ?? 3;
  return {
    bcid: p.bcid,
    text: p.text,
    scale,
    paddingwidth: p.quietZone.x * p.moduleSize,
    paddingheight: p.quietZone.y * p.moduleSize,
    backgroundcolor: 'FFFFFF',
    ...p.extra,
  };
}

// QR Codes are encoded here (ISO/IEC 18004, see ./qr/): bwip-js draws about a hundred QR SVGs a second on the
// project's machines, far from the labelling throughput needed. PNGs still come from bwip-js, told the version
// and mask chosen here so both images have the same geometry.
function qrSymbol(p: PreparedBarcode): QrSymbol | undefined {
  return encodeQr(p.text, { level: p.extra['eclevel'] as QrEcLevel });
}

function renderFailed(): { ok: false; error: Gs1Error } {
  return { ok: false, error: { code: 'GS1_BARCODE_RENDER_FAILED', position: 0 } };
}

/** SVG of a validated GS1 symbol, quiet zones included (works in Node and in browsers). */
export function renderBarcodeSvg(request: BarcodeRequest, options?: BarcodeOptions): Result<RenderedBarcode<string>, Gs1Error> {
  const prepared = prepareBarcode(request, options);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  if (p.bcid === 'qrcode') {
    const symbol = qrSymbol(p);
    if (!symbol) return renderFailed();
    const image = qrToSvg(symbol, p.moduleSize * (options?.scale ?? 3));
    return { ok: true, value: { image, data: p.data, symbologyId: p.symbologyId, hri: p.hri } };
  }
  try {
    const svg = bwipjs.toSVG(bwipOptions(p, options));
    return { ok: true, value: { image: svg, data: p.data, symbologyId: p.symbologyId, hri: p.hri } };
  } catch {
    return renderFailed();
  }
}

/** PNG of a validated GS1 symbol (Node: bwip-js draws the bitmap itself). */
export async function renderBarcodePng(request: BarcodeRequest, options?: BarcodeOptions): Promise<Result<RenderedBarcode<Uint8Array>, Gs1Error>> {
  const prepared = prepareBarcode(request, options);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const symbol = p.bcid === 'qrcode' ? qrSymbol(p) : undefined;
  if (p.bcid === 'qrcode' && !symbol) return renderFailed();
  const fixed = symbol ? { version: String(symbol.version), mask: symbol.mask + 1 } : {};
  try {
    const png = await bwipjs.toBuffer({ ...bwipOptions(p, options), ...fixed });
    return { ok: true, value: { image: new Uint8Array(png), data: p.data, symbologyId: p.symbologyId, hri: p.hri } };
  } catch {
    return renderFailed();
  }
}
