// A stamp's QR code as a 1-bit greyscale PNG (ISO/IEC 15948 / W3C PNG: IHDR bit depth 1, colour type 0, one
// filter-type-0 byte per row, zlib IDAT), `scale` pixels per module, quiet zone included. Small enough for
// thousands of files in a ZIP, and exact: pixels come from the same module runs as the PDF.
import { crc32, deflateSync } from 'node:zlib';
import type { QrModules } from './qr-modules.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function qrPng(qr: QrModules, scale = 10): Buffer {
  const px = qr.size * scale;
  const stride = 1 + Math.ceil(px / 8);
  // Start all white (bit 1 = white in greyscale), then clear the bits of dark modules.
  const raw = Buffer.alloc(stride * px, 0xff);
  for (let y = 0; y < px; y++) raw[y * stride] = 0;
  const r = qr.runs;
  for (let i = 0; i < r.length; i += 3) {
    const x0 = r[i]! * scale;
    const x1 = (r[i]! + r[i + 2]!) * scale;
    for (let dy = 0; dy < scale; dy++) {
      const row = (r[i + 1]! * scale + dy) * stride + 1;
      for (let x = x0; x < x1; x++) raw[row + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
