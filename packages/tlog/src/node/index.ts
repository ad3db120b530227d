// `@txng/tlog/node`: the primitives on node:crypto (OpenSSL), for the server's sequencer and benchmarks. Kept
// out of the core entry point so the core never imports a Node module.
import { createHash, createPrivateKey, createPublicKey, hash, sign, verify, type KeyObject } from 'node:crypto';
import type { SigningCrypto } from '../crypto/types.ts';

// DER prefixes of RFC 8410 SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo for Ed25519 (OID 1.3.101.112).
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

function der(prefix: Uint8Array, key: Uint8Array): Buffer {
  const out = Buffer.alloc(prefix.length + key.length);
  out.set(prefix, 0);
  out.set(key, prefix.length);
  return out;
}

function privateKey(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new RangeError('Ed25519 seed must be 32 bytes');
  return createPrivateKey({ key: der(PKCS8_PREFIX, seed), format: 'der', type: 'pkcs8' });
}

// Parsing a DER key costs more than verifying with it; a witness or verifier sees the same few keys again and
// again, so the last 64 are kept (public keys only: nothing secret is cached).
const publicKeys = new Map<string, KeyObject>();
function cachedPublicKey(raw: Uint8Array): KeyObject {
  const id = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('hex');
  let key = publicKeys.get(id);
  if (!key) {
    key = createPublicKey({ key: der(SPKI_PREFIX, raw), format: 'der', type: 'spki' });
    if (publicKeys.size >= 64) publicKeys.delete(publicKeys.keys().next().value!);
    publicKeys.set(id, key);
  }
  return key;
}

// crypto.hash (Node ≥ 20.12) is a one-shot digest without a Hash object, faster than createHash on small inputs.
const sha256: (data: Uint8Array) => Uint8Array =
  typeof hash === 'function'
    ? (data) => hash('sha256', data, 'buffer')
    : (data) => createHash('sha256').update(data).digest();

export const nodeCrypto: SigningCrypto = Object.freeze({
  sha256,
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return verify(null, message, cachedPublicKey(publicKey), signature);
    } catch {
      return false;
    }
  },
  ed25519PublicKey(seed: Uint8Array): Uint8Array {
    const spki = createPublicKey(privateKey(seed)).export({ format: 'der', type: 'spki' });
    return new Uint8Array(spki.subarray(SPKI_PREFIX.length));
  },
  ed25519Sign: (seed: Uint8Array, message: Uint8Array) => new Uint8Array(sign(null, message, privateKey(seed))),
});
