// c2sp.org/signed-note §Signatures: key names and key IDs, shared by every signature type.
import { concatBytes, readUint32BE, utf8 } from '../bytes.ts';
import type { TlogCrypto } from '../crypto/types.ts';

/** Signature type bytes assigned by signed-note §Signature types. */
export const SIGNATURE_TYPE_ED25519 = 0x01;
/** c2sp.org/tlog-cosignature timestamped Ed25519 cosignatures. */
export const SIGNATURE_TYPE_COSIGNATURE = 0x04;

/** Checks a signature over a note's text. Implementations never throw. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** Signs a note's text; the returned bytes follow the 4-byte key ID on the signature line. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Uint8Array): Uint8Array;
}

// Go's unicode.IsSpace set, which golang.org/x/mod/sumdb/note uses for "Unicode spaces".
const UNICODE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_LONE_SURROGATE = /[\x00-\x1f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** signed-note §Format: "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or plus". */
export function isValidKeyName(name: string): boolean {
  return name !== '' && !name.includes('+') && !UNICODE_SPACE.test(name) && !CONTROL_OR_LONE_SURROGATE.test(name);
}

/** signed-note §Signatures: key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]. */
export function computeKeyId(crypto: TlogCrypto, name: string, type: number, publicKey: Uint8Array): number {
  const digest = crypto.sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey));
  return readUint32BE(digest, 0);
}

export function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}
