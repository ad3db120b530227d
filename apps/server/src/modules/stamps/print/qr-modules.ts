// The dark modules of a stamp's QR code as horizontal runs, taken from @txng/gs1/barcode's SVG (one path of
// `M x y h w v1 h-w z` runs on a grid of one user unit per module, quiet zone included). Labels draw these runs
// as vector rectangles in the PDF and as pixels in PNGs, so every output carries the very symbol the package
// encoded (ISO/IEC 18004, byte mode, error correction level M, lowest-penalty mask). The short provincial URI
// (/s/…) is not a GS1 Digital Link, which the package rightly refuses to draw as one; it is encoded by the
// `qrcode` library at the same error correction level.
import { renderBarcodeSvg } from '@txng/gs1/barcode';
import QRCode from 'qrcode';

export interface QrModules {
  /** Modules per side including the 4-module quiet zone (ISO/IEC 18004:2015 §6.3.8). */
  readonly size: number;
  /** Dark runs [x, y, width] in modules, row by row. */
  readonly runs: Int16Array;
}

const RUN = /M(\d+) (\d+)h(\d+)v1h-\d+z/g;

export function qrModules(uri: string): QrModules {
  if (/^https?:\/\/[^/]+\/s\//.test(uri)) return plainUriModules(uri);
  const rendered = renderBarcodeSvg({ type: 'qr', digitalLink: uri }, { scale: 1 });
  if (!rendered.ok) throw new Error(`not a GS1 Digital Link (${rendered.error.code}): ${uri}`);
  return parseSvg(rendered.value.image);
}

const QUIET = 4;

function plainUriModules(uri: string): QrModules {
  const symbol = QRCode.create(uri, { errorCorrectionLevel: 'M' });
  const n = symbol.modules.size;
  const data = symbol.modules.data;
  const out: number[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!data[y * n + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && data[y * n + x]) x++;
      out.push(start + QUIET, y + QUIET, x - start);
    }
  }
  return { size: n + 2 * QUIET, runs: Int16Array.from(out) };
}

export function parseSvg(svg: string): QrModules {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const out: number[] = [];
  for (const m of d.matchAll(RUN)) out.push(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!Number.isInteger(size) || size <= 0 || out.length === 0) throw new Error('unexpected QR SVG');
  return { size, runs: Int16Array.from(out) };
}
