// c2sp.org/signed-note §Signatures and §Verifier keys: key names, key IDs, verifier keys
// `<name>+<hex key ID>+base64(type || public key)` and the Go-compatible signer keys
// `PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || seed)`.
import { concatBytes, fromBase64, fromHex, readUint32BE, toBase64 } from '../bytes.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { SigningCrypto, TlogCrypto } from '../crypto/types.ts';
import { cosignatureVerifier } from './cosignature.ts';
import {
  computeKeyId,
  isValidKeyName,
  keyIdHex,
  SIGNATURE_TYPE_COSIGNATURE,
  SIGNATURE_TYPE_ED25519,
  type NoteSigner,
  type NoteVerifier,
} from './key-id.ts';

export function ed25519Verifier(crypto: TlogCrypto, name: string, publicKey: Uint8Array): Result<NoteVerifier> {
  if (!isValidKeyName(name)) return fail('NOTE_BAD_KEY_NAME');
  if (publicKey.length !== 32) return fail('NOTE_BAD_VERIFIER_KEY');
  const key = publicKey.slice();
  return ok({
    name,
    keyId: computeKeyId(crypto, name, SIGNATURE_TYPE_ED25519, key),
    type: SIGNATURE_TYPE_ED25519,
    publicKey: key,
    verify: (text, signature) => signature.length === 64 && crypto.ed25519Verify(key, text, signature),
  });
}

export function ed25519Signer(crypto: SigningCrypto, name: string, seed: Uint8Array): Result<NoteSigner> {
  if (!isValidKeyName(name)) return fail('NOTE_BAD_KEY_NAME');
  if (seed.length !== 32) return fail('NOTE_BAD_SIGNER_KEY');
  const secret = seed.slice();
  const publicKey = crypto.ed25519PublicKey(secret);
  return ok({
    name,
    keyId: computeKeyId(crypto, name, SIGNATURE_TYPE_ED25519, publicKey),
    sign: (text) => crypto.ed25519Sign(secret, text),
  });
}

/** `<name>+<hex key ID>+base64(type || public key)`. */
export function formatVerifierKey(verifier: Pick<NoteVerifier, 'name' | 'keyId' | 'type' | 'publicKey'>): string {
  const material = concatBytes(Uint8Array.of(verifier.type), verifier.publicKey);
  return `${verifier.name}+${keyIdHex(verifier.keyId)}+${toBase64(material)}`;
}

type VerifierFactory = (crypto: TlogCrypto, name: string, publicKey: Uint8Array) => Result<NoteVerifier>;
const verifierFactories: Readonly<Record<number, VerifierFactory>> = {
  [SIGNATURE_TYPE_ED25519]: ed25519Verifier,
  [SIGNATURE_TYPE_COSIGNATURE]: cosignatureVerifier,
};

/** Splits `a+b+c` into exactly three parts; the key name may not contain `+`, the base64 may. */
function splitKey(text: string, parts: number): string[] | undefined {
  const out: string[] = [];
  let rest = text;
  for (let i = 0; i < parts - 1; i++) {
    const plus = rest.indexOf('+');
    if (plus < 0) return undefined;
    out.push(rest.slice(0, plus));
    rest = rest.slice(plus + 1);
  }
  out.push(rest);
  return out;
}

/** Parses a verifier key of type 0x01 (Ed25519) or 0x04 (Ed25519 cosignature), checking its key ID. */
export function parseVerifierKey(crypto: TlogCrypto, vkey: string): Result<NoteVerifier> {
  const parts = splitKey(vkey, 3);
  if (!parts) return fail('NOTE_BAD_VERIFIER_KEY');
  const [name, idHex, keyBase64] = parts as [string, string, string];
  const id = idHex.length === 8 ? fromHex(idHex) : undefined;
  const material = fromBase64(keyBase64);
  if (!isValidKeyName(name) || !id || !material || material.length < 2) return fail('NOTE_BAD_VERIFIER_KEY');
  const type = material[0]!;
  const factory = verifierFactories[type];
  if (!factory) return fail('NOTE_UNSUPPORTED_KEY_TYPE', { type: type.toString(16).padStart(2, '0') });
  const verifier = factory(crypto, name, material.subarray(1));
  if (!verifier.ok) return fail('NOTE_BAD_VERIFIER_KEY');
  if (verifier.value.keyId !== readUint32BE(id, 0)) return fail('NOTE_KEY_ID_MISMATCH');
  return verifier;
}

export interface ParsedSignerKey {
  readonly signer: NoteSigner;
  readonly verifier: NoteVerifier;
  readonly verifierKey: string;
}

/** Parses `PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || 32-byte seed)`, checking its key ID. */
export function parseSignerKey(crypto: SigningCrypto, skey: string): Result<ParsedSignerKey> {
  const parts = splitKey(skey, 5);
  if (!parts) return fail('NOTE_BAD_SIGNER_KEY');
  const [private1, private2, name, idHex, keyBase64] = parts as [string, string, string, string, string];
  const id = idHex.length === 8 ? fromHex(idHex) : undefined;
  const material = fromBase64(keyBase64);
  if (private1 !== 'PRIVATE' || private2 !== 'KEY' || !isValidKeyName(name) || !id || !material || material.length < 2) {
    return fail('NOTE_BAD_SIGNER_KEY');
  }
  if (material[0] !== SIGNATURE_TYPE_ED25519) {
    return fail('NOTE_UNSUPPORTED_KEY_TYPE', { type: material[0]!.toString(16).padStart(2, '0') });
  }
  if (material.length !== 33) return fail('NOTE_BAD_SIGNER_KEY');
  const signer = ed25519Signer(crypto, name, material.subarray(1));
  if (!signer.ok) return signer;
  if (signer.value.keyId !== readUint32BE(id, 0)) return fail('NOTE_KEY_ID_MISMATCH');
  const verifier = ed25519Verifier(crypto, name, crypto.ed25519PublicKey(material.subarray(1)));
  if (!verifier.ok) return verifier;
  return ok({ signer: signer.value, verifier: verifier.value, verifierKey: formatVerifierKey(verifier.value) });
}

/**
 * A new Ed25519 key pair for `name` from a 32-byte seed the caller drew from a secure random source (the
 * package reads no randomness itself). Returns the signer key (secret) and the verifier key (public).
 */
export function newSignerKey(
  crypto: SigningCrypto,
  name: string,
  seed: Uint8Array,
): Result<{ signerKey: string; verifierKey: string }> {
  const verifier = seed.length === 32 ? ed25519Verifier(crypto, name, crypto.ed25519PublicKey(seed)) : fail('NOTE_BAD_SIGNER_KEY');
  if (!verifier.ok) return verifier;
  const material = toBase64(concatBytes(Uint8Array.of(SIGNATURE_TYPE_ED25519), seed));
  return ok({
    signerKey: `PRIVATE+KEY+${name}+${keyIdHex(verifier.value.keyId)}+${material}`,
    verifierKey: formatVerifierKey(verifier.value),
  });
}
