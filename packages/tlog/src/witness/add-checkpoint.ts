// c2sp.org/tlog-witness §add-checkpoint, the pure half: the request body format and the checks a witness
// makes before cosigning, each mapped to the HTTP status the spec names. Persisting the new state atomically
// with the check, and signing, stay with the server.
import { bytesEqual, fromBase64, toBase64 } from '../bytes.ts';
import { fail, ok, type Result } from '../errors.ts';
import { parseCheckpoint, type Checkpoint } from '../checkpoint/checkpoint.ts';
import { EMPTY_TREE_ROOT } from '../checkpoint/open-checkpoint.ts';
import { HASH_SIZE, type Hash, type MerkleHasher } from '../merkle/hasher.ts';
import { verifyConsistency } from '../merkle/verify.ts';
import type { NoteVerifier } from '../note/key-id.ts';
import { openNote, type OpenedNote } from '../note/signed-note.ts';
import { parseDecimalU64 } from '../u64.ts';

/** "The client MUST NOT send more than 63 consistency proof lines." */
export const MAX_WITNESS_PROOF_LINES = 63;

export interface AddCheckpointRequest {
  readonly oldSize: bigint;
  readonly proof: readonly Hash[];
  /** The signed checkpoint note. */
  readonly checkpoint: string;
}

/** Parses `old <size>\n`, proof lines, a blank line, then the checkpoint. Errors map to 400. */
export function parseAddCheckpointRequest(body: string): Result<AddCheckpointRequest> {
  const lines = body.split('\n');
  const oldSize = lines[0]?.startsWith('old ') ? parseDecimalU64(lines[0].slice(4)) : undefined;
  if (oldSize === undefined) return fail('WITNESS_BAD_REQUEST', { line: 1 }, 1);
  const proof: Hash[] = [];
  let at = 1;
  for (; at < lines.length && lines[at] !== ''; at++) {
    const hash = fromBase64(lines[at]!);
    if (!hash || hash.length !== HASH_SIZE || proof.length === MAX_WITNESS_PROOF_LINES) {
      return fail('WITNESS_BAD_REQUEST', { line: at + 1 }, at + 1);
    }
    proof.push(hash);
  }
  const checkpoint = lines.slice(at + 1).join('\n');
  if (at >= lines.length || checkpoint === '') return fail('WITNESS_BAD_REQUEST', { line: at + 1 }, at + 1);
  return ok({ oldSize, proof, checkpoint });
}

export function formatAddCheckpointRequest(request: AddCheckpointRequest): string {
  return `old ${request.oldSize}\n${request.proof.map((h) => `${toBase64(h)}\n`).join('')}\n${request.checkpoint}`;
}

/** What the witness knows: trusted log keys per origin, and its latest cosigned state per origin. */
export interface WitnessView {
  logKeys(origin: string): readonly NoteVerifier[] | undefined;
  latest(origin: string): { readonly size: bigint; readonly root: Hash } | undefined;
}

export type AddCheckpointOutcome =
  | { readonly status: 200; readonly checkpoint: Checkpoint; readonly text: string; readonly note: OpenedNote }
  | { readonly status: 400 | 403 | 404 | 422; readonly reason: string }
  /** 409 Conflict: the body must be `${latestSize}\n` with Content-Type text/x.tlog.size. */
  | { readonly status: 409; readonly latestSize: bigint };

/**
 * The checks of tlog-witness §add-checkpoint, in the spec's order. On 200 the caller cosigns `text` and
 * persists (size, root) — atomically with having checked `latest`, or two requests can roll the state back.
 */
export function checkAddCheckpoint(hasher: MerkleHasher, body: string, view: WitnessView): AddCheckpointOutcome {
  const request = parseAddCheckpointRequest(body);
  if (!request.ok) return { status: 400, reason: 'malformed request' };
  const { oldSize, proof, checkpoint: message } = request.value;
  // The origin is the first line of the note text; find the keys before trusting anything else.
  const origin = message.slice(0, Math.max(0, message.indexOf('\n')));
  const keys = view.logKeys(origin);
  if (!keys || keys.length === 0) return { status: 404, reason: 'unknown origin' };
  const note = openNote(message, keys);
  if (!note.ok) {
    const unverified = ['NOTE_UNKNOWN_KEY', 'NOTE_BAD_SIGNATURE', 'NOTE_AMBIGUOUS_KEY'].includes(note.error.code);
    const malformed = !unverified;
    return malformed ? { status: 400, reason: 'malformed checkpoint' } : { status: 403, reason: 'no valid log signature' };
  }
  const parsed = parseCheckpoint(note.value.text);
  if (!parsed.ok || parsed.value.origin !== origin) return { status: 400, reason: 'malformed checkpoint' };
  const cp = parsed.value;
  if (oldSize > cp.size) return { status: 400, reason: 'old size above checkpoint size' };
  const latest = view.latest(origin) ?? { size: 0n, root: EMPTY_TREE_ROOT };
  if (oldSize !== latest.size) return { status: 409, latestSize: latest.size };
  if (cp.size === 0n && !bytesEqual(cp.root, EMPTY_TREE_ROOT)) return { status: 422, reason: 'size 0 without the empty root' };
  const consistent = verifyConsistency(hasher, oldSize, cp.size, proof, latest.root, cp.root, { acceptEmptyOldTree: true });
  if (!consistent.ok) return { status: 422, reason: 'not consistent with the latest cosigned checkpoint' };
  return { status: 200, checkpoint: cp, text: note.value.text, note: note.value };
}
