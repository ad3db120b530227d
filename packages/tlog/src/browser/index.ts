// `@txng/tlog/browser`: what the public scan page's "verify" button needs, bundled by
// scripts/build-browser.ts into one small ESM file: check a c2sp.org/tlog-proof against the log's verifier key
// (and optionally a witness quorum) with the verify-only primitives.
import { compactCrypto } from '../crypto/compact/index.ts';
import { fail, ok, type Result } from '../errors.ts';
import { merkleHasher, type Hash } from '../merkle/hasher.ts';
import { parseVerifierKey } from '../note/keys.ts';
import type { NoteVerifier } from '../note/key-id.ts';
import { verifyTlogProof } from '../proof/tlog-proof.ts';

// The message catalogue (6 KB of text) is left out: pages map the error code with their own catalogue.
export { fromBase64, fromHex, toHex } from '../bytes.ts';

export interface RecordProofInput {
  /** The c2sp.org/tlog-proof text. */
  readonly proof: string;
  /** The logged entry (its RFC 9162 leaf hash is computed here), or its leaf hash. */
  readonly entry?: Uint8Array;
  readonly leafHash?: Hash;
  /** The log's verifier key, `<name>+<hex key ID>+<base64>`. */
  readonly logKey: string;
  /** The expected checkpoint origin; defaults to the log key's name. */
  readonly origin?: string;
  readonly witnessKeys?: readonly string[];
  /** Cosignatures required from distinct witnesses (k of n). */
  readonly quorum?: number;
}

export interface RecordProofResult {
  readonly index: bigint;
  readonly treeSize: bigint;
  readonly origin: string;
  readonly cosigners: readonly { readonly name: string; readonly timestamp?: bigint }[];
}

export function verifyRecordProof(input: RecordProofInput): Result<RecordProofResult> {
  const hasher = merkleHasher(compactCrypto);
  const keys: NoteVerifier[] = [];
  for (const vkey of [input.logKey, ...(input.witnessKeys ?? [])]) {
    const key = parseVerifierKey(compactCrypto, vkey);
    if (!key.ok) return key;
    keys.push(key.value);
  }
  const [logKey, ...witnessKeys] = keys as [NoteVerifier, ...NoteVerifier[]];
  const leafHash = input.leafHash ?? (input.entry ? hasher.leafHash(input.entry) : undefined);
  if (!leafHash) return fail('TLOG_BAD_HASH_SIZE', { what: 'leaf', size: 0 });
  const verified = verifyTlogProof(hasher, input.proof, leafHash, {
    origin: input.origin ?? logKey.name,
    logKeys: [logKey],
    witnessKeys,
    quorum: input.quorum ?? 0,
  });
  if (!verified.ok) return verified;
  const cp = verified.value.checkpoint;
  return ok({
    index: verified.value.proof.index,
    treeSize: cp.checkpoint.size,
    origin: cp.checkpoint.origin,
    cosigners: cp.cosignatures.map((s) => ({ name: s.name, ...(s.timestamp === undefined ? {} : { timestamp: s.timestamp }) })),
  });
}
