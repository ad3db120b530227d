// Assembles the ledger for the composition root: key, storage, sequencer, checkpoint log, witness publisher
// and read service; runs the sequencer loop in the process that holds the lease.
import type { Logger } from 'pino';
import { merkleHasher } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import type { Config, WitnessConfig } from '../../config/config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { s3ClientFor } from '../../platform/object-storage/s3-for-config.ts';
import { noAnchor, type CheckpointAnchor } from './anchor.ts';
import { CheckpointLog } from './checkpoints.ts';
import { startDemoWitnesses, type RunningDemoWitnesses } from './demo-witnesses.ts';
import { FolderStorage, ObjectTileStore, S3Storage } from './folder-tile-store.ts';
import { leaseFor } from './lease.ts';
import { loadLogKey, type LogKey } from './log-key.ts';
import { CheckpointPublisher } from './publisher.ts';
import { Sequencer } from './sequencer.ts';
import { createLedgerService, type LedgerService } from './service.ts';
import { DatabaseTileStore, type TileStore } from './tile-store.ts';
import { ensureTreeState, LedgerIntegrityError } from './tree-state.ts';
import { WitnessClient } from './witness-client.ts';

export interface LedgerDeps {
  readonly db: Database;
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly anchor?: CheckpointAnchor;
}

export interface Ledger {
  readonly key: LogKey;
  readonly store: TileStore;
  readonly service: LedgerService;
  readonly checkpoints: CheckpointLog;
  readonly sequencer: Sequencer;
  /** Why sequencing stopped (the stored tree failed a check), if it did. */
  readonly halted: string | undefined;
  /** Whether this process holds the sequencer lease (always, on PGlite, once started). */
  readonly leading: boolean;
  /** Starts the sequencer loop (when this process wins the lease), witness rounds and demo witnesses. */
  start(): void;
  stop(): Promise<void>;
  /** Asks the running loop for a batch now (after a commit in this process that logged entries). */
  wake(): void;
  /** Sequences everything pending now, then collects cosignatures and publishes: for tests and tools. */
  flush(): Promise<void>;
}

const MAX_BATCH = 8192;
const LEASE_RETRY_MS = 2_000;
const BATCH_GAP_MS = 20;
const WITNESS_RETRY_MS = 10_000;
// How often an idle sequencer checks for pending entries (one index probe; see migration 0002 for why there
// is no NOTIFY). Commits in this process can wake it at once with `wake()`.
const POLL_MS = 100;

/** Tiles and bundles where TXNG_LEDGER_STORAGE says: the database, a tlog-tiles folder, or an S3 bucket. */
function tileStoreFor(config: Config, db: Database): TileStore {
  const storage = config.ledgerStorage;
  if (storage.kind === 'folder') return new ObjectTileStore(new FolderStorage(storage.dir), 'folder');
  if (storage.kind === 's3') {
    if (!config.s3) throw new TypeError('TXNG_LEDGER_STORAGE is s3 but no TXNG_S3_* configuration was given');
    return new ObjectTileStore(new S3Storage(s3ClientFor(config.s3), storage.prefix), 's3');
  }
  return new DatabaseTileStore(db);
}

