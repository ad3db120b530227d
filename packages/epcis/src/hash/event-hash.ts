// The CBV 2.0 event hash ID (CBV 2.0 §8.9.3, RFC 6920 `ni` URI): SHA-256 of the UTF-8 pre-hash string,
// `ni:///sha-256;<hex>?ver=CBV2.0`. The digest function is a parameter so the server can pass node:crypto;
// the default is @noble/hashes (pure).
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import type { EpcisEvent } from '../model/types.ts';
import { eventPreHash } from './prehash.ts';
import type { TreeOptions } from './prehash-tree.ts';

export type Sha256 = (data: Uint8Array) => Uint8Array;

export interface HashOptions extends TreeOptions {
  readonly sha256?: Sha256;
}

const encoder = new TextEncoder();

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function hashPreHash(preHash: string, sha256: Sha256 = nobleSha256): string {
  return `ni:///sha-256;${hex(sha256(encoder.encode(preHash)))}?ver=CBV2.0`;
}

/** The event hash ID of an event, e.g. to fill a missing eventID or to detect a duplicate capture. */
export function eventHashId(event: EpcisEvent, options: HashOptions = {}): string {
  return hashPreHash(eventPreHash(event, options), options.sha256);
}
