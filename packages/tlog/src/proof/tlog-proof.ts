// c2sp.org/tlog-proof: an offline-verifiable proof that an entry is in a log — header, optional extra data,
// entry index, RFC 6962 §2.1.1 inclusion proof hashes, a blank line, then the signed checkpoint verbatim.
import { fromBase64, toBase64 } from '../bytes.ts';
import { fail, ok, type Result } from '../errors.ts';
import { openCheckpoint, type CheckpointPolicy, type VerifiedCheckpoint } from '../checkpoint/open-checkpoint.ts';
import { HASH_SIZE, type Hash, type MerkleHasher } from '../merkle/hasher.ts';
import { verifyInclusion } from '../merkle/verify.ts';
import { parseDecimalU64 } from '../u64.ts';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** A tree of 2^64 leaves needs at most 64 proof hashes. */
const MAX_PROOF_HASHES = 64;

export interface TlogProof {
  /** Opaque, unauthenticated application data (§Format: "MUST NOT implicitly trust"). */
  readonly extra?: Uint8Array;
  readonly index: bigint;
  readonly proof: readonly Hash[];
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string;
}

export function parseTlogProof(text: string): Result<TlogProof> {
  const bad = (line: number) => fail('PROOF_MALFORMED', { line }, line);
  const lines = text.split('\n');
  if (lines[0] !== TLOG_PROOF_HEADER) return bad(1);
  let at = 1;
  let extra: Uint8Array | undefined;
  if (lines[at]?.startsWith('extra ')) {
    extra = fromBase64(lines[at]!.slice('extra '.length));
    if (extra === undefined) return bad(at + 1);
    at++;
  }
  const indexLine = lines[at];
  const index = indexLine?.startsWith('index ') ? parseDecimalU64(indexLine.slice('index '.length)) : undefined;
  if (index === undefined) return bad(at + 1);
  at++;
  const proof: Hash[] = [];
  for (; at < lines.length && lines[at] !== ''; at++) {
    const hash = fromBase64(lines[at]!);
    if (hash === undefined || hash.length !== HASH_SIZE || proof.length === MAX_PROOF_HASHES) return bad(at + 1);
    proof.push(hash);
  }
  if (at >= lines.length) return bad(at + 1); // no blank line before the checkpoint
  const checkpoint = lines.slice(at + 1).join('\n');
  if (checkpoint === '') return bad(at + 2);
  return ok({ ...(extra === undefined ? {} : { extra }), index, proof, checkpoint });
}

export function formatTlogProof(proof: TlogProof): string {
  const lines = [TLOG_PROOF_HEADER];
  if (proof.extra !== undefined) lines.push(`extra ${toBase64(proof.extra)}`);
  lines.push(`index ${proof.index}`, ...proof.proof.map(toBase64), '');
  return `${lines.join('\n')}\n${proof.checkpoint}`;
}

export interface VerifiedTlogProof {
  readonly proof: TlogProof;
  readonly checkpoint: VerifiedCheckpoint;
}

/**
 * §Verifying a tlog proof: steps 2-3 (the checkpoint is signed by the log for the expected origin and cosigned
 * by a quorum of witnesses) and step 4 (the inclusion proof binds `leafHash`, computed by the caller in step 1,
 * to the checkpoint's root).
 */
export function verifyTlogProof(
  hasher: MerkleHasher,
  text: string,
  leafHash: Hash,
  policy: CheckpointPolicy,
): Result<VerifiedTlogProof> {
  const proof = parseTlogProof(text);
  if (!proof.ok) return proof;
  const checkpoint = openCheckpoint(proof.value.checkpoint, policy);
  if (!checkpoint.ok) return checkpoint;
  const cp = checkpoint.value.checkpoint;
  const included = verifyInclusion(hasher, proof.value.index, cp.size, leafHash, proof.value.proof, cp.root);
  if (!included.ok) return included;
  return ok({ proof: proof.value, checkpoint: checkpoint.value });
}
