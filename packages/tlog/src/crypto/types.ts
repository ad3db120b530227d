// The hash and signature primitives the package needs, injected so the same code runs on @noble in the
// browser, on node:crypto in the server, or on the small verify-only code of the browser bundle.

/** What verification needs: SHA-256 and Ed25519 verification. */
export interface TlogCrypto {
  /** SHA-256 (FIPS 180-4). Returns a new 32-byte array that the caller may keep; must not retain `data`. */
  sha256(data: Uint8Array): Uint8Array;
  /**
   * Ed25519 verification (RFC 8032 §5.1.7) with canonical encodings; returns false, never throws, on any
   * malformed key or signature.
   */
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** What signing adds. Keys are 32-byte RFC 8032 seeds; generating them (randomness) stays with the caller. */
export interface SigningCrypto extends TlogCrypto {
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
}
