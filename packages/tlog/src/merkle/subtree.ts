// Subtrees [start, end) of draft-ietf-plants-merkle-tree-certs §4 (used by tlog-cosignature's ML-DSA subtree
// cosignatures and tlog-witness sign-subtree): a valid subtree has the shape of a whole tree of end − start
// leaves, so its inclusion proofs are RFC 9162 inclusion proofs relative to start.
import { bytesEqual } from '../bytes.ts';
import { fail, ok, PASS, type Result, type Verdict } from '../errors.ts';
import { bitLength, toU64, trailingZeros, type U64Like } from '../u64.ts';
import { checkHash, type Hash, type MerkleHasher } from './hasher.ts';
import { foldRange, planFromRanges, planInclusionProof, type LeafRange, type ProofPlan } from './proof-plan.ts';
import { verifyInclusion } from './verify.ts';

/** A valid subtree: start ≤ end, and start = 0, or start = end, or start a multiple of BIT_CEIL(end − start). */
export function isValidSubtree(start: bigint, end: bigint): boolean {
  if (start < 0n || start > end) return false;
  if (start === 0n || start === end) return true;
  let width = 1n;
  while (width < end - start) width <<= 1n;
  return start % width === 0n;
}

function checkSubtree(index: U64Like, start: U64Like, end: U64Like): Result<{ index: bigint; start: bigint; end: bigint }> {
  const i = toU64(index, 'index');
  const s = toU64(start, 'subtree start');
  const e = toU64(end, 'subtree end');
  if (!i.ok) return i;
  if (!s.ok) return s;
  if (!e.ok) return e;
  if (!isValidSubtree(s.value, e.value) || i.value < s.value || i.value >= e.value) {
    return fail('TLOG_INDEX_OUT_OF_RANGE', { index: i.value, size: e.value });
  }
  return ok({ index: i.value, start: s.value, end: e.value });
}

/** The inclusion proof of leaf `index` in the subtree [start, end). */
export function planSubtreeInclusionProof(index: U64Like, start: U64Like, end: U64Like): Result<ProofPlan> {
  const checked = checkSubtree(index, start, end);
  if (!checked.ok) return checked;
  const { index: i, start: s, end: e } = checked.value;
  const relative = planInclusionProof(i - s, e - s);
  if (!relative.ok) return relative;
  return ok(planFromRanges(relative.value.ranges.map((r) => ({ start: r.start + s, end: r.end + s }))));
}

/** Does `proof` show that `leafHash` is leaf `index` of the subtree [start, end) whose hash is `root`? */
export function verifySubtreeInclusion(
  hasher: MerkleHasher,
  index: U64Like,
  start: U64Like,
  end: U64Like,
  leafHash: Hash,
  proof: readonly Hash[],
  root: Hash,
): Verdict {
  const checked = checkSubtree(index, start, end);
  if (!checked.ok) return checked;
  const { index: i, start: s, end: e } = checked.value;
  return verifyInclusion(hasher, i - s, e - s, leafHash, proof, root);
}

/**
 * The inclusion proof of the level-L "super-leaf" `index` (leaves [index·2^L, (index+1)·2^L) ∩ [0, size)) in
 * the tree of `size` leaves: the tree over super-leaves splits where the tree over leaves does (RFC 9162
 * §2.1.1), so this is an RFC 9162 inclusion proof in a tree of ⌈size / 2^L⌉ leaves, with leaf ranges scaled.
 */
function superLeafRanges(index: bigint, level: bigint, size: bigint): LeafRange[] {
  const leaves = (size + (1n << level) - 1n) >> level;
  const plan = planInclusionProof(index, leaves);
  if (!plan.ok) return [];
  return plan.value.ranges.map((r) => ({ start: r.start << level, end: r.end << level < size ? r.end << level : size }));
}

interface ConsistencyShape {
  /** Empty subtree, or the whole tree: nothing to prove. */
  readonly trivial: boolean;
  /** The super-leaf whose inclusion the proof shows, and the tree of super-leaves it sits in. */
  readonly index: bigint;
  readonly level: bigint;
  /** Whether the proof starts with the seed hash (the subtree is not one complete node). */
  readonly seeded: boolean;
  readonly ranges: LeafRange[];
}

/**
 * draft-ietf-plants-merkle-tree-certs §4.4 (as transparency-dev/merkle implements it): a subtree that ends the
 * tree is proved by the left siblings of its path; otherwise by the inclusion proof of its last complete
 * subtree N, preceded by N's hash unless N is the whole subtree.
 */
