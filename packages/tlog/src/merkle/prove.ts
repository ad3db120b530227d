// Proof generation against stored hashes. Storage (tiles in a database, files, an HTTP mirror, memory) sits
// behind `NodeReader`; the plans of proof-plan.ts say which complete subtrees to read, all in one call.
import { type Result } from '../errors.ts';
import { toU64, type U64Like } from '../u64.ts';
import type { Hash, MerkleHasher } from './hasher.ts';
import {
  compactRangeNodes,
  planConsistencyProof,
  planInclusionProof,
  rootFromCompactRange,
  type NodeId,
  type ProofPlan,
} from './proof-plan.ts';

/**
 * Reads hashes of complete subtrees. Contract: returns one 32-byte hash per requested node, in order, or an
 * error result for data that is missing or malformed; an I/O failure may reject the promise instead.
 */
export interface NodeReader {
  readNodes(nodes: readonly NodeId[]): Result<readonly Hash[]> | Promise<Result<readonly Hash[]>>;
}

async function run(hasher: MerkleHasher, reader: NodeReader, plan: Result<ProofPlan>): Promise<Result<Hash[]>> {
  if (!plan.ok) return plan;
  const hashes = await reader.readNodes(plan.value.nodes);
  if (!hashes.ok) return hashes;
  return plan.value.assemble(hasher, hashes.value);
}

/** RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in the tree of `size` leaves. */
export function proveInclusion(
  hasher: MerkleHasher,
  reader: NodeReader,
  index: U64Like,
  size: U64Like,
): Promise<Result<Hash[]>> {
  return run(hasher, reader, planInclusionProof(index, size));
}

/** RFC 9162 §2.1.4.1 consistency proof from the tree of `size1` leaves to the tree of `size2` leaves. */
export function proveConsistency(
  hasher: MerkleHasher,
  reader: NodeReader,
  size1: U64Like,
  size2: U64Like,
): Promise<Result<Hash[]>> {
  return run(hasher, reader, planConsistencyProof(size1, size2));
}

/** MTH(D[0:size]) from the hashes of the tree's compact range. */
export async function treeRoot(hasher: MerkleHasher, reader: NodeReader, size: U64Like): Promise<Result<Hash>> {
  const s = toU64(size, 'tree size');
  if (!s.ok) return s;
  const nodes = compactRangeNodes(s.value);
  const hashes = nodes.length === 0 ? { ok: true as const, value: [] } : await reader.readNodes(nodes);
  if (!hashes.ok) return hashes;
  return { ok: true, value: rootFromCompactRange(hasher, hashes.value) };
}
