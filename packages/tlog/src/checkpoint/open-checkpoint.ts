// Verifying a signed checkpoint as a log client does: signed by the log (tlog-checkpoint §Signatures), for the
// expected origin, and cosigned by enough witnesses (tlog-cosignature; a k-of-n quorum as in tlog-policy).
import { bytesEqual, fromHex } from '../bytes.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { NoteVerifier } from '../note/key-id.ts';
import { openNote, type OpenedNote, type VerifiedSignature } from '../note/signed-note.ts';
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';

/** RFC 9162 §2.1.1: MTH({}) = SHA-256() — the only valid root of a size-0 checkpoint (tlog-witness). */
export const EMPTY_TREE_ROOT = fromHex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')!;

export interface CheckpointPolicy {
  /** The origin line the client expects; any origin when absent. */
  readonly origin?: string;
  /** The log's keys: at least one of them must have signed. */
  readonly logKeys: readonly NoteVerifier[];
  /** Known witnesses (normally type 0x04 cosigners); signatures by others are ignored. */
  readonly witnessKeys?: readonly NoteVerifier[];
  /** How many distinct known witnesses must have cosigned (k of n). Default 0. */
  readonly quorum?: number;
}

export interface VerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The checkpoint note text (what every signature covers). */
  readonly text: string;
  readonly note: OpenedNote;
  readonly logSignatures: readonly VerifiedSignature[];
  /** Verified witness cosignatures, one per witness, with their timestamps. */
  readonly cosignatures: readonly VerifiedSignature[];
}

export function openCheckpoint(message: string | Uint8Array, policy: CheckpointPolicy): Result<VerifiedCheckpoint> {
  const witnesses = policy.witnessKeys ?? [];
  const note = openNote(message, [...policy.logKeys, ...witnesses]);
  if (!note.ok) return note;
  const logSignatures = note.value.verified.filter((s) => policy.logKeys.includes(s.verifier));
  if (logSignatures.length === 0) return fail('CHECKPOINT_NOT_LOG_SIGNED');
  const checkpoint = parseCheckpoint(note.value.text);
  if (!checkpoint.ok) return checkpoint;
  const cp = checkpoint.value;
  if (policy.origin !== undefined && cp.origin !== policy.origin) {
    return fail('CHECKPOINT_ORIGIN_MISMATCH', { expected: policy.origin, actual: cp.origin });
  }
  if (cp.size === 0n && !bytesEqual(cp.root, EMPTY_TREE_ROOT)) return fail('CHECKPOINT_BAD_EMPTY_ROOT');
  const cosignatures = note.value.verified.filter((s) => witnesses.includes(s.verifier));
  const need = policy.quorum ?? 0;
  if (cosignatures.length < need) return fail('WITNESS_QUORUM_NOT_MET', { have: cosignatures.length, need });
  return ok({ checkpoint: cp, text: note.value.text, note: note.value, logSignatures, cosignatures });
}
