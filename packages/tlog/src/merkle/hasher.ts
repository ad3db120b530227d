// RFC 9162 §2.1.1 Merkle Tree Hash with SHA-256 (the only hash tlog-tiles allows):
//   MTH({}) = SHA-256(), leaf hash = SHA-256(0x00 || d), node hash = SHA-256(0x01 || left || right).
import { fail, ok, type Result } from '../errors.ts';
import type { TlogCrypto } from '../crypto/types.ts';

/** A SHA-256 Merkle tree hash: always 32 bytes. */
export type Hash = Uint8Array;

export const HASH_SIZE = 32;

export interface MerkleHasher {
  readonly crypto: TlogCrypto;
  /** SHA-256("") — the root of the empty tree. */
  readonly emptyRoot: Hash;
  /** RFC 9162 §2.1.1: SHA-256(0x00 || entry). */
  leafHash(entry: Uint8Array): Hash;
  /** RFC 9162 §2.1.1: SHA-256(0x01 || left || right). Both inputs must be 32 bytes. */
  nodeHash(left: Hash, right: Hash): Hash;
}

/**
 * Builds the hasher on the given primitives. It reuses one scratch buffer for the prefixed input, so a
 * hasher must not be shared between concurrently running threads (JavaScript realms never share it anyway).
 */
export function merkleHasher(crypto: TlogCrypto): MerkleHasher {
  const node = new Uint8Array(1 + 2 * HASH_SIZE);
  node[0] = 0x01;
  let leaf = new Uint8Array(256); // leaf[0] stays 0x00
  let leafInput = leaf.subarray(0, 1); // reused while entries keep the same length: no view per call
  return {
    crypto,
    emptyRoot: crypto.sha256(new Uint8Array(0)),
    leafHash(entry: Uint8Array): Hash {
      const length = entry.length + 1;
      if (length > leaf.length) {
        leaf = new Uint8Array(Math.max(length, 2 * leaf.length));
        leafInput = leaf.subarray(0, length);
      } else if (leafInput.length !== length) {
        leafInput = leaf.subarray(0, length);
      }
      leaf.set(entry, 1);
      return crypto.sha256(leafInput);
    },
    nodeHash(left: Hash, right: Hash): Hash {
      node.set(left, 1);
      node.set(right, 1 + HASH_SIZE);
      return crypto.sha256(node);
    },
  };
}

export function checkHash(hash: Uint8Array, what: string): Result<Hash> {
  return hash.length === HASH_SIZE ? ok(hash) : fail('TLOG_BAD_HASH_SIZE', { what, size: hash.length });
}

/** MTH of a perfect subtree given its 2^k leaf-level hashes (in order); `hashes.length` must be a power of two. */
export function perfectSubtreeHash(hasher: MerkleHasher, hashes: readonly Hash[]): Hash {
  let level = hashes.slice();
  while (level.length > 1) {
    const next: Hash[] = new Array<Hash>(level.length >> 1);
    for (let i = 0; i < next.length; i++) next[i] = hasher.nodeHash(level[2 * i]!, level[2 * i + 1]!);
    level = next;
  }
  return level[0]!;
}

/** MTH(D[0:n]) of the given leaf hashes by the recursive definition of RFC 9162 §2.1.1. */
export function rootOfLeafHashes(hasher: MerkleHasher, leafHashes: readonly Hash[]): Hash {
  if (leafHashes.length === 0) return hasher.emptyRoot;
  const mth = (lo: number, hi: number): Hash => {
    if (hi - lo === 1) return leafHashes[lo]!;
    let k = 1;
    while (k * 2 < hi - lo) k *= 2;
    return hasher.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
  };
  return mth(0, leafHashes.length);
}
