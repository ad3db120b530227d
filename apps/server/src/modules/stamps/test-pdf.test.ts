import { describe, expect, it } from 'vitest';
import { qrModules } from './print/qr-modules.ts';
import { decodeQrLuminance } from './test-pdf.ts';

/** A stamp's QR code drawn perfectly, `scale` pixels per module, quiet zone included. */
function draw(uri: string, scale: number): { lum: Uint8ClampedArray; width: number } {
  const m = qrModules(uri);
  const width = m.size * scale;
  const lum = new Uint8ClampedArray(width * width).fill(255);
  for (let i = 0; i < m.runs.length; i += 3) {
    const [x, y, run] = [m.runs[i]!, m.runs[i + 1]!, m.runs[i + 2]!];
    for (let py = y * scale; py < (y + 1) * scale; py++) lum.fill(0, py * width + x * scale, py * width + (x + run) * scale);
  }
  return { lum, width };
}

describe('the label decoder used by the print tests', () => {
  it('reads a symbol that ZXing alone cannot find at 4 px per module (CI failure of 2026-11-29)', () => {
    const uri = 'http://127.0.0.1:42033/01/08936123450014/10/XY-2026-01/21/29QN2SDXY02KG7MH';
    const { lum, width } = draw(uri, 4);
    expect(decodeQrLuminance(lum, width, width)).toBe(uri);
  });

  it('reads nothing from a blank image', () => {
    expect(decodeQrLuminance(new Uint8ClampedArray(100 * 100).fill(255), 100, 100)).toBeNull();
  });
});
