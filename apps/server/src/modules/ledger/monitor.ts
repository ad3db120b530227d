// A tlog-tiles monitor: downloads every entry bundle of the log, rebuilds the tree (RFC 9162), and checks that
// (1) the current checkpoint is signed by the pinned key (and a witness quorum), (2) the entries give its root,
// (3) every checkpoint seen before is a prefix of the same tree — two signed checkpoints that are not is a
// split view, (4) no entry checked before has changed, and (5) every served hash tile equals the recomputed one.
import {
  entryBundleFor,
  entryBundlePath,
  formatError,
  fromBase64,
  fullTileCount,
  merkleHasher,
  openCheckpoint,
  parseEntryBundle,
  parseVerifierKey,
  partialEntryBundle,
  TILE_WIDTH,
  tileLevelCount,
  tilePath,
  toBase64,
  TreeBuilder,
  type NoteVerifier,
  type TileId,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import type { MonitorFindings } from './messages.ts';

export interface SeenCheckpoint {
  readonly size: string;
  readonly root: string;
  readonly note: string;
}

/** What a monitor remembers between runs (the caller stores it, with the leaf hashes as a binary file). */
export interface MonitorState {
  readonly vkey: string;
  readonly checkpoints: readonly SeenCheckpoint[];
}

export interface Finding {
  readonly code: keyof typeof MonitorFindings;
  readonly params: Readonly<Record<string, string>>;
}

export interface MonitorOptions {
  /** The log prefix, e.g. https://truyxuat.sonla.gov.vn/ledger. */
  readonly logUrl: string;
  readonly vkey: string;
  readonly witnessKeys?: readonly string[];
  readonly quorum?: number;
  readonly state?: MonitorState;
  /** Leaf hashes (32 bytes each) of the entries verified in earlier runs. */
  readonly knownLeaves?: Uint8Array;
  /** More checkpoint notes to check against the tree (e.g. from a witness or a tlog-proof someone was shown). */
  readonly extraCheckpoints?: readonly { readonly source: string; readonly note: string }[];
  readonly fetch?: typeof fetch;
  readonly concurrency?: number;
}

export interface MonitorReport {
  readonly size: bigint;
  readonly findings: readonly Finding[];
  readonly state: MonitorState;
  /** Leaf hashes of every verified entry, to pass as `knownLeaves` next time (unchanged when problems were found). */
  readonly leaves: Uint8Array;
}

const hasher = merkleHasher(nodeCrypto);

class FetchError extends Error {}

/** A log asks a busy reader to come back later (429, or 503 while it restarts): wait as told, a few times. */
const RETRIES = 3;
const MAX_RETRY_AFTER_S = 120;

async function fetchBytes(fetcher: typeof fetch, url: string): Promise<Uint8Array> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetcher(url, { headers: { 'accept-encoding': 'gzip, identity' }, signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new FetchError(`${url}\n${(err as Error).message}`);
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    const busy = response.status === 429 || response.status === 503;
    if (busy && attempt < RETRIES && Number.isFinite(retryAfter) && retryAfter >= 0 && retryAfter <= MAX_RETRY_AFTER_S) {
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, retryAfter) * 1000));
      continue;
    }
    if (!response.ok) throw new FetchError(`${url}\nHTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  });
  await Promise.all(runners);
  return out;
}

function keyOf(vkey: string): NoteVerifier {
  const key = parseVerifierKey(nodeCrypto, vkey);
  if (!key.ok) throw new Error(`bad verifier key ${vkey}: ${key.error.code}`);
  return key.value;
}

export async function monitorLog(options: MonitorOptions): Promise<MonitorReport> {
  const fetcher = options.fetch ?? fetch;
  const base = options.logUrl.replace(/\/+$/, '');
  const logKey = keyOf(options.vkey);
  const policy = { origin: logKey.name, logKeys: [logKey], witnessKeys: (options.witnessKeys ?? []).map(keyOf), quorum: options.quorum ?? 0 };
  const findings: Finding[] = [];
  const previous = options.state?.checkpoints ?? [];
  const unchanged = (): MonitorReport => ({
    size: -1n,
    findings,
    state: { vkey: options.vkey, checkpoints: previous },
    leaves: options.knownLeaves ?? new Uint8Array(0),
  });

  // 1. The current checkpoint, and any others to check, each verified against the pinned key.
  let current: { size: bigint; root: Uint8Array; note: string };
  try {
    const note = new TextDecoder().decode(await fetchBytes(fetcher, `${base}/checkpoint`));
    const opened = openCheckpoint(note, policy);
    if (!opened.ok) {
      findings.push({ code: 'LEDGER_MONITOR_CHECKPOINT_REJECTED', params: { source: `${base}/checkpoint`, reason: formatError(opened.error, 'en') } });
      return unchanged();
    }
    current = { size: opened.value.checkpoint.size, root: opened.value.checkpoint.root, note };
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    const [url, reason] = err.message.split('\n');
    findings.push({ code: 'LEDGER_MONITOR_FETCH_FAILED', params: { url: url!, reason: reason ?? '' } });
    return unchanged();
  }
  const checks: { source: string; size: bigint; root: Uint8Array; note: string }[] = [{ source: 'current', ...current }];
  for (const seen of previous) checks.push({ source: `seen before (size ${seen.size})`, size: BigInt(seen.size), root: fromBase64(seen.root)!, note: seen.note });
  for (const extra of options.extraCheckpoints ?? []) {
    // Witness quorum is a client policy for the current checkpoint; any log-signed checkpoint is evidence.
    const opened = openCheckpoint(extra.note, { origin: logKey.name, logKeys: [logKey] });
    if (!opened.ok) findings.push({ code: 'LEDGER_MONITOR_CHECKPOINT_REJECTED', params: { source: extra.source, reason: formatError(opened.error, 'en') } });
    else checks.push({ source: extra.source, size: opened.value.checkpoint.size, root: opened.value.checkpoint.root, note: extra.note });
  }
  const largest = checks.reduce((m, c) => (c.size > m ? c.size : m), 0n);
  if (largest > current.size) findings.push({ code: 'LEDGER_MONITOR_ROLLBACK', params: { size: current.size.toString(), seen: largest.toString() } });

  // 2. Every entry of the current tree, rebuilt into tiles; roots captured at every checkpoint size.
  const size = current.size;
  const bundles = Array.from({ length: Number(size / BigInt(TILE_WIDTH)) }, (_, i) => ({ index: BigInt(i), width: TILE_WIDTH }));
  const partial = partialEntryBundle(size);
  if (partial) bundles.push(partial);
  const builder = TreeBuilder.empty(hasher);
  const built = new Map<string, Uint8Array>();
  const roots = new Map<bigint, Uint8Array>([[0n, builder.root()]]);
  const stops = [...new Set(checks.map((c) => c.size).filter((s) => s <= size))].sort((a, b) => (a < b ? -1 : 1));
  const leaves = new Uint8Array(Number(size) * 32);
  try {
    const downloaded = await mapLimited(bundles, options.concurrency ?? 8, (b) => fetchBytes(fetcher, `${base}/${entryBundlePath(b)}`));
    for (const [i, b] of bundles.entries()) {
      const entries = parseEntryBundle(downloaded[i]!, b.width);
      if (!entries.ok) {
        findings.push({ code: 'LEDGER_MONITOR_BUNDLE_MALFORMED', params: { path: entryBundlePath(b), reason: formatError(entries.error, 'en') } });
        return { ...unchanged(), size };
      }
      let at = 0;
      while (at < entries.value.length) {
        const stop = stops.find((s) => s > builder.size);
        const take = stop === undefined ? entries.value.length - at : Math.min(entries.value.length - at, Number(stop - builder.size));
        const first = Number(builder.size);
        const appended = builder.appendEntries(entries.value.slice(at, at + take));
        if (!appended.ok) throw new Error(appended.error.code);
        for (const t of appended.value.tiles) built.set(tilePath(t.tile).replace(/\.p\/\d+$/, ''), t.data.slice());
        for (let k = 0; k < take; k++) leaves.set(hasher.leafHash(entries.value[at + k]!), (first + k) * 32);
        at += take;
        roots.set(builder.size, builder.root());
      }
    }
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    const [url, reason] = err.message.split('\n');
    findings.push({ code: 'LEDGER_MONITOR_FETCH_FAILED', params: { url: url!, reason: reason ?? '' } });
    return { ...unchanged(), size };
  }

  // 3. Entries verified before must not have changed (a rewritten entry), reported by index.
  const known = options.knownLeaves ?? new Uint8Array(0);
  const knownCount = Math.min(known.length / 32, Number(size));
  for (let i = 0; i < knownCount; i++) {
    if (!Buffer.from(known.subarray(i * 32, i * 32 + 32)).equals(Buffer.from(leaves.subarray(i * 32, i * 32 + 32)))) {
      findings.push({ code: 'LEDGER_MONITOR_ENTRY_REWRITTEN', params: { index: String(i), leaf: await leafAt(fetcher, base, BigInt(i), size) } });
    }
  }

  // 4. The served entries must give the current root; then every other signed checkpoint must be a prefix of
  // that same tree, or the log has signed two trees that are not consistent (RFC 9162 §2.1.4: a split view).
  const mismatch = (c: (typeof checks)[number]) => {
    const computed = roots.get(c.size)!;
    return Buffer.from(computed).equals(Buffer.from(c.root)) ? undefined : { size: c.size.toString(), root: toBase64(c.root), computed: toBase64(computed) };
  };
  const corrupt = mismatch(checks[0]!);
  if (corrupt) findings.push({ code: 'LEDGER_MONITOR_ROOT_MISMATCH', params: corrupt });
  else {
    for (const c of checks.slice(1)) {
      const split = c.size <= size ? mismatch(c) : undefined;
      if (split) findings.push({ code: 'LEDGER_MONITOR_SPLIT_VIEW', params: split });
    }
  }

  // 5. Every hash tile of the current tree, as served, equals the recomputed one.
  const tiles: TileId[] = [];
  for (let level = 0; level < tileLevelCount(size); level++) {
    for (let n = 0n; n < fullTileCount(size, level); n++) tiles.push({ level, index: n, width: TILE_WIDTH });
    const width = Number((size >> BigInt(8 * level)) % BigInt(TILE_WIDTH));
    if (width > 0) tiles.push({ level, index: (size >> BigInt(8 * level)) / BigInt(TILE_WIDTH), width });
  }
  await mapLimited(tiles, options.concurrency ?? 8, async (tile) => {
    const path = tilePath(tile);
    const want = built.get(path.replace(/\.p\/\d+$/, ''))?.subarray(0, tile.width * 32);
    const served = await fetchBytes(fetcher, `${base}/${path}`).catch(() => undefined);
    if (!want || !served || !Buffer.from(want).equals(Buffer.from(served))) findings.push({ code: 'LEDGER_MONITOR_TILE_MISMATCH', params: { path } });
  });

  const sound = findings.length === 0;
  const seen = new Map(previous.map((c) => [`${c.size}/${c.root}`, c]));
  if (sound) for (const c of checks) seen.set(`${c.size}/${toBase64(c.root)}`, { size: c.size.toString(), root: toBase64(c.root), note: c.note });
  return {
    size,
    findings,
    state: { vkey: options.vkey, checkpoints: [...seen.values()].sort((a, b) => (BigInt(a.size) < BigInt(b.size) ? -1 : 1)) },
    leaves: sound ? leaves : known,
  };
}

/** The leaf at `index` as served now, for a readable report. */
async function leafAt(fetcher: typeof fetch, base: string, index: bigint, size: bigint): Promise<string> {
  const bundle = entryBundleFor(index, size);
  const data = await fetchBytes(fetcher, `${base}/${entryBundlePath(bundle)}`).catch(() => undefined);
  const entries = data && parseEntryBundle(data, bundle.width);
  return entries?.ok ? new TextDecoder().decode(entries.value[Number(index % BigInt(TILE_WIDTH))]) : '?';
}
