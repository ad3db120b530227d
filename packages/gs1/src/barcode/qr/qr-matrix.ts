import { EC_LEVEL_BITS, alignmentPositions, symbolSize, type QrEcLevel } from './qr-tables.ts';

// QR Code symbol structure (ISO/IEC 18004:2015 §6.3): finder patterns with separators, timing patterns,
// alignment patterns, the dark module, format and version information, and the codeword placement order.

/** Modules row by row (index y·size + x): 1 dark, 0 light; `fn` marks function modules. */
export interface QrGrid {
  readonly size: number;
  readonly modules: Uint8Array;
  readonly fn: Uint8Array;
}

function set(g: QrGrid, x: number, y: number, dark: boolean): void {
  g.modules[y * g.size + x] = dark ? 1 : 0;
  g.fn[y * g.size + x] = 1;
}

/** Format information: level and mask, BCH(15,5) protected, masked with 101010000010010 (§7.9). */
export function formatBits(level: QrEcLevel, mask: number): number {
  const data = (EC_LEVEL_BITS[level] << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  return ((data << 10) | (rem & 0x3ff)) ^ 0x5412;
}

/** Version information for versions 7+, BCH(18,6) protected (§7.10). */
function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >> 11) * 0x1f25);
  return (version << 12) | (rem & 0xfff);
}

/** Write the format information in both its places (§7.9.1 Figure 25); bit 14 is the most significant. */
function bit(bits: number, i: number): boolean {
  return ((bits >> i) & 1) === 1;
}

export function drawFormat(g: QrGrid, bits: number): void {
  const n = g.size;
  for (let i = 0; i <= 5; i++) set(g, 8, i, bit(bits, i));
  set(g, 8, 7, bit(bits, 6));
  set(g, 8, 8, bit(bits, 7));
  set(g, 7, 8, bit(bits, 8));
  for (let i = 9; i < 15; i++) set(g, 14 - i, 8, bit(bits, i));
  for (let i = 0; i < 8; i++) set(g, n - 1 - i, 8, bit(bits, i));
  for (let i = 8; i < 15; i++) set(g, 8, n - 15 + i, bit(bits, i));
  set(g, 8, n - 8, true); // The dark module.
}

function drawFinder(g: QrGrid, cx: number, cy: number): void {
  for (let dy = -4; dy <= 4; dy++) {
    for (let dx = -4; dx <= 4; dx++) {
      const x = cx + dx;
      const y = cy + dy;
      if (x < 0 || y < 0 || x >= g.size || y >= g.size) continue;
      const ring = Math.max(Math.abs(dx), Math.abs(dy));
      set(g, x, y, ring !== 2 && ring !== 4);
    }
  }
}

/** All function patterns of a version, with the format areas reserved (drawn for mask 0, level M). */
export function functionPatterns(version: number): QrGrid {
  const size = symbolSize(version);
  const g: QrGrid = { size, modules: new Uint8Array(size * size), fn: new Uint8Array(size * size) };
  for (let i = 0; i < size; i++) {
    set(g, 6, i, i % 2 === 0);
    set(g, i, 6, i % 2 === 0);
  }
  drawFinder(g, 3, 3);
  drawFinder(g, size - 4, 3);
  drawFinder(g, 3, size - 4);
  const centres = alignmentPositions(version);
  const last = centres.length - 1;
  centres.forEach((cy, i) => {
    centres.forEach((cx, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(g, cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    });
  });
  drawFormat(g, formatBits('M', 0));
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(g, a, b, dark);
      set(g, b, a, dark);
    }
  }
  return g;
}

/** Place codeword bits in the two-module-wide zigzag from the bottom right (§7.7.3), skipping function modules. */
export function placeCodewords(g: QrGrid, codewords: Uint8Array): void {
  const n = g.size;
  const totalBits = codewords.length * 8;
  let i = 0;
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // Column 6 is the vertical timing pattern.
    const upward = ((right + 1) & 2) === 0;
    for (let v = 0; v < n; v++) {
      const y = upward ? n - 1 - v : v;
      for (let j = 0; j < 2; j++) {
        const at = y * n + right - j;
        if (g.fn[at] === 1) continue;
        g.modules[at] = i < totalBits ? ((codewords[i >> 3] ?? 0) >> (7 - (i & 7))) & 1 : 0;
        i++;
      }
    }
  }
}
