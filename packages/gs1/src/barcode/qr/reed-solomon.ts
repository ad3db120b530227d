// Reed-Solomon error correction over GF(2^8) with the QR Code field polynomial x^8+x^4+x^3+x^2+1 (0x11D) and
// generator polynomials with roots α^0 … α^(n-1) (ISO/IEC 18004:2015 §7.5.2).

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255] ?? 0;
}

function multiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : (EXP[(LOG[a] ?? 0) + (LOG[b] ?? 0)] ?? 0);
}

const GENERATORS = new Map<number, Uint8Array>();

/** Coefficients of ∏(x - α^i), highest degree first, without the leading 1. */
function generator(degree: number): Uint8Array {
  let g = GENERATORS.get(degree);
  if (g) return g;
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    poly.forEach((c, j) => {
      next[j] = (next[j] ?? 0) ^ c;
      next[j + 1] = (next[j + 1] ?? 0) ^ multiply(c, EXP[i] ?? 0);
    });
    poly = next;
  }
  g = Uint8Array.from(poly.slice(1));
  GENERATORS.set(degree, g);
  return g;
}

/** The `degree` error correction codewords for `data` (remainder of data·x^degree divided by the generator). */
export function reedSolomon(data: Uint8Array, degree: number): Uint8Array {
  const g = generator(degree);
  const rem = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ (rem[0] ?? 0);
    rem.copyWithin(0, 1);
    rem[degree - 1] = 0;
    if (factor !== 0) {
      const lf = LOG[factor] ?? 0;
      for (let i = 0; i < degree; i++) {
        const gi = g[i] ?? 0;
        if (gi !== 0) rem[i] = (rem[i] ?? 0) ^ (EXP[lf + (LOG[gi] ?? 0)] ?? 0);
      }
    }
  }
  return rem;
}
