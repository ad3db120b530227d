// How each stamp stays provable while the ledger holds one leaf per batch, not one per stamp.
//
// An issuance batch (up to ISSUE_CHUNK stamps) and a status change (a print, an activation, a void…) each
// enter the transparency ledger as a single record whose content carries an RFC 9162 Merkle Tree Hash over
// one entry per stamp, in a fixed order (seq for issuance, the change's member order otherwise). A stamp's
// proof is then: its entry, its index, the RFC 9162 §2.1.3.1 audit path to that root, and the record whose
// SHA-256 the ledger logged. A million stamps cost the ledger a hundred leaves, and nothing a verifier needs
// is lost. Entries are RFC 8785 canonical JSON, so anyone can rebuild them from what the stamp shows.
import { merkleHasher, perfectSubtreeHash, proveInclusion, rootOfLeafHashes, toHex, fromHex, verifyInclusion, type Hash, type NodeId } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { canonicalJson } from '../../platform/ledger/canonical-json.ts';

const hasher = merkleHasher(nodeCrypto);
const utf8 = new TextEncoder();

/** The entry of one issued stamp: its serial and the URI printed in its QR code. */
export function issueEntry(serial: string, uri: string): string {
  return canonicalJson({ serial, uri });
}

/** The entry of one stamp in a status change: its serial and the status it moved to. */
export function statusEntry(serial: string, status: string): string {
  return canonicalJson({ serial, status });
}

function leafHashes(entries: readonly string[]): Hash[] {
  return entries.map((e) => hasher.leafHash(utf8.encode(e)));
}

/** RFC 9162 §2.1.1 Merkle Tree Hash of the entries, lowercase hex. */
export function merkleRootHex(entries: readonly string[]): string {
  return toHex(rootOfLeafHashes(hasher, leafHashes(entries)));
}

export interface StampInclusion {
  readonly entry: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** RFC 9162 §2.1.3.1 audit path, lowercase hex, leaf to root. */
  readonly auditPath: string[];
}

/** The audit path of entry `index` among `entries` (rebuilt from the entries; a batch is at most a few 10⁴). */
export async function inclusionOf(entries: readonly string[], index: number): Promise<StampInclusion> {
  const leaves = leafHashes(entries);
  const reader = {
    readNodes: (nodes: readonly NodeId[]) => {
      const out = nodes.map((n) => {
        const start = Number(n.index) << n.level;
        return perfectSubtreeHash(hasher, leaves.slice(start, start + (1 << n.level)));
      });
      return { ok: true as const, value: out };
    },
  };
  const proof = await proveInclusion(hasher, reader, index, entries.length);
  if (!proof.ok) throw new Error(`inclusion proof failed: ${proof.error.code}`);
  return { entry: entries[index]!, leafIndex: index, treeSize: entries.length, auditPath: proof.value.map(toHex) };
}

/** Checks a stamp's inclusion against a root, as any verifier would. */
export function verifyStampInclusion(inclusion: StampInclusion, rootHex: string): boolean {
  const root = fromHex(rootHex);
  const path = inclusion.auditPath.map(fromHex);
  if (!root || path.some((p) => p === undefined)) return false;
  const leaf = hasher.leafHash(utf8.encode(inclusion.entry));
  return verifyInclusion(hasher, inclusion.leafIndex, inclusion.treeSize, leaf, path as Hash[], root).ok;
}
