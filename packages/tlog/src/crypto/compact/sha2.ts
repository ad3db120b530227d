// Small SHA-256 and SHA-512 (FIPS 180-4) for the verify-only browser bundle, where size matters more than
// speed. The round constants and initial values are derived, as §4.2.2/§4.2.3/§5.3.3/§5.3.5 define them, from
// the fractional parts of the square and cube roots of the first primes, instead of being shipped as tables.

function primes(count: number): bigint[] {
  const out: bigint[] = [];
  for (let n = 2; out.length < count; n++) if (out.every((p) => n % Number(p) !== 0)) out.push(BigInt(n));
  return out;
}

/** ⌊n^(1/k)⌋ by Newton's method from above. */
function iroot(n: bigint, k: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)));
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}

/** The first `bits` bits of the fractional part of p^(1/k), for each of the first `count` primes. */
function fractions(count: number, k: bigint, bits: bigint): bigint[] {
  const mask = (1n << bits) - 1n;
  return primes(count).map((p) => iroot(p << (bits * k), k) & mask);
}

function pad(data: Uint8Array, block: number, lengthBytes: number): Uint8Array {
  const total = Math.ceil((data.length + 1 + lengthBytes) / block) * block;
  const out = new Uint8Array(total);
  out.set(data);
  out[data.length] = 0x80;
  let bits = BigInt(data.length) * 8n;
  for (let i = total - 1; bits > 0n; i--, bits >>= 8n) out[i] = Number(bits & 0xffn);
  return out;
}

const K256 = Int32Array.from(fractions(64, 3n, 32n), Number);
const H256 = Int32Array.from(fractions(8, 2n, 32n), Number);

export function sha256(data: Uint8Array): Uint8Array {
  const m = pad(data, 64, 8);
  const view = new DataView(m.buffer);
  const h = H256.slice();
  const w = new Int32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < m.length; off += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(off + 4 * t);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[t]! + w[t]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((x, i) => (h[i] = (h[i]! + x) | 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((x, i) => outView.setInt32(4 * i, x));
  return out;
}

const MASK64 = (1n << 64n) - 1n;
const K512 = fractions(80, 3n, 64n);
const H512 = fractions(8, 2n, 64n);

export function sha512(data: Uint8Array): Uint8Array {
  const m = pad(data, 128, 16);
  const view = new DataView(m.buffer);
  const h = H512.slice();
  const rotr = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & MASK64;
  for (let off = 0; off < m.length; off += 128) {
    const w: bigint[] = [];
    for (let t = 0; t < 16; t++) w.push(view.getBigUint64(off + 8 * t));
    for (let t = 16; t < 80; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = rotr(a, 1n) ^ rotr(a, 8n) ^ (a >> 7n);
      const s1 = rotr(b, 19n) ^ rotr(b, 61n) ^ (b >> 6n);
      w.push((w[t - 16]! + s0 + w[t - 7]! + s1) & MASK64);
    }
    let [a, b, c, d, e, f, g, hh] = h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let t = 0; t < 80; t++) {
      const ch = (e & f) ^ (~e & MASK64 & g);
      const t1 = (hh + (rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n)) + ch + K512[t]! + w[t]!) & MASK64;
      const t2 = ((rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c))) & MASK64;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & MASK64, c, b, a, (t1 + t2) & MASK64];
    }
    [a, b, c, d, e, f, g, hh].forEach((x, i) => (h[i] = (h[i]! + x) & MASK64));
  }
  const out = new Uint8Array(64);
  const outView = new DataView(out.buffer);
  h.forEach((x, i) => outView.setBigUint64(8 * i, x));
  return out;
}
