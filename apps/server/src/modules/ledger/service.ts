// The ledger's read side: published checkpoints, tiles and bundles (gated so nothing beyond the published tree
// is served), RFC 9162 proofs for a record and between two tree sizes, and the keys a verifier needs.
import { sql } from 'drizzle-orm';
import {
  formatTlogProof,
  proveConsistency,
  proveInclusion,
  TILE_HEIGHT,
  TILE_WIDTH,
  type Hash,
  type MerkleHasher,
  type TileResource,
} from '@txng/tlog';
import type { Clock } from '../../platform/clock.ts';
import { rows, type Database } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { ledgerLeaf, type LedgerKind } from '../../platform/ledger/ledger-entry.ts';
import type { CheckpointLog, StoredCheckpoint } from './checkpoints.ts';
import type { LogKey } from './log-key.ts';
import { LedgerErrors } from './messages.ts';
import { storeNodeReader, type TileStore } from './tile-store.ts';
import type { WitnessClient } from './witness-client.ts';

export interface RecordProof {
  readonly kind: string;
  readonly id: string;
  readonly sha256: string;
  /** The logged entry: RFC 8785 JSON of {v, kind, id, sha256}. */
  readonly leaf: string;
  readonly leafIndex: bigint;
  readonly leafHash: Hash;
  readonly checkpoint: StoredCheckpoint;
  readonly inclusionProof: readonly Hash[];
  /** c2sp.org/tlog-proof, with the leaf as its `extra` data. */
  readonly tlogProof: string;
}

export interface LedgerKeys {
  readonly origin: string;
  readonly vkey: string;
  readonly witnesses: readonly { readonly name: string; readonly vkey: string }[];
  readonly quorum: number;
}

export interface LedgerServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly hasher: MerkleHasher;
  readonly store: TileStore;
  readonly checkpoints: CheckpointLog;
  readonly key: LogKey;
  readonly witnesses: () => readonly WitnessClient[];
  readonly quorum: () => number;
}

/** How many hashes the resource spans at its level, for gating against the published size. */
function withinTree(resource: TileResource, size: bigint): boolean {
  const id = resource.kind === 'hash' ? resource.tile : { ...resource.bundle, level: 0 };
  const hashesAtLevel = size >> BigInt(TILE_HEIGHT * id.level);
  return id.index * BigInt(TILE_WIDTH) + BigInt(id.width) <= hashesAtLevel;
}

export function createLedgerService(deps: LedgerServiceDeps) {
  const { db, hasher, store, checkpoints, key } = deps;
  // Published sizes only grow, so a cached one can gate reads until a request goes beyond it.
  let publishedSize = -1n;
  // The newest published checkpoint, re-read when older than this or when a proof needs a larger tree. A proof
  // against a checkpoint a moment old is just as valid; it spares most proofs a round trip.
  const FRESH_MS = 1_000;
  let cached: { checkpoint: StoredCheckpoint; at: number } | undefined;

  async function published(): Promise<StoredCheckpoint> {
    const latest = await checkpoints.latestPublished();
    if (!latest) throw new AppError('unavailable', LedgerErrors.LEDGER_NO_CHECKPOINT);
    if (latest.size > publishedSize) publishedSize = latest.size;
    cached = { checkpoint: latest, at: deps.clock.now().getTime() };
    return latest;
  }

  async function publishedCovering(index: bigint): Promise<StoredCheckpoint> {
    if (cached && index < cached.checkpoint.size && deps.clock.now().getTime() - cached.at < FRESH_MS) return cached.checkpoint;
    return published();
  }

  return {
    keys(): LedgerKeys {
      return {
        origin: key.origin,
        vkey: key.vkey,
        witnesses: deps.witnesses().map((w) => ({ name: w.config.name, vkey: w.config.vkey })),
        quorum: deps.quorum(),
      };
    },

    /** The checkpoint served at /ledger/checkpoint. */
    publishedCheckpoint: published,

    /** A tile or entry bundle of the published tree, or undefined (404). */
    async readResource(resource: TileResource): Promise<Uint8Array | undefined> {
      if (!withinTree(resource, publishedSize) && !withinTree(resource, (await published()).size)) return undefined;
      if (resource.kind === 'entries') return store.readBundle(resource.bundle);
      const [data] = await store.readTiles([resource.tile]);
      return data;
    },

    /** The inclusion proof of a record's newest entry (or the entry with `sha256`) in the published tree. */
    async proofFor(kind: string, id: string, sha256?: string): Promise<RecordProof> {
      const [entry] = await rows<{ leaf_index: number | string; sha256: Uint8Array }>(
        db.orm,
        sql`select leaf_index, sha256 from ledger.entries where kind = ${kind} and record_id = ${id}
            ${sha256 ? sql`and sha256 = decode(${sha256}, 'hex')` : sql``} order by leaf_index desc limit 1`,
      );
      if (!entry) {
        const pending = await rows(db.orm, sql`select 1 from platform.outbox where topic = 'ledger.entry' and processed_at is null
          and payload->>'kind' = ${kind} and payload->>'id' = ${id} limit 1`);
        throw pending.length ? notFound(LedgerErrors.LEDGER_ENTRY_PENDING) : notFound(LedgerErrors.LEDGER_ENTRY_NOT_FOUND, { kind, id });
      }
      const index = BigInt(entry.leaf_index);
      const checkpoint = await publishedCovering(index);
      if (index >= checkpoint.size) throw notFound(LedgerErrors.LEDGER_ENTRY_PENDING);
      const contentHash = Buffer.from(entry.sha256).toString('hex');
      const leaf = ledgerLeaf(kind as LedgerKind, id, contentHash);
      const leafBytes = new TextEncoder().encode(leaf);
      const proof = await proveInclusion(hasher, storeNodeReader(hasher, store, checkpoint.size), index, checkpoint.size);
      if (!proof.ok) throw new Error(`ledger: cannot prove entry ${index} in size ${checkpoint.size}: ${proof.error.code}`);
      return {
        kind,
        id,
        sha256: contentHash,
        leaf,
        leafIndex: index,
        leafHash: hasher.leafHash(leafBytes),
        checkpoint,
        inclusionProof: proof.value,
        tlogProof: formatTlogProof({ extra: leafBytes, index, proof: proof.value, checkpoint: checkpoint.note }),
      };
    },

    /** RFC 9162 §2.1.4.1 consistency proof between two published tree sizes (to defaults to the latest). */
    async consistency(from: bigint, to?: bigint): Promise<{ from: bigint; to: bigint; proof: Hash[] }> {
      const latest = await published();
      const end = to ?? latest.size;
      if (from <= 0n || from > end || end > latest.size) {
        throw invalid(LedgerErrors.LEDGER_BAD_SIZES, [], { size: latest.size.toString() });
      }
      const proof = await proveConsistency(hasher, storeNodeReader(hasher, store, end), from, end);
      if (!proof.ok) throw new Error(`ledger: cannot prove consistency ${from}→${end}: ${proof.error.code}`);
      return { from, to: end, proof: proof.value };
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
