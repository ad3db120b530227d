// c2sp.org/tlog-checkpoint §Note text: origin, tree size, base64 root hash, then optional extension lines.
import { fromBase64, toBase64 } from '../bytes.ts';
import { fail, ok, type Result } from '../errors.ts';
import { HASH_SIZE, type Hash } from '../merkle/hasher.ts';
import { parseDecimalU64, U64_MAX } from '../u64.ts';

export interface Checkpoint {
  readonly origin: string;
  readonly size: bigint;
  readonly root: Hash;
  /** Opaque extension lines (NOT RECOMMENDED by the spec, kept verbatim). */
  readonly extensions: readonly string[];
}

/** Parses the note text of a checkpoint (not the signatures: see openCheckpoint). */
export function parseCheckpoint(text: string): Result<Checkpoint> {
  // "a sequence of at least three non-empty lines, separated by newlines"; note text ends in a newline.
  if (!text.endsWith('\n')) return fail('CHECKPOINT_MALFORMED');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return fail('CHECKPOINT_MALFORMED');
  const empty = lines.findIndex((l) => l === '');
  if (empty >= 0) return fail('CHECKPOINT_MALFORMED', undefined, empty + 1);
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  const size = parseDecimalU64(sizeText);
  if (size === undefined) return fail('CHECKPOINT_BAD_SIZE', undefined, 2);
  const root = fromBase64(rootText);
  if (root === undefined || root.length !== HASH_SIZE) return fail('CHECKPOINT_BAD_ROOT', undefined, 3);
  return ok({ origin, size, root, extensions });
}

/** The note text of a checkpoint, ready to sign. */
export function formatCheckpoint(checkpoint: Checkpoint): Result<string> {
  const lines = [checkpoint.origin, checkpoint.size.toString(), toBase64(checkpoint.root), ...checkpoint.extensions];
  if (lines.some((l) => l === '' || l.includes('\n'))) return fail('CHECKPOINT_MALFORMED');
  if (checkpoint.size < 0n || checkpoint.size > U64_MAX) return fail('CHECKPOINT_BAD_SIZE');
  if (checkpoint.root.length !== HASH_SIZE) return fail('CHECKPOINT_BAD_ROOT');
  return ok(`${lines.join('\n')}\n`);
}
