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

/** Per function-pattern layout, the data modules each mask inverts. */
const FLIPS = new WeakMap<Uint8Array, Int32Array[]>();

function flipsFor(g: QrGrid): Int32Array[] {
  let flips = FLIPS.get(g.fn);
  if (!flips) {
    flips = masksFor(g.size).map((mask) => {
      const at: number[] = [];
      for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && g.fn[i] === 0) at.push(i);
      return Int32Array.from(at);
    });
    FLIPS.set(g.fn, flips);
  }
  return flips;
}

/** Invert the data modules where mask `m` applies (function modules stay). */
export function applyMask(g: QrGrid, m: number): void {
  const flips = flipsFor(g)[m];
  if (!flips) return;
  const modules = g.modules;
  for (let k = 0; k < flips.length; k++) {
    const i = flips[k] ?? 0;
    modules[i] = (modules[i] ?? 0) ^ 1;
  }
}

const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;

// Column state for the single-pass penalty: same-colour run, previous colour, the rule 3 bit window and where the
// last finder-like core ended, per column.
let colRun = new Int32Array(0);
let colPrev = new Int32Array(0);
let colWindow = new Int32Array(0);
let colLast = new Int32Array(0);

/**
 * The §7.8.3 penalty score of a whole symbol, in one row-major pass: rule 1 (runs of five or more), rule 2 (2×2
 * blocks), rule 3 (1:1:3:1:1 finder-like patterns with four light modules on either side, counted once, light
 * assumed beyond the edges: kept as an 11-bit window per row and per column) and rule 4 (dark proportion).
 */
export function penalty(g: QrGrid): number {
  const n = g.size;
  const m = g.modules;
  if (colRun.length !== n) {
    colRun = new Int32Array(n);
    colPrev = new Int32Array(n);
    colWindow = new Int32Array(n);
    colLast = new Int32Array(n);
  }
  colRun.fill(0);
  colPrev.fill(-1);
  colWindow.fill(0);
  colLast.fill(-100);
  let score = 0;
  let dark = 0;
  for (let y = 0; y < n; y++) {
    const base = y * n;
    let run = 0;
    let prev = -1;
    let window = 0;
    let last = -100;
    for (let x = 0; x < n; x++) {
      const c = m[base + x] ?? 0;
      dark += c;
      if (c === prev) {
        run++;
      } else {
        if (run >= 5) score += N1 + run - 5;
        run = 1;
        prev = c;
      }
      window = ((window << 1) | c) & 0x7ff;
      if ((window & 0x7f) === 0x5d && (window & 0x780) === 0) {
        score += N3;
        last = x;
      } else if (window === 0x5d0 && last !== x - 4) {
        score += N3;
      }
      if (c === colPrev[x]) {
        colRun[x] = (colRun[x] ?? 0) + 1;
      } else {
        const r = colRun[x] ?? 0;
        if (r >= 5) score += N1 + r - 5;
        colRun[x] = 1;
        colPrev[x] = c;
      }
      const w = (((colWindow[x] ?? 0) << 1) | c) & 0x7ff;
      colWindow[x] = w;
      if ((w & 0x7f) === 0x5d && (w & 0x780) === 0) {
        score += N3;
        colLast[x] = y;
      } else if (w === 0x5d0 && colLast[x] !== y - 4) {
        score += N3;
      }
      if (y > 0 && x > 0 && c === m[base + x - 1] && c === m[base - n + x] && c === m[base - n + x - 1]) score += N2;
    }
    if (run >= 5) score += N1 + run - 5;
    for (let k = n; k < n + 4; k++) {
      window = (window << 1) & 0x7ff;
      if (window === 0x5d0 && last !== k - 4) score += N3;
    }
  }
  for (let x = 0; x < n; x++) {
    const r = colRun[x] ?? 0;
    if (r >= 5) score += N1 + r - 5;
    let w = colWindow[x] ?? 0;
    for (let k = n; k < n + 4; k++) {
      w = (w << 1) & 0x7ff;
      if (w === 0x5d0 && colLast[x] !== k - 4) score += N3;
    }
  }
  const total = n * n;
  return score + Math.floor((Math.abs(dark * 2 - total) * 10) / total) * N4;
}
