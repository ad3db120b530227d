// The sequencer's tree: the stored head (ledger.tree_state) and the in-memory builders that extend it. A batch
// is appended inside one transaction that holds the head row lock: entries, tiles, bundles and the new head
// commit together, or not at all.
import { sql } from 'drizzle-orm';
import {
  EMPTY_TREE_ROOT,
  EntryBundleBuilder,
  partialEntryBundle,
  partialMidTiles,
  partialTiles,
  TreeBuilder,
  type Hash,
  type MerkleHasher,
  type TileData,
  type TileId,
} from '@txng/tlog';
import { rows, type Database, type Orm } from '../../platform/db/database.ts';
import type { TileStore } from './tile-store.ts';

export interface TreeHead {
  readonly size: bigint;
  readonly root: Hash;
}

/** One leaf to append: the entry bytes (RFC 8785 JSON) and the lookup key it is filed under. */
export interface PendingEntry {
  readonly leaf: Uint8Array;
  readonly kind: string;
  readonly recordId: string;
  /** Hex SHA-256 of the record's canonical content. */
  readonly sha256: string;
}

/** The stored tree disagrees with itself or with what was signed: the sequencer stops rather than sign. */
export class LedgerIntegrityError extends Error {
  override name = 'LedgerIntegrityError';
}

export async function ensureTreeState(db: Database, origin: string): Promise<void> {
  await db.orm.execute(sql`
    insert into ledger.tree_state (id, origin, size, root) values (1, ${origin}, 0, ${Buffer.from(EMPTY_TREE_ROOT)})
    on conflict (id) do nothing`);
  const [row] = await rows<{ origin: string }>(db.orm, sql`select origin from ledger.tree_state where id = 1`);
  if (row?.origin !== origin) {
    throw new LedgerIntegrityError(`this database holds the log "${row?.origin}", but the configured key is for "${origin}"`);
  }
}

export async function readHead(executor: Orm, lock: boolean): Promise<TreeHead> {
  const [row] = await rows<{ size: number | string; root: Uint8Array }>(
    executor,
    lock ? sql`select size, root from ledger.tree_state where id = 1 for update` : sql`select size, root from ledger.tree_state where id = 1`,
  );
  if (!row) throw new LedgerIntegrityError('ledger.tree_state has no row; the ledger was not initialised');
  return { size: BigInt(row.size), root: new Uint8Array(row.root) };
}

function required(found: (Uint8Array | undefined)[], wanted: TileId[], what: string): TileData[] {
  return wanted.map((tile, i) => {
    const data = found[i];
    if (!data) throw new LedgerIntegrityError(`the ${what} ${tile.level}/${tile.index}.p/${tile.width} of the stored tree is missing`);
    return { tile, data };
  });
}

/** The builders of a tree of `head.size` leaves, restored from the stored partial tiles and checked against its root. */
export class TreeState {
  private constructor(
    readonly tree: TreeBuilder,
    readonly bundles: EntryBundleBuilder,
  ) {}

  static async restore(hasher: MerkleHasher, store: TileStore, head: TreeHead, via?: Orm): Promise<TreeState> {
    const wantTiles = partialTiles(head.size);
    const wantMid = partialMidTiles(head.size);
    if (!wantTiles.ok || !wantMid.ok) throw new LedgerIntegrityError(`tree size ${head.size} is out of range`);
    const tiles = required(await store.readTiles(wantTiles.value, via), wantTiles.value, 'tile');
    const midTiles = required(await store.readMidTiles(wantMid.value, via), wantMid.value, 'mid tile');
    // RFC 9162 §2.1.1: the root recomputed from the stored right edge must be the head's root.
    const tree = TreeBuilder.restore(hasher, { size: head.size, tiles, midTiles, expectedRoot: head.root }, { midTiles: true });
    if (!tree.ok) throw new LedgerIntegrityError(`the stored tiles do not rebuild the tree head of size ${head.size} (${tree.error.code})`);
    const partial = partialEntryBundle(head.size);
    const bundleData = partial ? await store.readBundle(partial, via) : undefined;
    const bundles = EntryBundleBuilder.restore(head.size, bundleData);
    if (!bundles.ok) throw new LedgerIntegrityError(`the partial entry bundle of size ${head.size} is missing or malformed (${bundles.error.code})`);
    return new TreeState(tree.value, bundles.value);
  }

  static empty(hasher: MerkleHasher): TreeState {
    return new TreeState(TreeBuilder.empty(hasher, { midTiles: true }), EntryBundleBuilder.empty());
  }

  get head(): TreeHead {
    return { size: this.tree.size, root: this.tree.root() };
  }

  /**
   * Appends a batch inside `tx` (which holds the head row lock): the lookup rows, the tiles and bundles, then the
   * new head. The builders are changed in memory first; a caller whose transaction fails must drop this state.
   */
  async append(tx: Orm, store: TileStore, entries: readonly PendingEntry[]): Promise<TreeHead> {
    const leaves = entries.map((e) => e.leaf);
    const appended = this.tree.appendEntries(leaves);
    if (!appended.ok) throw new LedgerIntegrityError(`appending failed: ${appended.error.code}`);
    const bundles = this.bundles.append(leaves);
    if (!bundles.ok) throw new LedgerIntegrityError(`an entry is too large for a bundle: ${bundles.error.code}`);
    const first = appended.value.firstIndex;
    const rowsJson = JSON.stringify(entries.map((e, i) => ({ i: (first + BigInt(i)).toString(), k: e.kind, r: e.recordId, h: e.sha256 })));
    await tx.execute(sql`
      insert into ledger.entries (leaf_index, kind, record_id, sha256)
      select x.i::bigint, x.k, x.r, decode(x.h, 'hex') from jsonb_to_recordset(${rowsJson}::jsonb) as x(i text, k text, r text, h text)`);
    await store.write(tx, { tiles: appended.value.tiles, midTiles: appended.value.midTiles, bundles: bundles.value });
    const head = this.head;
    await tx.execute(sql`update ledger.tree_state set size = ${head.size.toString()}::bigint, root = ${Buffer.from(head.root)}, updated_at = now() where id = 1`);
    return head;
  }
}
