// The three primitive sets must agree: @noble (default), node:crypto (server) and the verify-only compact code
// of the browser bundle; RFC 8032 §7.1 vectors pin them to the standard.
import fc from 'fast-check';
import { sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { nodeCrypto } from '../node/index.ts';
import { compactCrypto } from './compact/index.ts';
import { sha512 } from './compact/sha2.ts';
import { nobleCrypto } from './noble.ts';

const rfc8032 = [
  {
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const P = (1n << 255n) - 19n;

function littleEndian32(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

describe('SHA-256 and SHA-512', () => {
  it('agree across implementations on every padding boundary and random input', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 1000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31) & 0xff);
      expect(toHex(compactCrypto.sha256(data))).toBe(toHex(nobleCrypto.sha256(data)));
      expect(toHex(nodeCrypto.sha256(data))).toBe(toHex(nobleCrypto.sha256(data)));
      expect(toHex(sha512(data))).toBe(toHex(nobleSha512(data)));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (data) => {
        expect(toHex(compactCrypto.sha256(data))).toBe(toHex(nodeCrypto.sha256(data)));
        expect(toHex(sha512(data))).toBe(toHex(nobleSha512(data)));
      }),
    );
  });

  it('hashes the empty string to the empty-tree root of RFC 9162', () => {
    expect(toHex(compactCrypto.sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('Ed25519', () => {
  it.each(rfc8032)('reproduces RFC 8032 §7.1 vector %#', (v) => {
    const seed = fromHex(v.seed)!;
    const message = fromHex(v.message)!;
    for (const c of [nobleCrypto, nodeCrypto]) {
      expect(toHex(c.ed25519PublicKey(seed))).toBe(v.publicKey);
      expect(toHex(c.ed25519Sign(seed, message))).toBe(v.signature);
    }
    for (const c of [nobleCrypto, nodeCrypto, compactCrypto]) {
      expect(c.ed25519Verify(fromHex(v.publicKey)!, message, fromHex(v.signature)!)).toBe(true);
    }
  });

  it('verifies the same signatures everywhere and rejects the same mutations', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(),
        fc.constantFrom('signature', 'message', 'key'),
        (seed, message, where, what) => {
          const publicKey = nodeCrypto.ed25519PublicKey(seed);
          const signature = nodeCrypto.ed25519Sign(seed, message);
          expect(toHex(nobleCrypto.ed25519Sign(seed, message))).toBe(toHex(signature));
          for (const c of [nobleCrypto, nodeCrypto, compactCrypto]) expect(c.ed25519Verify(publicKey, message, signature)).toBe(true);
          const target = what === 'signature' ? signature.slice() : what === 'key' ? publicKey.slice() : message.slice();
          if (target.length === 0) return;
          target[where % target.length]! ^= 1 << (where % 8);
          const args: [Uint8Array, Uint8Array, Uint8Array] =
            what === 'signature' ? [publicKey, message, target] : what === 'key' ? [target, message, signature] : [publicKey, target, signature];
          const verdicts = [nobleCrypto, nodeCrypto, compactCrypto].map((c) => c.ed25519Verify(...args));
          expect(verdicts).toEqual([false, false, false]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects a non-canonical S (S + L) and a non-canonical R, as RFC 8032 §5.1.7 requires', () => {
    const seed = new Uint8Array(32).fill(7);
    const message = new Uint8Array([1, 2, 3]);
    const publicKey = nodeCrypto.ed25519PublicKey(seed);
    const signature = nodeCrypto.ed25519Sign(seed, message);
    let s = 0n;
    for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(signature[32 + i]!);
    const malleable = signature.slice();
    malleable.set(littleEndian32(s + L), 32);
    const badR = signature.slice();
    badR.set(littleEndian32(P + 1n), 0); // y = p + 1 ≥ p: a non-canonical encoding of y = 1
    for (const c of [nobleCrypto, nodeCrypto, compactCrypto]) {
      expect(c.ed25519Verify(publicKey, message, malleable)).toBe(false);
      expect(c.ed25519Verify(publicKey, message, badR)).toBe(false);
      expect(c.ed25519Verify(publicKey.subarray(1), message, signature)).toBe(false);
      expect(c.ed25519Verify(publicKey, message, signature.subarray(1))).toBe(false);
    }
  });
});
