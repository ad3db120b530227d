// c2sp.org/tlog-cosignature, Ed25519 type 0x04: the signature is `u64 timestamp || Ed25519 signature` over
// "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint's note text.
import { concatBytes, readUint64BE, uint64BE, utf8 } from '../bytes.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { SigningCrypto, TlogCrypto } from '../crypto/types.ts';
import { toU64, type U64Like } from '../u64.ts';
import { computeKeyId, isValidKeyName, SIGNATURE_TYPE_COSIGNATURE, type NoteSigner, type NoteVerifier } from './key-id.ts';

/** tlog-cosignature §Format: "It MUST NOT exceed 2^63 - 1". */
export const MAX_COSIGNATURE_TIMESTAMP = (1n << 63n) - 1n;
const SIGNATURE_SIZE = 8 + 64;

/** tlog-cosignature §Ed25519 signed message. */
export function cosignatureMessage(text: Uint8Array, timestamp: bigint): Uint8Array {
  return concatBytes(utf8(`cosignature/v1\ntime ${timestamp}\n`), text);
}

export interface Cosignature {
  /** POSIX seconds at which the cosigner vouched for the checkpoint. */
  readonly timestamp: bigint;
  readonly signature: Uint8Array;
}

/** Splits the bytes after the key ID of a type 0x04 signature line. */
export function parseCosignature(bytes: Uint8Array): Result<Cosignature> {
  if (bytes.length !== SIGNATURE_SIZE) return fail('COSIGNATURE_MALFORMED');
  const timestamp = readUint64BE(bytes, 0);
  if (timestamp > MAX_COSIGNATURE_TIMESTAMP) return fail('COSIGNATURE_MALFORMED');
  return ok({ timestamp, signature: bytes.subarray(8) });
}

/** A type 0x04 verifier: key ID = SHA-256(name || "\n" || 0x04 || public key)[:4]. */
export function cosignatureVerifier(crypto: TlogCrypto, name: string, publicKey: Uint8Array): Result<NoteVerifier> {
  if (!isValidKeyName(name)) return fail('NOTE_BAD_KEY_NAME');
  if (publicKey.length !== 32) return fail('NOTE_BAD_VERIFIER_KEY');
  const key = publicKey.slice();
  return ok({
    name,
    keyId: computeKeyId(crypto, name, SIGNATURE_TYPE_COSIGNATURE, key),
    type: SIGNATURE_TYPE_COSIGNATURE,
    publicKey: key,
    verify(text, bytes) {
      const parsed = parseCosignature(bytes);
      if (!parsed.ok) return false;
      return crypto.ed25519Verify(key, cosignatureMessage(text, parsed.value.timestamp), parsed.value.signature);
    },
  });
}

/**
 * A cosigner that vouches at `timestamp` (POSIX seconds, taken from the caller's clock). A witness makes one
 * per checkpoint it cosigns; tlog-witness requires a non-zero timestamp.
 */
export function cosigner(crypto: SigningCrypto, name: string, seed: Uint8Array, timestamp: U64Like): Result<NoteSigner> {
  const ts = toU64(timestamp, 'timestamp');
  if (!ts.ok) return ts;
  if (ts.value > MAX_COSIGNATURE_TIMESTAMP) return fail('COSIGNATURE_MALFORMED');
  if (!isValidKeyName(name)) return fail('NOTE_BAD_KEY_NAME');
  if (seed.length !== 32) return fail('NOTE_BAD_SIGNER_KEY');
  const secret = seed.slice();
  const publicKey = crypto.ed25519PublicKey(secret);
  return ok({
    name,
    keyId: computeKeyId(crypto, name, SIGNATURE_TYPE_COSIGNATURE, publicKey),
    sign: (text) => concatBytes(uint64BE(ts.value), crypto.ed25519Sign(secret, cosignatureMessage(text, ts.value))),
  });
}
