// Verify-only primitives for the browser bundle: a few KB instead of @noble/curves' ~14 KB gzipped.
import type { TlogCrypto } from '../types.ts';
import { ed25519Verify } from './ed25519-verify.ts';
import { sha256 } from './sha2.ts';

export const compactCrypto: TlogCrypto = Object.freeze({ sha256, ed25519Verify });
