// Publication of signed checkpoints: each is sent to the configured witnesses (c2sp.org/tlog-witness), their
// cosignatures are added to its note, and it is published (served at /ledger/checkpoint, handed to the tile
// store and the anchor) once a quorum of k of the n witnesses cosigned it (the k-of-n policy of tlog-policy).
// Work coalesces: while one round runs, new checkpoints only mark that another round is due, for the newest.
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { openNote } from '@txng/tlog';
import { rows, type Database } from '../../platform/db/database.ts';
import type { CheckpointAnchor } from './anchor.ts';
import { withCosignatures, type CheckpointLog, type StoredCheckpoint } from './checkpoints.ts';
import type { LogKey } from './log-key.ts';
import type { TileStore } from './tile-store.ts';
import type { WitnessClient } from './witness-client.ts';

export interface PublisherDeps {
  readonly db: Database;
  readonly log: Logger;
  readonly key: LogKey;
  readonly checkpoints: CheckpointLog;
  readonly store: TileStore;
  readonly witnesses: readonly WitnessClient[];
  readonly anchor: CheckpointAnchor;
}

export class CheckpointPublisher {
  private running: Promise<void> | undefined;
  private again = false;
  private lastAnchored = -1n;

  constructor(private readonly deps: PublisherDeps) {}

  /**
   * Loads what each witness last cosigned, so the first request carries the right `old` size; a witness with no
   * record starts from 0, and its 409 answer tells the size it holds.
   */
  async loadWitnessState(): Promise<void> {
    const found = await rows<{ vkey: string; size: number | string }>(this.deps.db.orm, sql`select vkey, size from ledger.witness_status`);
    for (const w of this.deps.witnesses) {
      const row = found.find((r) => r.vkey === w.config.vkey);
      w.knownSize = row ? BigInt(row.size) : 0n;
    }
  }

  /** Resolves when no round is running (for shutdown). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Starts a round for the newest signed checkpoint (or marks one due); resolves when no round is running. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.round();
        } catch (err) {
          this.deps.log.error({ err }, 'ledger: publishing a checkpoint failed');
        }
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    const { checkpoints, witnesses, key, log } = this.deps;
    const latest = await checkpoints.latestSigned();
    if (!latest) return;
    if (witnesses.length === 0) {
      if (latest.publishedAt) await this.announce(latest);
      return;
    }
    if (latest.publishedAt && latest.cosignatures === witnesses.length) return;
    const outcomes = await Promise.all(witnesses.map((w) => w.cosign(latest)));
    const existing = this.existingLines(latest);
    const lines: string[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const w = witnesses[i]!;
      if (outcome.ok) lines.push(outcome.line);
      else {
        log.warn({ witness: w.config.name, size: latest.size.toString(), error: outcome.error }, 'ledger: witness did not cosign');
        const kept = existing.get(w);
        if (kept) lines.push(kept);
      }
      await this.recordWitness(w, outcome.ok ? null : outcome.error);
    }
    const note = withCosignatures(latest.note, key, lines);
    const { newlyPublished } = await checkpoints.recordCosignatures(latest.size, note, lines.length);
    if (newlyPublished || latest.publishedAt) await this.announce({ ...latest, note });
  }

  /** Cosignature lines already in the stored note, by witness (kept when a witness fails a repeated round). */
  private existingLines(checkpoint: StoredCheckpoint): Map<WitnessClient, string> {
    const out = new Map<WitnessClient, string>();
    const opened = openNote(checkpoint.note, [this.deps.key.verifier, ...this.deps.witnesses.map((w) => w.verifier)]);
    if (!opened.ok) return out;
    for (const w of this.deps.witnesses) {
      const sig = opened.value.verified.find((s) => s.verifier === w.verifier);
      if (sig) out.set(w, `${sig.line}\n`);
    }
    return out;
  }

  private async recordWitness(w: WitnessClient, error: string | null): Promise<void> {
    await this.deps.db.orm.execute(sql`
      insert into ledger.witness_status (vkey, size, last_error, updated_at)
      values (${w.config.vkey}, ${w.knownSize.toString()}::bigint, ${error}, now())
      on conflict (vkey) do update set size = excluded.size, last_error = excluded.last_error, updated_at = now()`);
  }

  /** Hands a published checkpoint to the tile store (a folder publishes `checkpoint`) and the anchor, once. */
  private async announce(checkpoint: StoredCheckpoint): Promise<void> {
    if (checkpoint.size <= this.lastAnchored) return;
    this.lastAnchored = checkpoint.size;
    await this.deps.store.publishCheckpoint(checkpoint.note);
    const { anchor, key, log } = this.deps;
    anchor.anchor({ origin: key.origin, size: checkpoint.size, root: checkpoint.root, note: checkpoint.note }).catch((err: unknown) => {
      log.warn({ err, anchor: anchor.name, size: checkpoint.size.toString() }, 'ledger: anchoring a checkpoint failed');
    });
  }
}
