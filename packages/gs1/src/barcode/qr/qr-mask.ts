import type { QrGrid } from './qr-matrix.ts';

// Data masking (ISO/IEC 18004:2015 §7.8): the eight mask patterns, and the penalty score used to choose the one
// that best avoids large uniform areas, finder-like patterns and imbalance of dark and light. Written with plain
// index loops: choosing a mask scores eight whole symbols, the hot path of QR encoding.

const MASK_CONDITIONS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Per size, the eight masks as arrays of the module indexes they invert. */
const MASK_CACHE = new Map<number, Uint8Array[]>();

function masksFor(size: number): Uint8Array[] {
  let masks = MASK_CACHE.get(size);
  if (!masks) {
    masks = MASK_CONDITIONS.map((f) => {
      const m = new Uint8Array(size * size);
      for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) m[y * size + x] = f(x, y) ? 1 : 0;
      return m;
    });
    MASK_CACHE.set(size, masks);
  }
  return masks;
}

/** Invert the data modules where mask `m` applies (function modules stay). */
export function applyMask(g: QrGrid, m: number): void {
  const mask = masksFor(g.size)[m];
  if (!mask) return;
  const { modules, fn } = g;
  for (let i = 0; i < modules.length; i++) if (mask[i] === 1 && fn[i] === 0) modules[i] = (modules[i] ?? 0) ^ 1;
}

const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;

/**
 * Rules 1 and 3 over every row of `m`. Rule 3 keeps the last 11 modules in a bit window, with light modules
 * assumed beyond both ends: "0000 1011101" or "1011101 0000" is a finder-like pattern, counted once even when
 * light on both sides.
 */
function rowsPenalty(m: Uint8Array, n: number): number {
  let score = 0;
  for (let row = 0; row < n * n; row += n) {
    let run = 0;
    let prev = -1;
    let window = 0;
    let lastCore = -100;
    for (let x = 0; x < n; x++) {
      const bit = m[row + x] ?? 0;
      if (bit === prev) {
        run++;
      } else {
        if (run >= 5) score += N1 + run - 5;
        run = 1;
        prev = bit;
      }
      window = ((window << 1) | bit) & 0x7ff;
      if ((window & 0x7f) === 0x5d && (window & 0x780) === 0) {
        score += N3;
        lastCore = x;
      } else if (window === 0x5d0 && lastCore !== x - 4) {
        score += N3;
      }
    }
    if (run >= 5) score += N1 + run - 5;
    // Light modules beyond the end of the line: "1011101 0000" ending there.
    for (let x = n; x < n + 4; x++) {
      window = (window << 1) & 0x7ff;
      if (window === 0x5d0 && lastCore !== x - 4) score += N3;
    }
  }
  return score;
}

let transposed = new Uint8Array(0);

/** The §7.8.3 penalty score of a whole symbol. */
export function penalty(g: QrGrid): number {
  const n = g.size;
  const m = g.modules;
  if (transposed.length !== n * n) transposed = new Uint8Array(n * n);
  const t = transposed;
  let dark = 0;
  let score = 0;
  for (let y = 0; y < n; y++) {
    const row = y * n;
    for (let x = 0; x < n; x++) {
      const c = m[row + x] ?? 0;
      t[x * n + y] = c;
      dark += c;
      if (y < n - 1 && x < n - 1 && c === m[row + x + 1] && c === m[row + n + x] && c === m[row + n + x + 1]) score += N2;
    }
  }
  score += rowsPenalty(m, n) + rowsPenalty(t, n);
  const total = n * n;
  return score + Math.floor((Math.abs(dark * 2 - total) * 10) / total) * N4;
}
