import type { QrSymbol } from './qr-encode.ts';

/**
 * SVG of a QR Code symbol with its 4-module quiet zone (ISO/IEC 18004:2015 §6.3.8): one path of dark runs per
 * row, on a white background, one user unit per module; `modulePixels` sets the width and height attributes.
 */
export function qrToSvg(symbol: QrSymbol, modulePixels: number): string {
  const quiet = 4;
  const n = symbol.size;
  const total = n + 2 * quiet;
  let d = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (symbol.modules[y * n + x] !== 1) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && symbol.modules[y * n + x] === 1) x++;
      d += `M${start + quiet} ${y + quiet}h${x - start}v1h-${x - start}z`;
    }
  }
  const px = total * modulePixels;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges"><rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