function consistencyShape(start: bigint, end: bigint, size: bigint): ConsistencyShape {
  if (start === end || (start === 0n && end === size)) return { trivial: true, index: 0n, level: 0n, seeded: false, ranges: [] };
  if (end === size) {
    const level = BigInt(bitLength((end - 1n) ^ start));
    const index = start >> level;
    return { trivial: false, index, level, seeded: false, ranges: superLeafRanges(index, level, size) };
  }
  const level = BigInt(trailingZeros(end - start));
  const index = (end - 1n) >> level;
  const seeded = ((end - start) & (end - start - 1n)) !== 0n;
  const own = { start: index << level, end: (index + 1n) << level };
  return { trivial: false, index, level, seeded, ranges: [...(seeded ? [own] : []), ...superLeafRanges(index, level, size)] };
}

function checkConsistency(start: U64Like, end: U64Like, size: U64Like): Result<{ start: bigint; end: bigint; size: bigint }> {
  const s = toU64(start, 'subtree start');
  const e = toU64(end, 'subtree end');
  const n = toU64(size, 'tree size');
  if (!s.ok) return s;
  if (!e.ok) return e;
  if (!n.ok) return n;
  if (!isValidSubtree(s.value, e.value)) return fail('TLOG_INDEX_OUT_OF_RANGE', { index: s.value, size: e.value });
  if (e.value > n.value) return fail('TLOG_SIZE_ORDER', { size1: e.value, size2: n.value });
  return ok({ start: s.value, end: e.value, size: n.value });
}

/** The subtree consistency proof of [start, end) in the tree of `size` leaves. */
export function planSubtreeConsistencyProof(start: U64Like, end: U64Like, size: U64Like): Result<ProofPlan> {
  const checked = checkConsistency(start, end, size);
  if (!checked.ok) return checked;
  return ok(planFromRanges(consistencyShape(checked.value.start, checked.value.end, checked.value.size).ranges));
}

/** Does `proof` show that the subtree [start, end) with hash `subtreeRoot` is part of the tree (size, root)? */
export function verifySubtreeConsistency(
  hasher: MerkleHasher,
  start: U64Like,
  end: U64Like,
  size: U64Like,
  proof: readonly Hash[],
  subtreeRoot: Hash,
  root: Hash,
): Verdict {
  const checked = checkConsistency(start, end, size);
  if (!checked.ok) return checked;
  const { start: s, end: e, size: n } = checked.value;
  const shape = consistencyShape(s, e, n);
  if (shape.trivial) {
    if (proof.length !== 0) return fail('TLOG_BAD_CONSISTENCY_PROOF');
    // An empty subtree is consistent with every tree, if its hash is MTH({}); the whole tree is itself.
    if (s === e) return bytesEqual(subtreeRoot, hasher.emptyRoot) ? PASS : fail('TLOG_ROOT_MISMATCH', { size: 0 });
    return bytesEqual(subtreeRoot, root) ? PASS : fail('TLOG_ROOT_MISMATCH', { size: n });
  }
  if (proof.length !== shape.ranges.length) return fail('TLOG_BAD_CONSISTENCY_PROOF');
  for (const h of [...proof, subtreeRoot, root]) {
    const shaped = checkHash(h, 'proof');
    if (!shaped.ok) return shaped;
  }
  // The seed (N, or the subtree itself) and the proof give the root of the whole tree ...
  const seed = shape.seeded ? proof[0]! : subtreeRoot;
  const path = shape.seeded ? proof.slice(1) : proof;
  const leaves = (n + (1n << shape.level) - 1n) >> shape.level;
  const included = verifyInclusion(hasher, shape.index, leaves, seed, path, root);
  if (!included.ok) return fail('TLOG_BAD_CONSISTENCY_PROOF');
  if (!shape.seeded) return PASS;
  // ... and the proof elements inside [start, end), with N, give the subtree's own hash.
  const inside = shape.ranges
    .map((range, i) => ({ range, hash: proof[i]! }))
    .filter(({ range }) => range.start >= s && range.end <= e)
    .sort((a, b) => (a.range.start < b.range.start ? -1 : 1));
  const covered = inside.reduce((sum, p) => sum + (p.range.end - p.range.start), 0n);
  if (covered !== e - s || !bytesEqual(foldRange(hasher, inside.map((p) => p.hash)), subtreeRoot)) {
    return fail('TLOG_BAD_CONSISTENCY_PROOF');
  }
  return PASS;
}
