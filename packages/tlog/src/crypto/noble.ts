// Default primitives on @noble/hashes and @noble/curves: audited pure JavaScript, runs anywhere.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { SigningCrypto } from './types.ts';

export const nobleCrypto: SigningCrypto = Object.freeze({
  sha256: (data: Uint8Array) => sha256(data),
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      // zip215: false selects the strict RFC 8032 rules (canonical A and R, S < L), as Go and OpenSSL apply.
      return ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
  ed25519PublicKey: (seed: Uint8Array) => ed25519.getPublicKey(seed),
  ed25519Sign: (seed: Uint8Array, message: Uint8Array) => ed25519.sign(message, seed),
});
