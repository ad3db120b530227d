// A small in-process cache for what the public pages show beyond the resolver's facts. Two ways in: `get` awaits
// a load on a miss (pages rendered asynchronously), `peek` answers synchronously from what is loaded and starts a
// load in the background on a miss (the scan page: the resolver's renderer seam is synchronous).
//
// Invalidation: an entry carries the version of what was loaded (`versionOf`: a product or lot version, an
// organisation's update time — what the resolver reads with every stamp); asking for another version reloads,
// asking with no version takes any fresh entry. Every entry also expires after `ttlMs`. One load per key at a time; at most `max` entries (least recently used
// dropped). A failed load is not cached.
import type { Clock } from '../../../platform/clock.ts';

interface Entry<V> {
  readonly value: V;
  readonly version: string;
  readonly loadedAt: number;
}

export class Memo<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V>>();
  /** Loads performed (tests and the benchmark read it to see the cache work). */
  loads = 0;

  constructor(
    private readonly clock: Clock,
    private readonly load: (key: string) => Promise<V>,
    private readonly options: { readonly ttlMs: number; readonly max: number; readonly onError?: (err: unknown) => void; readonly versionOf?: (value: V) => string },
  ) {}

  private fresh(e: Entry<V> | undefined, version: string | undefined): e is Entry<V> {
    return e !== undefined && (version === undefined || e.version === version) && this.clock.now().getTime() - e.loadedAt < this.options.ttlMs;
  }

  /** The value for `key` (at `version` when given), loading it if needed. */
  async get(key: string, version?: string): Promise<V> {
    const e = this.entries.get(key);
    if (this.fresh(e, version)) return e.value;
    return this.start(key);
  }

  /** The loaded value when current, else undefined (a load starts in the background). */
  peek(key: string, version?: string): V | undefined {
    const e = this.entries.get(key);
    if (this.fresh(e, version)) {
      // Keep recently used entries at the end (LRU order).
      this.entries.delete(key);
      this.entries.set(key, e);
      return e.value;
    }
    this.start(key).catch((err) => this.options.onError?.(err));
    return undefined;
  }

  /** The loaded value when current, else undefined; starts nothing (a caller that will `get` anyway checks first). */
  cached(key: string, version?: string): V | undefined {
    const e = this.entries.get(key);
    return this.fresh(e, version) ? e.value : undefined;
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Loads now, whatever is cached (the caller knows the value changed). */
  reload(key: string): Promise<V> {
    return this.start(key);
  }

  private start(key: string): Promise<V> {
    const running = this.loading.get(key);
    if (running) return running;
    const p = (async () => {
      this.loads++;
      const value = await this.load(key);
      this.entries.delete(key);
      this.entries.set(key, { value, version: this.options.versionOf?.(value) ?? '', loadedAt: this.clock.now().getTime() });
      if (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value!);
      return value;
    })().finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }
}
