// Which records a public page shows, and whether each is in the transparency ledger's published tree. The badge
// on a page is only as strong as this: a record counts as included once the ledger produced an inclusion proof
// for it against a published checkpoint (that never stops being true, so it is remembered); records not yet
// sequenced or not found are re-checked after a few seconds. The scan page reads the tally synchronously
// (`peek`, checks start in the background); other pages await it (`check`).
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Message } from '../../../platform/i18n/messages.ts';
import { LedgerErrors, type LedgerService, type RecordProof } from '../../ledger/index.ts';

export interface LedgerRef {
  readonly kind: 'product.version' | 'lot.version' | 'place.version' | 'epcis.event' | 'stamp.issue' | 'stamp.status';
  readonly id: string;
  /** What the record is, in words, for the proof page. */
  readonly label: Message;
}

export type RefState = { readonly state: 'included'; readonly index: bigint; readonly size: bigint } | { readonly state: 'pending' | 'missing'; readonly at: number };

export interface LedgerTally {
  readonly total: number;
  readonly included: number;
  /** Not yet sequenced, not found, or not checked yet. */
  readonly waiting: number;
}

export type ProofOutcome = { readonly ref: LedgerRef; readonly proof: RecordProof } | { readonly ref: LedgerRef; readonly proof: null; readonly state: 'pending' | 'missing' };

const RECHECK_PENDING_MS = 3_000;
const RECHECK_MISSING_MS = 30_000;
const MAX_REMEMBERED = 200_000;
const CONCURRENT_CHECKS = 4;

export function createLedgerRecords(deps: { ledger: LedgerService; clock: Clock; log: Logger }) {
  const states = new Map<string, RefState>();
  const checking = new Map<string, Promise<RefState>>();
  const queue: (() => void)[] = [];
  let running = 0;

  const keyOf = (r: LedgerRef) => `${r.kind}|${r.id}`;

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= CONCURRENT_CHECKS) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      queue.shift()?.();
    }
  }

  /** The proof of a record, or why there is none; remembers the record's state. */
  async function prove(ref: LedgerRef): Promise<ProofOutcome> {
    try {
      const proof = await slot(() => deps.ledger.proofFor(ref.kind, ref.id));
      remember(ref, { state: 'included', index: proof.leafIndex, size: proof.checkpoint.size });
      return { ref, proof };
    } catch (err) {
      if (err instanceof AppError && err.kind === 'not_found') {
        const state = err.code === LedgerErrors.LEDGER_ENTRY_PENDING ? 'pending' : 'missing';
        remember(ref, { state, at: deps.clock.now().getTime() });
        return { ref, proof: null, state };
      }
      // No published checkpoint yet, or the database is away: the record is not shown as included.
      if (err instanceof AppError) return { ref, proof: null, state: 'pending' };
      throw err;
    }
  }

  function remember(ref: LedgerRef, state: RefState): void {
    states.set(keyOf(ref), state);
    if (states.size > MAX_REMEMBERED) states.delete(states.keys().next().value!);
  }

  function current(ref: LedgerRef): RefState | undefined {
    const s = states.get(keyOf(ref));
    if (!s || s.state === 'included') return s;
    const age = deps.clock.now().getTime() - s.at;
    return age < (s.state === 'pending' ? RECHECK_PENDING_MS : RECHECK_MISSING_MS) ? s : undefined;
  }

  function checkOne(ref: LedgerRef): Promise<RefState> {
    const key = keyOf(ref);
    const running = checking.get(key);
    if (running) return running;
    const p = prove(ref)
      .then((o) => (o.proof ? states.get(key)! : { state: o.state, at: deps.clock.now().getTime() }))
      .finally(() => checking.delete(key));
    checking.set(key, p);
    return p;
  }

  // `unresolved`: records the page shows whose ledger ids are not known yet (a place whose version is not
  // cached, a stamp whose records are being read): they count, as not (yet) included.
  function tally(refs: readonly LedgerRef[], unresolved: number, known: (r: LedgerRef) => RefState | undefined): LedgerTally {
    let included = 0;
    for (const r of refs) if (known(r)?.state === 'included') included++;
    const total = refs.length + unresolved;
    return { total, included, waiting: total - included };
  }

  return {
    /** What is known now; unknown or stale records are checked in the background. */
    peek(refs: readonly LedgerRef[], unresolved = 0): LedgerTally {
      for (const r of refs) {
        if (!current(r)) checkOne(r).catch((err) => deps.log.warn({ err }, 'ledger check failed'));
      }
      return tally(refs, unresolved, (r) => states.get(keyOf(r)));
    },
    /** Checks every record not known to be included, then tallies. */
    async check(refs: readonly LedgerRef[], unresolved = 0): Promise<LedgerTally> {
      await Promise.all(refs.filter((r) => !current(r)).map((r) => checkOne(r).catch(() => undefined)));
      return tally(refs, unresolved, (r) => states.get(keyOf(r)));
    },
    /** Inclusion proofs of the records, for the proof page. */
    proofs: (refs: readonly LedgerRef[]): Promise<ProofOutcome[]> => Promise.all(refs.map(prove)),
    keys: () => deps.ledger.keys(),
  };
}

export type LedgerRecords = ReturnType<typeof createLedgerRecords>;
