// Ed25519 verification only (RFC 8032 §5.1.7), for the browser bundle: BigInt arithmetic, no secret data, so
// no constant-time concerns. Strict like Go and OpenSSL: A and R must be canonical encodings, S < L, and the
// cofactorless equation [S]B = R + [k]A is checked by comparing the encoding of [S]B - [k]A with R.
import { sha512 } from './sha2.ts';

type Point = readonly [x: bigint, y: bigint, z: bigint, t: bigint]; // extended coordinates, RFC 8032 §5.1.4

const P = (1n << 255n) - 19n;
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

const mod = (a: bigint, m = P): bigint => {
  const r = a % m;
  return r < 0n ? r + m : r;
};

function pow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

const inv = (a: bigint) => pow(a, P - 2n);
const D = mod(-121665n * inv(121666n));
const SQRT_M1 = pow(2n, (P - 1n) / 4n);
const ZERO: Point = [0n, 1n, 1n, 0n];

function add(p: Point, q: Point): Point {
  const a = mod((p[1] - p[0]) * (q[1] - q[0]));
  const b = mod((p[1] + p[0]) * (q[1] + q[0]));
  const c = mod(2n * D * p[3] * q[3]);
  const d = mod(2n * p[2] * q[2]);
  const [e, f, g, h] = [b - a, d - c, d + c, b + a];
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

function multiply(p: Point, scalar: bigint): Point {
  let result = ZERO;
  for (let i = BigInt(scalar.toString(2).length) - 1n; i >= 0n; i--) {
    result = add(result, result);
    if ((scalar >> i) & 1n) result = add(result, p);
  }
  return result;
}

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

/** RFC 8032 §5.1.3 point decoding; undefined for non-canonical or off-curve encodings. */
function decode(bytes: Uint8Array): Point | undefined {
  const n = littleEndian(bytes);
  const y = n & ((1n << 255n) - 1n);
  const sign = n >> 255n;
  if (y >= P) return undefined;
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * pow(v, 3n) * pow(u * pow(v, 7n), (P - 5n) / 8n));
  const vx2 = mod(v * x * x);
  if (vx2 !== u) {
    if (vx2 !== mod(-u)) return undefined;
    x = mod(x * SQRT_M1);
  }
  if (x === 0n && sign === 1n) return undefined;
  if ((x & 1n) !== sign) x = P - x;
  return [x, y, 1n, mod(x * y)];
}

function encode(p: Point): Uint8Array {
  const zInverse = inv(p[2]);
  const x = mod(p[0] * zInverse);
  let n = mod(p[1] * zInverse) | ((x & 1n) << 255n);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

// The base point: y = 4/5, x even (RFC 8032 §5.1).
const B = decode(encode([0n, mod(4n * inv(5n)), 1n, 0n]))!;

export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  const a = decode(publicKey);
  const rBytes = signature.subarray(0, 32);
  const s = littleEndian(signature.subarray(32));
  if (!a || !decode(rBytes) || s >= L) return false;
  const input = new Uint8Array(64 + message.length);
  input.set(rBytes, 0);
  input.set(publicKey, 32);
  input.set(message, 64);
  const k = mod(littleEndian(sha512(input)), L);
  const negA: Point = [mod(-a[0]), a[1], a[2], mod(-a[3])];
  const q = add(multiply(B, s), multiply(negA, k));
  const encoded = encode(q);
  return encoded.every((byte, i) => byte === rBytes[i]);
}
