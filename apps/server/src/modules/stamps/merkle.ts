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
import { SERIAL_LENGTH } from './serials.ts';

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

/**
 * RFC 9162 §2.1.1 Merkle Tree Hash, lowercase hex, of the issue entries of a block of serials (serial-block.ts)
 * in block order: the root `merkleRootHex(serials.map((s) => issueEntry(s, uriPrefix + s)))` gives, computed on
 * bytes for a whole issuance chunk. A generator: it yields every 1,024 hashes so that a caller can let
 * other work run (issuance-job.ts prepares the next chunk while PostgreSQL writes the current one);
 * `issueRootHex` runs it to the end.
 */
export function* issueRootSteps(serials: Buffer, uriPrefix: string): Generator<void, string, void> {
  const count = serials.length / SERIAL_LENGTH;
  if (count === 0) return toHex(hasher.emptyRoot);
  const sha256 = hasher.crypto.sha256;
  // The entry is RFC 8785 JSON {"serial":S,"uri":prefix+S}: "serial" sorts before "uri", and a serial
  // (Crockford base32) needs no escaping, so the URI's JSON string is the prefix's JSON string with S before
  // its closing quote. Only the two copies of S change from one leaf to the next.
  const uriJson = canonicalJson(uriPrefix);
  const head = Buffer.from('\u0000{"serial":"', 'utf8'); // 0x00 first: the RFC 9162 leaf prefix
  const mid = Buffer.from(`","uri":${uriJson.slice(0, -1)}`, 'utf8');
  const leaf = Buffer.concat([head, Buffer.alloc(SERIAL_LENGTH), mid, Buffer.alloc(SERIAL_LENGTH), Buffer.from('"}', 'utf8')]);
  const at1 = head.length;
  const at2 = at1 + SERIAL_LENGTH + mid.length;
  // Leaf hashes, then each level in place: a pair's parent replaces the pair's left half; an odd last node is
  // carried up as it is, which builds the same tree as §2.1.1's split at the largest power of two below n.
  const level = Buffer.allocUnsafe(count * 32);
  // Byte loops, not Buffer#copy: for 16 to 64 bytes the call costs more than the copy.
  for (let i = 0; i < count; i++) {
    for (let k = 0, from = i * SERIAL_LENGTH; k < SERIAL_LENGTH; k++) leaf[at1 + k] = leaf[at2 + k] = serials[from + k]!;
    put(level, i * 32, sha256(leaf));
    if ((i & 1023) === 1023) yield;
  }
  const node = Buffer.alloc(65);
  node[0] = 0x01;
  let steps = 0;
  for (let n = count; n > 1; ) {
    const half = n >> 1;
    for (let i = 0; i < half; i++) {
      for (let k = 0, from = i * 64; k < 64; k++) node[1 + k] = level[from + k]!;
      put(level, i * 32, sha256(node));
      if ((++steps & 1023) === 0) yield;
    }
    if (n & 1) put(level, half * 32, level.subarray((n - 1) * 32, n * 32));
    n = half + (n & 1);
  }
  return level.toString('hex', 0, 32);
}

function put(to: Uint8Array, at: number, hash: Uint8Array): void {
  for (let k = 0; k < 32; k++) to[at + k] = hash[k]!;
}

/** `issueRootSteps` run to the end. */
export function issueRootHex(serials: Buffer, uriPrefix: string): string {
  const steps = issueRootSteps(serials, uriPrefix);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
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
