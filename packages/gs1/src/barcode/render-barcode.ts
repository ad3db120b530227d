import bwipjs from 'bwip-js';
import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { prepareBarcode, type BarcodeOptions, type BarcodeRequest, type PreparedBarcode } from './barcode-request.ts';

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

function renderFailed(): { ok: false; error: Gs1Error } {
  return { ok: false, error: { code: 'GS1_BARCODE_RENDER_FAILED', position: 0 } };
}

/** SVG of a validated GS1 symbol, quiet zones included (works in Node and in browsers). */
export function renderBarcodeSvg(request: BarcodeRequest, options?: BarcodeOptions): Result<RenderedBarcode<string>, Gs1Error> {
  const prepared = prepareBarcode(request, options);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
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
  try {
    const png = await bwipjs.toBuffer(bwipOptions(p, options));
    return { ok: true, value: { image: new Uint8Array(png), data: p.data, symbologyId: p.symbologyId, hri: p.hri } };
  } catch {
    return renderFailed();
  }
}
