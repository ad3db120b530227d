// Tree sizes and indices are uint64 (RFC 9162 §4.1 `uint64 tree_size`). They are bigint in the API so values
// above 2^53 survive; callers may pass numbers, which must be safe integers.
import { fail, ok, type Result } from './errors.ts';

export const U64_MAX = (1n << 64n) - 1n;

export type U64Like = bigint | number;

export function toU64(value: U64Like, what: string): Result<bigint> {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return fail('TLOG_NOT_U64', { what });
    return ok(BigInt(value));
  }
  if (typeof value !== 'bigint' || value < 0n || value > U64_MAX) return fail('TLOG_NOT_U64', { what });
  return ok(value);
}

const DECIMAL_RE = /^(?:0|[1-9][0-9]*)$/;

/** ASCII decimal with no leading zeroes (tlog-checkpoint §Note text, tlog-proof §Format), at most 2^64-1. */
export function parseDecimalU64(text: string): bigint | undefined {
  if (text.length > 20 || !DECIMAL_RE.test(text)) return undefined;
  const value = BigInt(text);
  return value <= U64_MAX ? value : undefined;
}

/** Number of trailing zero bits of a positive value (0 for 0). */
export function trailingZeros(value: bigint): number {
  if (value === 0n) return 0;
  return bitLength(value & -value) - 1;
}

/** Number of bits needed to represent a non-negative value (0 for 0). */
export function bitLength(value: bigint): number {
  let bits = 0;
  while (value > 0xffffffffn) {
    value >>= 32n;
    bits += 32;
  }
  return bits + 32 - Math.clz32(Number(value));
}

/** The largest power of two strictly below n, for n ≥ 2 (the split point k of RFC 9162 §2.1.1). */
export function splitPoint(n: bigint): bigint {
  return 1n << BigInt(bitLength(n - 1n) - 1);
}