export async function createLedger(deps: LedgerDeps): Promise<Ledger> {
  const { db, config, log, clock } = deps;
  const key = await loadLogKey(config);
  await ensureTreeState(db, key.origin);
  const hasher = merkleHasher(nodeCrypto);
  const store = tileStoreFor(config, db);
  const witnesses: WitnessClient[] = [];
  const addWitnesses = (list: readonly WitnessConfig[]) => {
    for (const w of list) witnesses.push(new WitnessClient(w, { hasher, store }, 0n));
  };
  addWitnesses(config.witnesses);
  const quorum = () => config.witnessQuorum ?? witnesses.length;
  const checkpoints = new CheckpointLog({ db, store, hasher, key, quorum });
  const sequencer = new Sequencer({ db, log, hasher, store, checkpoints, maxBatch: MAX_BATCH });
  const publisher = new CheckpointPublisher({ db, log, key, checkpoints, store, witnesses, anchor: deps.anchor ?? noAnchor });
  const service = createLedgerService({ db, clock, hasher, store, checkpoints, key, witnesses: () => witnesses, quorum });

  let stopped = true;
  let halted: string | undefined;
  let loop: Promise<void> | undefined;
  let demo: RunningDemoWitnesses | undefined;
  let witnessTimer: NodeJS.Timeout | undefined;
  let waiter: { resolve: () => void; timer: NodeJS.Timeout } | undefined;
  let wakeRequested = false;

  const wake = () => {
    wakeRequested = true;
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  };
  const lease = leaseFor(db);
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakeRequested || stopped) return resolve();
      const timer = setTimeout(() => resolve(), ms);
      waiter = { resolve, timer };
    }).finally(() => {
      waiter = undefined;
      wakeRequested = false;
    });

  const halt = (err: LedgerIntegrityError) => {
    halted = err.message;
    log.fatal({ err }, 'ledger: the stored tree failed a check; sequencing stopped, nothing more will be signed');
  };

  async function run(): Promise<void> {
    let backoff = 0;
    // Whether this loop has taken the lead since it started (or since the lease was lost). Not `lease.held`: on
    // PGlite the lease is held from the start, and the recovery below must still run once.
    let leading = false;
    while (!stopped) {
      try {
        if (!leading || !lease.held) {
          leading = false;
          if (!(await lease.tryAcquire())) {
            await pause(LEASE_RETRY_MS);
            continue;
          }
          log.info({ origin: key.origin, storage: store.kind }, 'ledger: this process sequences the log');
          await publisher.loadWitnessState();
          // A batch committed before a crash but never signed is checked and signed now: nothing else would sign
          // it while no new record arrives.
          if (await sequencer.recover()) void publisher.kick();
          leading = true;
        }
        if (!(await sequencer.hasPending())) {
          await pause(POLL_MS);
          continue;
        }
        const { consumed, checkpoint } = await sequencer.sequenceOnce();
        if (checkpoint) void publisher.kick();
        backoff = 0;
        // A full batch means more is waiting; otherwise give writers a moment to accumulate the next one.
        if (consumed < MAX_BATCH) await pause(BATCH_GAP_MS);
      } catch (err) {
        if (err instanceof LedgerIntegrityError) return halt(err);
        log.error({ err }, 'ledger: sequencing failed; retrying');
        backoff = Math.min(5_000, backoff ? backoff * 2 : 100);
        await pause(backoff);
      }
    }
  }

  return {
    key,
    store,
    service,
    checkpoints,
    sequencer,
    get halted() {
      return halted;
    },
    get leading() {
      return !stopped && lease.held;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      loop = (async () => {
        if (config.demo && config.witnesses.length === 0) {
          demo = await startDemoWitnesses({ dataDir: config.dataDir, logKey: key.verifier, clock, log });
          addWitnesses(demo.witnesses);
          log.info({ witnesses: demo.witnesses.map((w) => `${w.name} ${w.url}`) }, 'ledger: demo witnesses running in this process');
        }
        witnessTimer = setInterval(() => {
          if (lease.held) void publisher.kick();
        }, WITNESS_RETRY_MS);
        witnessTimer.unref();
        await run();
      })().catch((err: unknown) => log.error({ err }, 'ledger: the sequencer loop ended'));
    },
    async stop() {
      stopped = true;
      wake();
      if (witnessTimer) clearInterval(witnessTimer);
      await loop;
      await publisher.idle();
      await lease.release();
      await demo?.close();
    },
    wake,
    async flush() {
      try {
        await sequencer.recover();
        while ((await sequencer.sequenceOnce()).consumed > 0) {
          // Each batch signs its own checkpoint; continue until nothing is pending.
        }
      } catch (err) {
        if (err instanceof LedgerIntegrityError) halt(err);
        throw err;
      }
      await publisher.loadWitnessState();
      await publisher.kick();
    },
  };
}

