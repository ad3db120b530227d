// The log's side of c2sp.org/tlog-witness §add-checkpoint: send a new checkpoint with a consistency proof from
// the size the witness last cosigned, follow a 409 to the witness's size, and keep only cosignature lines that
// verify under the witness's configured key ("The client MUST ignore any cosignatures from unknown keys").
import {
  formatAddCheckpointRequest,
  formatSignatureLine,
  openNote,
  parseDecimalU64,
  parseVerifierKey,
  proveConsistency,
  type MerkleHasher,
  type NoteVerifier,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import type { WitnessConfig } from '../../config/config.ts';
import { noteText } from './checkpoints.ts';
import { storeNodeReader, type TileStore } from './tile-store.ts';

export interface CheckpointToCosign {
  readonly size: bigint;
  /** The note signed by the log (other signatures may follow; the witness ignores unknown ones). */
  readonly note: string;
}

export type CosignOutcome =
  | { readonly ok: true; readonly line: string; readonly size: bigint }
  | { readonly ok: false; readonly error: string; readonly size?: bigint };

const TIMEOUT_MS = 5_000;
const MAX_CONFLICTS = 2;

export class WitnessClient {
  readonly verifier: NoteVerifier;

  constructor(
    readonly config: WitnessConfig,
    private readonly deps: { hasher: MerkleHasher; store: TileStore; fetch?: typeof fetch },
    /** The size this witness last cosigned for the log, as far as the log knows (0 = never). */
    public knownSize: bigint,
  ) {
    const key = parseVerifierKey(nodeCrypto, config.vkey);
    if (!key.ok) throw new Error(`witness ${config.name}: bad verifier key (${key.error.code})`);
    this.verifier = key.value;
  }

  /** Asks the witness to cosign; returns its verified cosignature line (with newline). Never throws. */
  async cosign(checkpoint: CheckpointToCosign): Promise<CosignOutcome> {
    try {
      let old = this.knownSize;
      for (let attempt = 0; attempt <= MAX_CONFLICTS; attempt++) {
        if (old > checkpoint.size) {
          // The witness has cosigned a larger tree of this log than the log knows: a rollback or a fork.
          return { ok: false, error: `the witness has cosigned size ${old}, larger than ${checkpoint.size}`, size: old };
        }
        const reply = await this.post(checkpoint, old);
        if (reply.status === 409) {
          // §add-checkpoint: the body is the size of the latest checkpoint the witness cosigned.
          const size = reply.contentType.startsWith('text/x.tlog.size') ? parseDecimalU64(reply.body.replace(/\n$/, '')) : undefined;
          if (size === undefined) return { ok: false, error: 'a 409 reply without a text/x.tlog.size body' };
          old = size;
          continue;
        }
        if (reply.status !== 200) return { ok: false, error: `HTTP ${reply.status}: ${reply.body.slice(0, 200).trim()}` };
        const line = this.verifiedLine(checkpoint.note, reply.body);
        if (!line) return { ok: false, error: 'the reply carries no valid cosignature by the configured key' };
        this.knownSize = checkpoint.size;
        return { ok: true, line, size: checkpoint.size };
      }
      return { ok: false, error: 'the witness keeps answering 409 Conflict' };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }

  private async post(checkpoint: CheckpointToCosign, old: bigint): Promise<{ status: number; body: string; contentType: string }> {
    const { hasher, store } = this.deps;
    let proof: Uint8Array[] = [];
    // §add-checkpoint: "If the old size is zero, the consistency proof MUST be empty"; equal sizes need none.
    if (old > 0n && old < checkpoint.size) {
      const made = await proveConsistency(hasher, storeNodeReader(hasher, store, checkpoint.size), old, checkpoint.size);
      if (!made.ok) throw new Error(`cannot prove consistency from ${old} to ${checkpoint.size}: ${made.error.code}`);
      proof = made.value;
    }
    const body = formatAddCheckpointRequest({ oldSize: old, proof, checkpoint: checkpoint.note });
    const response = await (this.deps.fetch ?? fetch)(`${this.config.url}/add-checkpoint`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
  }

  /** §add-checkpoint: "the client MAY concatenate it to the checkpoint, and use a note verification function". */
  private verifiedLine(note: string, reply: string): string | undefined {
    const opened = openNote(`${noteText(note)}\n${reply}`, [this.verifier]);
    if (!opened.ok) return undefined;
    const mine = opened.value.verified[0];
    return mine && formatSignatureLine(mine.name, mine.keyId, mine.signature);
  }
}
