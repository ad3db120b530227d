// QR Code symbol capacities (ISO/IEC 18004:2015 Table 9): per version 1-40 and error correction level, the
// error correction codewords per block and the number of blocks. Versions are 1-based; index 0 is unused.

export type QrEcLevel = 'L' | 'M' | 'Q' | 'H';

const EC_CODEWORDS_PER_BLOCK: Readonly<Record<QrEcLevel, readonly number[]>> = {
  L: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  Q: [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  H: [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
};

const EC_BLOCKS: Readonly<Record<QrEcLevel, readonly number[]>> = {
  L: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
};

/** Format information bits for each level (§7.9.1 Table 12). */
export const EC_LEVEL_BITS: Readonly<Record<QrEcLevel, number>> = { L: 1, M: 0, Q: 3, H: 2 };

export function symbolSize(version: number): number {
  return version * 4 + 17;
}

/** Centre coordinates of the alignment patterns (§6.3.6, Annex E): evenly spaced from 6 to size-7. */
export function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const last = symbolSize(version) - 7;
  const step = version === 32 ? 26 : Math.ceil((last - 6) / (count - 1) / 2) * 2;
  const out = [6];
  for (let i = 1; i < count; i++) out.push(last - (count - 1 - i) * step);
  return out;
}

/** Modules left for codewords once function patterns, format and version information are placed. */
function rawDataModules(version: number): number {
  const size = symbolSize(version);
  let n = size * size - 3 * 64 - 2 * (size - 16) - 31; // Finder patterns with separators, timing, format + dark module.
  if (version >= 2) {
    const a = Math.floor(version / 7) + 2;
    n -= 25 * (a * a - 3) - 10 * (a - 2); // Alignment patterns, less their overlap with the timing patterns.
  }
  if (version >= 7) n -= 36; // Version information.
  return n;
}

export function totalCodewords(version: number): number {
  return Math.floor(rawDataModules(version) / 8);
}

export function ecLayout(version: number, level: QrEcLevel): { blocks: number; ecPerBlock: number; dataCodewords: number } {
  const blocks = EC_BLOCKS[level][version] ?? 0;
  const ecPerBlock = EC_CODEWORDS_PER_BLOCK[level][version] ?? 0;
  return { blocks, ecPerBlock, dataCodewords: totalCodewords(version) - blocks * ecPerBlock };
}
