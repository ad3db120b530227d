// Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) describe it, with
// the preconditions of the transparency-dev/merkle test vectors.
import { bytesEqual } from '../bytes.ts';
import { fail, ok, PASS, type Result, type Verdict } from '../errors.ts';
import { toU64, type U64Like } from '../u64.ts';
import { checkHash, type Hash, type MerkleHasher } from './hasher.ts';

function checkAll(hashes: readonly Uint8Array[], what: string): Verdict {
  for (const h of hashes) {
    const checked = checkHash(h, what);
    if (!checked.ok) return checked;
  }
  return PASS;
}

/**
 * RFC 9162 §2.1.3.2: the root that the inclusion proof yields for `leafHash` at `index` in a tree of `size`
 * leaves, or an error when the proof has the wrong shape.
 */
export function rootFromInclusionProof(
  hasher: MerkleHasher,
  index: U64Like,
  size: U64Like,
  leafHash: Hash,
  proof: readonly Hash[],
): Result<Hash> {
  const i = toU64(index, 'index');
  const n = toU64(size, 'tree size');
  if (!i.ok) return i;
  if (!n.ok) return n;
  if (i.value >= n.value) return fail('TLOG_INDEX_OUT_OF_RANGE', { index: i.value, size: n.value });
  const shapes = [checkHash(leafHash, 'leaf'), checkAll(proof, 'proof')];
  for (const s of shapes) if (!s.ok) return s;

  let fn = i.value;
  let sn = n.value - 1n;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0n) return fail('TLOG_BAD_INCLUSION_PROOF'); // proof longer than the path
    if ((fn & 1n) === 1n || fn === sn) {
      r = hasher.nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = hasher.nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return fail('TLOG_BAD_INCLUSION_PROOF'); // proof shorter than the path
  return ok(r);
}

/** RFC 9162 §2.1.3.2: does `proof` show that `leafHash` is leaf `index` of the tree of `size` with `root`? */
export function verifyInclusion(
  hasher: MerkleHasher,
  index: U64Like,
  size: U64Like,
  leafHash: Hash,
  proof: readonly Hash[],
  root: Hash,
): Verdict {
  const computed = rootFromInclusionProof(hasher, index, size, leafHash, proof);
  if (!computed.ok) return computed;
  const shape = checkHash(root, 'root');
  if (!shape.ok) return shape;
  return bytesEqual(computed.value, root) ? PASS : fail('TLOG_BAD_INCLUSION_PROOF');
}

export interface ConsistencyOptions {
  /**
   * Accept size1 = 0 with an empty proof, as c2sp.org/tlog-witness does ("the empty tree is consistent with
   * any tree"). Off by default: RFC 9162 defines no such proof and the transparency-dev vectors reject it.
   */
  readonly acceptEmptyOldTree?: boolean;
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree (size2, root2) extends the tree (size1, root1)? */
export function verifyConsistency(
  hasher: MerkleHasher,
  size1: U64Like,
  size2: U64Like,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
  options: ConsistencyOptions = {},
): Verdict {
  const a = toU64(size1, 'old tree size');
  const b = toU64(size2, 'new tree size');
  if (!a.ok) return a;
  if (!b.ok) return b;
  const first = a.value;
  const second = b.value;
  if (first > second) return fail('TLOG_SIZE_ORDER', { size1: first, size2: second });
  if (first === 0n) {
    if (options.acceptEmptyOldTree && proof.length === 0) return PASS;
    return fail('TLOG_EMPTY_TREE_CONSISTENCY');
  }
  if (first === second) {
    if (proof.length !== 0) return fail('TLOG_BAD_CONSISTENCY_PROOF');
    return bytesEqual(root1, root2) ? PASS : fail('TLOG_ROOT_MISMATCH', { size: first });
  }
  // Step 1: an empty path never proves anything between different sizes.
  if (proof.length === 0) return fail('TLOG_BAD_CONSISTENCY_PROOF');
  const shapes = [checkHash(root1, 'old root'), checkHash(root2, 'new root'), checkAll(proof, 'proof')];
  for (const s of shapes) if (!s.ok) return s;

  // Step 2: when the old tree is a complete subtree, the verifier already knows its hash.
  const path = (first & (first - 1n)) === 0n ? [root1, ...proof] : proof;
  // Steps 3-4.
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  // Step 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // Step 6.
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0n) return fail('TLOG_BAD_CONSISTENCY_PROOF');
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hasher.nodeHash(c, fr);
      sr = hasher.nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = hasher.nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  // Step 7.
  if (sn !== 0n || !bytesEqual(fr, root1) || !bytesEqual(sr, root2)) return fail('TLOG_BAD_CONSISTENCY_PROOF');
  return PASS;
}
