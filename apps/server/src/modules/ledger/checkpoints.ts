// Signed checkpoints (c2sp.org/tlog-checkpoint): the sequencer signs a tree head only after the head is
// committed and the stored tiles prove it extends the last signed checkpoint (RFC 9162 §2.1.4), so the log never
// signs two checkpoints that are not consistent — even after a crash, or with sequencers in several processes.
import { sql } from 'drizzle-orm';
import {
  EMPTY_TREE_ROOT,
  formatCheckpoint,
  formatSignatureLine,
  parseNote,
  proveConsistency,
  signNote,
  treeRoot,
  verifyConsistency,
  type Hash,
  type MerkleHasher,
} from '@txng/tlog';
import { rows, type Database } from '../../platform/db/database.ts';
import type { LogKey } from './log-key.ts';
import { storeNodeReader, type TileStore } from './tile-store.ts';
import { LedgerIntegrityError, type TreeHead } from './tree-state.ts';

export interface StoredCheckpoint {
  readonly size: bigint;
  readonly root: Hash;
  /** The signed note: the log's signature, then any witness cosignatures. */
  readonly note: string;
  readonly cosignatures: number;
  readonly signedAt: Date;
  readonly publishedAt: Date | null;
}

interface CheckpointRow {
  size: number | string;
  root: Uint8Array;
  note: string;
  cosignatures: number;
  signed_at: Date | string;
  published_at: Date | string | null;
}

function fromRow(r: CheckpointRow): StoredCheckpoint {
  return {
    size: BigInt(r.size),
    root: new Uint8Array(r.root),
    note: r.note,
    cosignatures: r.cosignatures,
    signedAt: new Date(r.signed_at),
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
  };
}

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** The note text of a signed note (everything up to and including the newline before the blank line). */
export function noteText(note: string): string {
  return note.slice(0, note.lastIndexOf('\n\n') + 1);
}

/** The note with only the log's signatures, then `cosignatureLines` (each ending in a newline). */
export function withCosignatures(note: string, key: LogKey, cosignatureLines: readonly string[]): string {
  const parsed = parseNote(note);
  if (!parsed.ok) throw new LedgerIntegrityError(`a stored checkpoint note is malformed (${parsed.error.code})`);
  const own = parsed.value.signatures
    .filter((s) => s.name === key.signer.name && s.keyId === key.signer.keyId)
    .map((s) => formatSignatureLine(s.name, s.keyId, s.signature));
  return `${parsed.value.text}\n${own.join('')}${cosignatureLines.join('')}`;
}

export class CheckpointLog {
  constructor(
    private readonly deps: { db: Database; store: TileStore; hasher: MerkleHasher; key: LogKey; quorum: () => number },
  ) {}

  async latestSigned(): Promise<StoredCheckpoint | undefined> {
    const [row] = await rows<CheckpointRow>(
      this.deps.db.orm,
      sql`select size, root, note, cosignatures, signed_at, published_at from ledger.checkpoints order by size desc limit 1`,
    );
    return row && fromRow(row);
  }

  /** The newest checkpoint served at /ledger/checkpoint: signed, and cosigned by the witness quorum. */
  async latestPublished(): Promise<StoredCheckpoint | undefined> {
    const [row] = await rows<CheckpointRow>(
      this.deps.db.orm,
      sql`select size, root, note, cosignatures, signed_at, published_at from ledger.checkpoints
          where published_at is not null order by size desc limit 1`,
    );
    return row && fromRow(row);
  }

  /** Signed checkpoints with size in [from, to], oldest first (for monitors and tests). */
  async between(from: bigint, to: bigint): Promise<StoredCheckpoint[]> {
    const found = await rows<CheckpointRow>(
      this.deps.db.orm,
      sql`select size, root, note, cosignatures, signed_at, published_at from ledger.checkpoints
          where size between ${from.toString()}::bigint and ${to.toString()}::bigint order by size`,
    );
    return found.map(fromRow);
  }

  /**
   * Signs a committed tree head unless a checkpoint of that size or larger exists. Before signing, the stored
   * tiles must yield a consistency proof from the last signed checkpoint to the head (RFC 9162 §2.1.4.2), or,
   * for the first checkpoint, the head's root; otherwise nothing is signed and LedgerIntegrityError is thrown.
   */
  async sign(head: TreeHead): Promise<StoredCheckpoint | undefined> {
    const { db, store, hasher, key, quorum } = this.deps;
    const last = await this.latestSigned();
    if (last && last.size >= head.size) {
      if (last.size === head.size && !equal(last.root, head.root)) {
        throw new LedgerIntegrityError(`refusing to sign size ${head.size}: a checkpoint of that size with another root exists`);
      }
      return undefined;
    }
    const reader = storeNodeReader(hasher, store, head.size);
    if (head.size === 0n) {
      if (!equal(head.root, EMPTY_TREE_ROOT)) throw new LedgerIntegrityError('the empty tree has a root other than SHA-256("")');
    } else if (last && last.size > 0n) {
      const proof = await proveConsistency(hasher, reader, last.size, head.size);
      const verdict = proof.ok ? verifyConsistency(hasher, last.size, head.size, proof.value, last.root, head.root) : proof;
      if (!verdict.ok) {
        throw new LedgerIntegrityError(`refusing to sign size ${head.size}: not consistent with the checkpoint of size ${last.size} (${verdict.error.code})`);
      }
    } else {
      const root = await treeRoot(hasher, reader, head.size);
      if (!root.ok || !equal(root.value, head.root)) throw new LedgerIntegrityError(`the stored tiles do not give the root of size ${head.size}`);
    }
    const text = formatCheckpoint({ origin: key.origin, size: head.size, root: head.root, extensions: [] });
    if (!text.ok) throw new LedgerIntegrityError(`cannot format the checkpoint: ${text.error.code}`);
    const note = signNote(text.value, [key.signer]);
    if (!note.ok) throw new LedgerIntegrityError(`cannot sign the checkpoint: ${note.error.code}`);
    const [row] = await rows<CheckpointRow>(
      db.orm,
      sql`insert into ledger.checkpoints (size, root, note, published_at)
          values (${head.size.toString()}::bigint, ${Buffer.from(head.root)}, ${note.value}, ${quorum() === 0 ? sql`now()` : sql`null`})
          on conflict (size) do nothing
          returning size, root, note, cosignatures, signed_at, published_at`,
    );
    return row && fromRow(row);
  }

  /** Stores the checkpoint's note with the cosignatures collected; publishes it when they meet the quorum. */
  async recordCosignatures(size: bigint, note: string, cosignatures: number): Promise<{ newlyPublished: boolean }> {
    const published = cosignatures >= this.deps.quorum();
    const [row] = await rows<{ was: Date | null; now: Date | null }>(
      this.deps.db.orm,
      sql`update ledger.checkpoints c set note = ${note}, cosignatures = ${cosignatures},
            published_at = coalesce(c.published_at, ${published ? sql`now()` : sql`null`})
          from (select published_at as was from ledger.checkpoints where size = ${size.toString()}::bigint) old
          where c.size = ${size.toString()}::bigint
          returning old.was, c.published_at as now`,
    );
    return { newlyPublished: Boolean(row && row.was === null && row.now !== null) };
  }
}
