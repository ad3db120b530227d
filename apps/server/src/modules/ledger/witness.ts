// A c2sp.org/tlog-witness: cosigns a log's checkpoint (tlog-cosignature, Ed25519 type 0x04) when it is
// consistent with the latest one it cosigned for that origin, and remembers that one in a small JSON file —
// persisted before it answers, and checked and updated under one lock, as §add-checkpoint requires.
// `txng witness` serves it over HTTP (witness-http.ts); demo mode runs two in-process.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkAddCheckpoint,
  cosignatureVerifier,
  cosigner,
  formatSignatureLine,
  formatVerifierKey,
  fromBase64,
  merkleHasher,
  newSignerKey,
  parseSignerKey,
  signatureLines,
  toBase64,
  type NoteVerifier,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import type { Clock } from '../../platform/clock.ts';

export interface WitnessKey {
  readonly name: string;
  readonly seed: Uint8Array;
  /** The cosignature verifier key (type 0x04) that logs and clients configure. */
  readonly vkey: string;
}

/** Reads `<dir>/witness-key` (signed-note PRIVATE+KEY form), creating it for `name` on first use. */
export async function loadOrCreateWitnessKey(dir: string, name: string | undefined): Promise<WitnessKey> {
  const file = path.join(dir, 'witness-key');
  let text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    if (!name) throw new Error(`${file} does not exist yet: give the witness a key name (e.g. --name witness.example.gov.vn)`);
    const made = newSignerKey(nodeCrypto, name, randomBytes(32));
    if (!made.ok) throw new Error(`"${name}" cannot name a key (${made.error.code}): no spaces or "+"`);
    await mkdir(dir, { recursive: true });
    await writeFile(file, `${made.value.signerKey}\n`, { mode: 0o600, flag: 'wx' });
    text = made.value.signerKey;
  }
  const parsed = parseSignerKey(nodeCrypto, text.trim());
  if (!parsed.ok) throw new Error(`${file} is not a signed-note signer key (${parsed.error.code})`);
  if (name && parsed.value.signer.name !== name) throw new Error(`${file} holds the key of "${parsed.value.signer.name}", not "${name}"`);
  const keyName = parsed.value.signer.name;
  // PRIVATE+KEY+<name>+<id>+<base64>: the base64 (which may itself hold '+') follows the fourth '+'.
  const seed = fromBase64(text.trim().split('+').slice(4).join('+'))!.subarray(1);
  const verifier = cosignatureVerifier(nodeCrypto, keyName, nodeCrypto.ed25519PublicKey(seed));
  if (!verifier.ok) throw new Error(`cannot derive the cosignature key of ${keyName}`);
  return { name: keyName, seed, vkey: formatVerifierKey(verifier.value) };
}

interface LogRecord {
  readonly size: string;
  readonly root: string;
  /** The latest cosigned checkpoint: the log's verified signatures and this witness's cosignature. */
  readonly checkpoint: string;
}

interface StateFile {
  readonly version: 1;
  readonly logs: Record<string, LogRecord>;
}

/** Writes a file so that a crash leaves the old or the new content: temporary file, fsync, rename, fsync folder. */
async function writeDurably(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const folder = await open(path.dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export interface WitnessReply {
  readonly status: 200 | 400 | 403 | 404 | 409 | 422;
  readonly contentType: string;
  readonly body: string;
}

export interface WitnessOptions {
  readonly key: WitnessKey;
  /** The logs this witness cosigns: their verifier keys, each for the origin named by the key. */
  readonly logs: readonly NoteVerifier[];
  /** Folder of the state file. */
  readonly dir: string;
  readonly clock: Clock;
  /** Told about refused checkpoints whose signature verified: possible evidence of log misbehaviour. */
  readonly onRefusal?: (origin: string, status: number, reason: string) => void;
}

const TEXT = 'text/plain; charset=utf-8';
const hasher = merkleHasher(nodeCrypto);

export class Witness {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: WitnessOptions,
    private readonly file: string,
    private state: StateFile,
  ) {}

  static async open(options: WitnessOptions): Promise<Witness> {
    await mkdir(options.dir, { recursive: true });
    const file = path.join(options.dir, 'state.json');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const state = text === undefined ? { version: 1 as const, logs: {} } : (JSON.parse(text) as StateFile);
    return new Witness(options, file, state);
  }

  get vkey(): string {
    return this.options.key.vkey;
  }

  /** §add-checkpoint. Requests run one at a time, so check and update are atomic (the spec's rollback race). */
  addCheckpoint(body: string): Promise<WitnessReply> {
    const run = this.queue.then(() => this.add(body));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async add(body: string): Promise<WitnessReply> {
    const outcome = checkAddCheckpoint(hasher, body, {
      logKeys: (origin) => {
        const keys = this.options.logs.filter((k) => k.name === origin);
        return keys.length ? keys : undefined;
      },
      latest: (origin) => {
        const record = this.state.logs[origin];
        return record && { size: BigInt(record.size), root: fromBase64(record.root)! };
      },
    });
    if (outcome.status === 409) return { status: 409, contentType: 'text/x.tlog.size', body: `${outcome.latestSize}\n` };
    if (outcome.status !== 200) {
      if (outcome.status === 422) this.options.onRefusal?.(body.split('\n\n')[1]?.split('\n')[0] ?? '', 422, outcome.reason);
      return { status: outcome.status, contentType: TEXT, body: `${outcome.reason}\n` };
    }
    // tlog-witness: "The cosignature MUST NOT omit the timestamp, i.e. the timestamp MUST NOT be zero."
    const timestamp = Math.max(1, Math.floor(this.options.clock.now().getTime() / 1000));
    const signer = cosigner(nodeCrypto, this.options.key.name, this.options.key.seed, timestamp);
    if (!signer.ok) throw new Error(`cannot cosign: ${signer.error.code}`);
    const lines = signatureLines(outcome.text, [signer.value]);
    if (!lines.ok) throw new Error(`cannot cosign: ${lines.error.code}`);
    const logLines = outcome.note.verified.map((s) => formatSignatureLine(s.name, s.keyId, s.signature)).join('');
    const record: LogRecord = {
      size: outcome.checkpoint.size.toString(),
      root: toBase64(outcome.checkpoint.root),
      checkpoint: `${outcome.text}\n${logLines}${lines.value}`,
    };
    const next: StateFile = { version: 1, logs: { ...this.state.logs, [outcome.checkpoint.origin]: record } };
    // "The witness MUST persist the new checkpoint before responding."
    await writeDurably(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.state = next;
    return { status: 200, contentType: TEXT, body: lines.value };
  }

  /** §Monitor Retrieval Mechanism: the latest cosigned checkpoint of the log whose origin hashes to `originHash`. */
  checkpointFor(originHash: string): string | undefined {
    for (const [origin, record] of Object.entries(this.state.logs)) {
      if (createHash('sha256').update(origin).digest('hex') === originHash) return record.checkpoint;
    }
    return undefined;
  }
}
