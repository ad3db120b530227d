// Authenticating a hash tile against a signed root without the entries: the tile's hashes make complete
// subtrees (one for a full tile, one per set bit of a partial tile's width, tlog-tiles §Partial Tiles), and each
// subtree's hash must be included in the tree (proof-plan.ts planNodeInclusionProof, RFC 9162 §2.1.3.2).
import { PASS, type Verdict } from '../errors.ts';
import { perfectSubtreeHash, type Hash, type MerkleHasher } from '../merkle/hasher.ts';
import { nodeTreeSize, planNodeInclusionProof, type NodeId, type ProofPlan } from '../merkle/proof-plan.ts';
import type { NodeReader } from '../merkle/prove.ts';
import { verifyInclusion } from '../merkle/verify.ts';
import { tileHashes } from './layout.ts';
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from './paths.ts';

/** The complete subtrees of a tile, left to right, with the range of tile hashes each is made of. */
export function tileNodes(tile: TileId): { node: NodeId; offset: number; count: number }[] {
  const base = tile.level * TILE_HEIGHT;
  if (tile.width === TILE_WIDTH) return [{ node: { level: base + TILE_HEIGHT, index: tile.index }, offset: 0, count: TILE_WIDTH }];
  const out: { node: NodeId; offset: number; count: number }[] = [];
  let offset = 0;
  for (let shift = TILE_HEIGHT - 1; shift >= 0; shift--) {
    if ((tile.width & (1 << shift)) === 0) continue;
    const first = tile.index * BigInt(TILE_WIDTH) + BigInt(offset);
    out.push({ node: { level: base + shift, index: first >> BigInt(shift) }, offset, count: 1 << shift });
    offset += 1 << shift;
  }
  return out;
}

/**
 * Checks that `data` is the content of `tile` in the tree of `size` leaves with `root`, reading the proof
 * nodes through `reader` (which may itself serve unauthenticated tiles: the proofs end at the signed root).
 */
export async function verifyTile(
  hasher: MerkleHasher,
  reader: NodeReader,
  size: bigint,
  root: Hash,
  tile: TileId,
  data: Uint8Array,
): Promise<Verdict> {
  const hashes = tileHashes(data, tile.width);
  if (!hashes.ok) return hashes;
  const parts = tileNodes(tile);
  const plans: ProofPlan[] = [];
  for (const part of parts) {
    const plan = planNodeInclusionProof(part.node, size);
    if (!plan.ok) return plan;
    plans.push(plan.value);
  }
  const read = await reader.readNodes(plans.flatMap((p) => p.nodes));
  if (!read.ok) return read;
  let next = 0;
  for (const [i, part] of parts.entries()) {
    const plan = plans[i]!;
    const proof = plan.assemble(hasher, read.value.slice(next, next + plan.nodes.length));
    next += plan.nodes.length;
    if (!proof.ok) return proof;
    const nodeHash = perfectSubtreeHash(hasher, hashes.value.slice(part.offset, part.offset + part.count));
    const verdict = verifyInclusion(hasher, part.node.index, nodeTreeSize(part.node, size), nodeHash, proof.value, root);
    if (!verdict.ok) return verdict;
  }
  return PASS;
}
