// Serials for issuance in bulk: the same serials as serials.ts (80 bits of node:crypto randomness, 16 characters
// of Crockford's base32, every one in the GS1 AI (21) character set), drawn for a whole chunk at once and kept
// as ASCII bytes in one buffer (serial i at [16i, 16i + 16)). Issuance needs the bytes, not strings: they go
// into the COPY rows and into the Merkle leaves as they are, with no string per stamp to allocate and collect.
import { randomBytes } from 'node:crypto';
import { SERIAL_ALPHABET, SERIAL_LENGTH } from './serials.ts';

const ALPHABET = Uint8Array.from(SERIAL_ALPHABET, (c) => c.charCodeAt(0));

/** `count` fresh serials, 16 ASCII bytes each, back to back. */
export function newSerialBlock(count: number): Buffer {
  const random = randomBytes(count * 10);
  const out = Buffer.allocUnsafe(count * SERIAL_LENGTH);
  // Each 5 random bytes (40 bits) give 8 characters, 5 bits each from the most significant end, as newSerials.
  for (let i = 0, o = 0; i < random.length; i += 5, o += 8) {
    const b0 = random[i]!, b1 = random[i + 1]!, b2 = random[i + 2]!, b3 = random[i + 3]!, b4 = random[i + 4]!;
    out[o] = ALPHABET[b0 >> 3]!;
    out[o + 1] = ALPHABET[((b0 & 7) << 2) | (b1 >> 6)]!;
    out[o + 2] = ALPHABET[(b1 >> 1) & 31]!;
    out[o + 3] = ALPHABET[((b1 & 1) << 4) | (b2 >> 4)]!;
    out[o + 4] = ALPHABET[((b2 & 15) << 1) | (b3 >> 7)]!;
    out[o + 5] = ALPHABET[(b3 >> 2) & 31]!;
    out[o + 6] = ALPHABET[((b3 & 3) << 3) | (b4 >> 5)]!;
    out[o + 7] = ALPHABET[b4 & 31]!;
  }
  return out;
}

/** How many serials a block holds. */
export function serialCount(block: Buffer): number {
  return block.length / SERIAL_LENGTH;
}

/** Serial `i` of a block as a string. */
export function serialAt(block: Buffer, i: number): string {
  return block.toString('latin1', i * SERIAL_LENGTH, (i + 1) * SERIAL_LENGTH);
}

/** Every serial of a block as strings (the PGlite insert and tests). */
export function serialStrings(block: Buffer): string[] {
  const out = new Array<string>(serialCount(block));
  for (let i = 0; i < out.length; i++) out[i] = serialAt(block, i);
  return out;
}
