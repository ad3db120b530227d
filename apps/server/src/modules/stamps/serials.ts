// Stamp serials and verification codes.
//
// A serial is 16 characters of Crockford's base32 (0-9, A-Z without I, L, O, U) drawn from 80 bits of
// node:crypto randomness: every character is in the GS1 AI (21) character set (CSET 82, GS1 General
// Specifications §7.11, Figure 7.11-1), it reads aloud without ambiguity, and nobody can guess a neighbour of
// a serial they hold. The verification code hidden under the scratch-off layer is 8 decimal digits (a numeric
// keypad on any phone); only its HMAC-SHA256 under a server key is stored, and guessing is bounded by the
// per-stamp and per-client attempt limits (verify-service.ts).
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SERIAL_LENGTH = 16;
export const SERIAL_BITS = SERIAL_LENGTH * 5;
const SERIAL_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** `count` fresh serials; 10 random bytes each, 5 bits per character. */
export function newSerials(count: number): string[] {
  const bytes = randomBytes(count * 10);
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let half = 0; half < 2; half++) {
      const o = i * 10 + half * 5;
      // 40 bits as a number (safe below 2^53), eight 5-bit groups from the top.
      let v = bytes[o]! * 2 ** 32 + ((bytes[o + 1]! << 24) >>> 0) + (bytes[o + 2]! << 16) + (bytes[o + 3]! << 8) + bytes[o + 4]!;
      let chunk = '';
      for (let k = 0; k < 8; k++) {
        chunk = SERIAL_ALPHABET[v % 32]! + chunk;
        v = Math.floor(v / 32);
      }
      s += chunk;
    }
    out[i] = s;
  }
  return out;
}

export function isSerial(value: string): boolean {
  return SERIAL_PATTERN.test(value);
}

/**
 * A serial as a person typed it: case, spaces and dashes ignored, and Crockford's decoding rules for the letters
 * people confuse with digits (O → 0, I and L → 1). Undefined when it cannot be a serial.
 */
export function normalizeSerial(typed: string): string | undefined {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return isSerial(s) ? s : undefined;
}

/** The short human-readable code printed on a label: the serial in groups of four. */
export function humanSerial(serial: string): string {
  return serial.replace(/(.{4})(?=.)/g, '$1-');
}

/** A fresh 8-digit verification code. */
export function newVerificationCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

export function formatVerificationCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** Digits of a typed code (spaces and dashes ignored); undefined unless exactly 8 digits. */
export function normalizeVerificationCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : undefined;
}

/** The key under which codes are hashed, derived from the pseudonym key with its own label (no key reuse). */
export function verificationCodeKey(pseudonymKey: Buffer): Buffer {
  return createHmac('sha256', pseudonymKey).update('txng:stamps:verification-code:v1').digest();
}

/** What is stored for a code: HMAC-SHA256(key, serial ":" code), 16 bytes. Bound to the serial, so a code
 * leaked from one stamp says nothing about another. */
export function hashVerificationCode(key: Buffer, serial: string, code: string): Buffer {
  return createHmac('sha256', key).update(`${serial}:${code}`).digest().subarray(0, 16);
}

export function verificationCodeMatches(key: Buffer, serial: string, code: string, stored: Buffer): boolean {
  const candidate = hashVerificationCode(key, serial, code);
  return stored.length === candidate.length && timingSafeEqual(stored, candidate);
}
