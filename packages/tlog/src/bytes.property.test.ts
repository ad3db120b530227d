// Base64 and hex as RFC 4648 spells them: compared with Node's Buffer for any bytes, and the canonical-only reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64, toHex } from './bytes.ts';

describe('RFC 4648 encodings', () => {
  it('toBase64 spells any bytes as Buffer does, and fromBase64 reads them back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40_000 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('covers each tail length and the empty input', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => toBase64(new TextEncoder().encode(s)))).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  it('fromBase64 refuses non-canonical spellings: unused bits set, missing padding, whitespace', () => {
    expect(fromBase64('Zh==')).toBeUndefined();
    expect(fromBase64('Zg')).toBeUndefined();
    expect(fromBase64('Zm9v\n')).toBeUndefined();
  });

  it('hex round-trips and refuses upper case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
      }),
    );
    expect(fromHex('AB')).toBeUndefined();
  });
});
