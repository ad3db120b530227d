// Proof generation in two steps, so storage can be read in one batch: plan which complete subtrees a proof
// needs (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF/SUBPROOF), read their hashes, then assemble the proof.
import { fail, ok, type Result } from '../errors.ts';
import { bitLength, splitPoint, toU64, type U64Like } from '../u64.ts';
import { checkHash, type Hash, type MerkleHasher } from './hasher.ts';

/** The complete subtree of 2^level leaves starting at leaf index × 2^level. */
export interface NodeId {
  readonly level: number;
  readonly index: bigint;
}

/** A half-open leaf range [start, end). */
export interface LeafRange {
  readonly start: bigint;
  readonly end: bigint;
}

export interface ProofPlan {
  /** The proof elements, deepest first, each the MTH of one leaf range. */
  readonly ranges: readonly LeafRange[];
  /** The complete subtrees to read, in the order `assemble` expects their hashes; never repeated. */
  readonly nodes: readonly NodeId[];
  /** Folds the hashes of `nodes` into the proof: one 32-byte hash per range. */
  assemble(hasher: MerkleHasher, hashes: readonly Hash[]): Result<Hash[]>;
}

/**
 * The complete subtrees whose hashes make MTH(D[start:end]) under RFC 9162 §2.1.1: one per set bit of the
 * range size, largest (leftmost) first. The range must start at a multiple of the smallest power of two not
 * below its size, which every range of a proof or a tree prefix does.
 */
export function rangeNodes(range: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let position = range.start;
  const size = range.end - range.start;
  for (let level = bitLength(size) - 1; level >= 0; level--) {
    const width = 1n << BigInt(level);
    if ((size & width) === 0n) continue;
    nodes.push({ level, index: position >> BigInt(level) });
    position += width;
  }
  return nodes;
}

/** Folds the hashes of `rangeNodes(range)` right to left into the range's MTH. */
export function foldRange(hasher: MerkleHasher, hashes: readonly Hash[]): Hash {
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hasher.nodeHash(hashes[i]!, acc);
  return acc;
}

/** A plan whose proof elements are the MTHs of the given (aligned) leaf ranges. */
export function planFromRanges(ranges: LeafRange[]): ProofPlan {
  const perRange = ranges.map(rangeNodes);
  const nodes = perRange.flat();
  return {
    ranges,
    nodes,
    assemble(hasher, hashes) {
      if (hashes.length !== nodes.length) return fail('TLOG_READER_MISMATCH', { what: 'proof nodes' });
      for (const h of hashes) {
        const checked = checkHash(h, 'node');
        if (!checked.ok) return checked;
      }
      const proof: Hash[] = [];
      let next = 0;
      for (const group of perRange) {
        proof.push(foldRange(hasher, hashes.slice(next, next + group.length)));
        next += group.length;
      }
      return ok(proof);
    },
  };
}

/** RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of `size` leaves. */
export function planInclusionProof(index: U64Like, size: U64Like): Result<ProofPlan> {
  const m = toU64(index, 'index');
  const n = toU64(size, 'tree size');
  if (!m.ok) return m;
  if (!n.ok) return n;
  if (m.value >= n.value) return fail('TLOG_INDEX_OUT_OF_RANGE', { index: m.value, size: n.value });
  const ranges: LeafRange[] = [];
  let lo = 0n;
  let hi = n.value;
  while (hi - lo > 1n) {
    const k = splitPoint(hi - lo);
    if (m.value < lo + k) {
      ranges.push({ start: lo + k, end: hi }); // PATH(m, D[0:k]) : MTH(D[k:n])
      hi = lo + k;
    } else {
      ranges.push({ start: lo, end: lo + k }); // PATH(m - k, D[k:n]) : MTH(D[0:k])
      lo += k;
    }
  }
  return ok(planFromRanges(ranges.reverse()));
}

/**
 * RFC 9162 §2.1.4.1: the consistency proof from the tree of `size1` leaves to the tree of `size2` leaves.
 * Equal sizes give the empty proof; size1 = 0 < size2 has no proof (c2sp.org/tlog-witness sends none).
 */
export function planConsistencyProof(size1: U64Like, size2: U64Like): Result<ProofPlan> {
  const m = toU64(size1, 'old tree size');
  const n = toU64(size2, 'new tree size');
  if (!m.ok) return m;
  if (!n.ok) return n;
  if (m.value > n.value) return fail('TLOG_SIZE_ORDER', { size1: m.value, size2: n.value });
  if (m.value === n.value) return ok(planFromRanges([]));
  if (m.value === 0n) return fail('TLOG_EMPTY_TREE_CONSISTENCY');
  const ranges: LeafRange[] = [];
  let lo = 0n;
  let hi = n.value;
  let complete = true; // SUBPROOF's flag b: the old tree is a complete subtree known to the verifier
  while (m.value !== hi) {
    const k = splitPoint(hi - lo);
    if (m.value - lo <= k) {
      ranges.push({ start: lo + k, end: hi }); // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
      hi = lo + k;
    } else {
      ranges.push({ start: lo, end: lo + k }); // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
      lo += k;
      complete = false;
    }
  }
  if (!complete) ranges.push({ start: lo, end: hi }); // SUBPROOF(m, D[m], false) = {MTH(D[m])}
  return ok(planFromRanges(ranges.reverse()));
}

/**
 * The inclusion proof of a complete subtree (e.g. the nodes a tile's hashes make) in the tree of `size`
 * leaves. The tree over `size` leaves has the same shape as the tree over its ⌈size / 2^L⌉ level-L subtrees
 * (RFC 9162 §2.1.1 splits at the same points), so this is the inclusion proof of "leaf" `node.index` in that
 * tree, verified with verifyInclusion(hasher, node.index, nodeTreeSize(node, size), nodeHash, proof, root).
 */
export function planNodeInclusionProof(node: NodeId, size: U64Like): Result<ProofPlan> {
  const s = toU64(size, 'tree size');
  if (!s.ok) return s;
  const level = BigInt(node.level);
  if (node.level < 0 || node.level > 63 || node.index < 0n || (node.index + 1n) << level > s.value) {
    return fail('TLOG_INDEX_OUT_OF_RANGE', { index: node.index, size: s.value });
  }
  const scaled = planInclusionProof(node.index, nodeTreeSize(node, s.value));
  if (!scaled.ok) return scaled;
  const ranges = scaled.value.ranges.map((r) => {
    const end = r.end << level;
    return { start: r.start << level, end: end < s.value ? end : s.value };
  });
  return ok(planFromRanges(ranges));
}

/** ⌈size / 2^level⌉: the size of the tree whose leaves are the level-L subtrees of the tree of `size` leaves. */
export function nodeTreeSize(node: NodeId, size: bigint): bigint {
  const width = 1n << BigInt(node.level);
  return (size + width - 1n) / width;
}

/** The complete subtrees of the tree of `size` leaves, largest first (its compact range [0, size)). */
export function compactRangeNodes(size: bigint): NodeId[] {
  return rangeNodes({ start: 0n, end: size });
}

/** The root of a tree from the hashes of its compact range (`compactRangeNodes`); the empty tree has none. */
export function rootFromCompactRange(hasher: MerkleHasher, hashes: readonly Hash[]): Hash {
  return hashes.length === 0 ? hasher.emptyRoot : foldRange(hasher, hashes);
}
