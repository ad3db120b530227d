import { ecLayout, type QrEcLevel } from './qr-tables.ts';
import { reedSolomon } from './reed-solomon.ts';
import { drawFormat, formatBits, functionPatterns, placeCodewords, type QrGrid } from './qr-matrix.ts';
import { applyMask, penalty } from './qr-mask.ts';

// QR Code encoding in byte mode (ISO/IEC 18004:2015 §7.4.5): the smallest version that holds the data at the
// requested error correction level, codewords split into blocks and interleaved with their Reed-Solomon
// codewords (§7.6), then the mask with the lowest penalty (§7.8).

export interface QrSymbol {
  readonly version: number;
  readonly level: QrEcLevel;
  readonly mask: number;
  readonly size: number;
  /** Row-major modules, 1 dark. */
  readonly modules: Uint8Array;
}

export interface QrOptions {
  /** Minimum error correction level (default M); raised while the data still fits the same version. */
  readonly level?: QrEcLevel;
  /** Force a version (1-40); the smallest that fits otherwise. */
  readonly version?: number;
  /** Force a mask (0-7); the lowest penalty otherwise. */
  readonly mask?: number;
}

const LEVELS: readonly QrEcLevel[] = ['L', 'M', 'Q', 'H'];
const TEMPLATES = new Map<number, QrGrid>();
const encoder = new TextEncoder();

function template(version: number): QrGrid {
  let t = TEMPLATES.get(version);
  if (!t) {
    t = functionPatterns(version);
    TEMPLATES.set(version, t);
  }
  return t;
}

/** Character count indicator length in byte mode: 8 bits up to version 9, 16 bits after (Table 3). */
function countBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** Write `length` bits of `value` at bit offset `bit` of `out`; returns the next offset. */
function putBits(out: Uint8Array, bit: number, value: number, length: number): number {
  for (let i = length - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3] = (out[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return bit;
}

function dataCodewords(bytes: Uint8Array, version: number, capacity: number): Uint8Array {
  const out = new Uint8Array(capacity);
  let bit = putBits(out, 0, 0b0100, 4);
  bit = putBits(out, bit, bytes.length, countBits(version));
  for (const b of bytes) bit = putBits(out, bit, b, 8);
  bit = Math.min(bit + 4, capacity * 8); // Terminator, as far as it fits.
  for (let i = Math.ceil(bit / 8), pad = 0xec; i < capacity; i++, pad ^= 0xec ^ 0x11) out[i] = pad;
  return out;
}

function interleave(data: Uint8Array, version: number, level: QrEcLevel): Uint8Array {
  const { blocks, ecPerBlock, dataCodewords: total } = ecLayout(version, level);
  const short = Math.floor(total / blocks);
  const longBlocks = total % blocks;
  const parts: Uint8Array[] = [];
  for (let b = 0, at = 0; b < blocks; b++) {
    const length = short + (b >= blocks - longBlocks ? 1 : 0);
    parts.push(data.subarray(at, at + length));
    at += length;
  }
  const ec = parts.map((p) => reedSolomon(p, ecPerBlock));
  const out = new Uint8Array(total + blocks * ecPerBlock);
  let k = 0;
  for (let i = 0; i <= short; i++) for (const p of parts) if (i < p.length) out[k++] = p[i] ?? 0;
  for (let i = 0; i < ecPerBlock; i++) for (const e of ec) out[k++] = e[i] ?? 0;
  return out;
}

function fitsIn(length: number, version: number, level: QrEcLevel): boolean {
  return 4 + countBits(version) + length * 8 <= ecLayout(version, level).dataCodewords * 8;
}

/** Encode text (UTF-8 bytes) as a QR Code symbol; undefined when it does not fit in version 40 (or the forced one). */
export function encodeQr(text: string, options?: QrOptions): QrSymbol | undefined {
  const bytes = encoder.encode(text);
  let level = options?.level ?? 'M';
  let version = options?.version ?? 1;
  if (options?.version === undefined) while (version <= 40 && !fitsIn(bytes.length, version, level)) version++;
  if (version < 1 || version > 40 || !fitsIn(bytes.length, version, level)) return undefined;
  // A higher level that fits the same symbol costs nothing and reads better (as BWIPP does).
  for (const higher of LEVELS.slice(LEVELS.indexOf(level) + 1)) if (fitsIn(bytes.length, version, higher)) level = higher;
  const codewords = interleave(dataCodewords(bytes, version, ecLayout(version, level).dataCodewords), version, level);
  const base = template(version);
  // The function-module map is shared: placing codewords and format bits leaves it unchanged.
  const placed: QrGrid = { size: base.size, modules: base.modules.slice(), fn: base.fn };
  placeCodewords(placed, codewords);
  // Two buffers: the candidate being scored and the best so far, swapped when the candidate wins.
  let work: QrGrid = { size: placed.size, modules: new Uint8Array(placed.modules.length), fn: placed.fn };
  let best: QrGrid | undefined;
  let bestMask = 0;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    if (options?.mask !== undefined && mask !== options.mask) continue;
    work.modules.set(placed.modules);
    applyMask(work, mask);
    drawFormat(work, formatBits(level, mask));
    const score = options?.mask === undefined ? penalty(work) : 0;
    if (score < bestScore) {
      const previous = best;
      best = work;
      bestMask = mask;
      bestScore = score;
      work = previous ?? { size: placed.size, modules: new Uint8Array(placed.modules.length), fn: placed.fn };
    }
  }
  if (!best) return undefined;
  return { version, level, mask: bestMask, size: best.size, modules: best.modules };
}
