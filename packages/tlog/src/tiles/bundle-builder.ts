// The sequencer's entry-bundle state (c2sp.org/tlog-tiles §Log entries): the entries of the right-edge partial
// bundle. Appending emits each bundle that became full and the new partial bundle, like TreeBuilder for tiles.
import { fail, ok, type Result } from '../errors.ts';
import { encodeEntryBundle, MAX_ENTRY_SIZE, parseEntryBundle } from './entry-bundle.ts';
import { partialEntryBundle } from './layout.ts';
import { TILE_WIDTH, type EntryBundleId } from './paths.ts';

export interface EntryBundleData {
  readonly bundle: EntryBundleId;
  readonly data: Uint8Array;
}

export class EntryBundleBuilder {
  private constructor(
    private index: bigint,
    private readonly pending: Uint8Array[],
  ) {}

  static empty(): EntryBundleBuilder {
    return new EntryBundleBuilder(0n, []);
  }

  /** Restores the state of a log of `size` entries from its partial bundle (none when size is a multiple of 256). */
  static restore(size: bigint, partial?: Uint8Array): Result<EntryBundleBuilder> {
    const wanted = partialEntryBundle(size);
    if (wanted === undefined) {
      return partial === undefined || partial.length === 0
        ? ok(new EntryBundleBuilder(size / BigInt(TILE_WIDTH), []))
        : fail('BUNDLE_MALFORMED', { offset: 0 }, 0);
    }
    if (partial === undefined) return fail('TLOG_READER_MISMATCH', { what: 'partial entry bundle' });
    const entries = parseEntryBundle(partial, wanted.width);
    if (!entries.ok) return entries;
    return ok(new EntryBundleBuilder(wanted.index, entries.value.map((e) => e.slice())));
  }

  /** Appends entries; none is appended when one is too large for a bundle (over 65535 bytes). */
  append(entries: readonly Uint8Array[]): Result<EntryBundleData[]> {
    for (const e of entries) if (e.length > MAX_ENTRY_SIZE) return fail('BUNDLE_ENTRY_TOO_LARGE', { size: e.length });
    const out: EntryBundleData[] = [];
    for (const e of entries) {
      this.pending.push(e.slice());
      if (this.pending.length === TILE_WIDTH) {
        out.push(this.encode());
        this.pending.length = 0;
        this.index++;
      }
    }
    if (entries.length > 0 && this.pending.length > 0) out.push(this.encode());
    return ok(out);
  }

  private encode(): EntryBundleData {
    const data = encodeEntryBundle(this.pending);
    // Sizes were checked in append, so encoding cannot fail.
    if (!data.ok) throw new Error('unreachable: entry sizes checked');
    return { bundle: { index: this.index, width: this.pending.length }, data: data.value };
  }
}
