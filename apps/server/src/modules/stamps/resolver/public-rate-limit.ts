// Rate limits of the public resolver, without a database write per scan. Each process counts per client in
// fixed one-minute windows and, once a second, adds its new counts to a shared counter row (stamps.rate_counters)
// and reads back the total of all processes. A client is refused when the last known total plus what this
// process counted since exceeds the limit. Across N processes a client can overshoot by at most what it sends
// within one sync interval; within one process the limit is exact. When the database does not answer, limits
// hold per process (never fail closed on a scan).
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.ts';
import { rows, type Database } from '../../../platform/db/database.ts';
import { pgArray } from '../sql-arrays.ts';

interface Counter {
  window: number;
  /** Hits counted here since the last sync. */
  local: number;
  /** The shared total as of the last sync (includes this process's synced hits). */
  shared: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
}

export class PublicRateLimiter {
  private counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: { readonly windowMs?: number; readonly syncMs?: number } = {},
  ) {}

  private get windowMs(): number {
    return this.options.windowMs ?? 60_000;
  }

  /** Counts a request of `key` (already a pseudonym) against `max` per window. */
  hit(key: string, max: number): RateDecision {
    const now = this.clock.now().getTime();
    const window = Math.floor(now / this.windowMs);
    let c = this.counters.get(key);
    if (!c || c.window !== window) {
      c = { window, local: 0, shared: 0 };
      this.counters.set(key, c);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * this.windowMs - now) / 1000));
    if (c.shared + c.local >= max) return { allowed: false, retryAfterSeconds };
    c.local++;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.timer = setTimeout(() => void this.sync().finally(() => this.timer && tick()), this.options.syncMs ?? 1000);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.syncing;
  }

  /** Adds local counts to the shared rows and reads back the totals (also of clients this process saw but
   * counted nothing new for: other processes may have); drops counters of past windows. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const window = Math.floor(this.clock.now().getTime() / this.windowMs);
    const pending: [string, Counter][] = [];
    for (const [key, c] of this.counters) {
      if (c.window < window) this.counters.delete(key);
      else pending.push([key, c]);
    }
    if (!pending.length) return;
    const deltas = pending.map(([, c]) => c.local);
    for (const [, c] of pending) c.local = 0;
    const ends = new Date((window + 1) * this.windowMs);
    try {
      const totals = await rows<{ key: string; hits: number }>(
        this.db.orm,
        sql`insert into stamps.rate_counters as r (key, hits, window_ends)
            select k, d, ${ends} from unnest(${pgArray(pending.map(([k]) => k))}::text[], ${pgArray(deltas)}::int[]) as t(k, d)
            on conflict (key) do update set
              hits = case when r.window_ends = excluded.window_ends then r.hits + excluded.hits else excluded.hits end,
              window_ends = excluded.window_ends
            returning key, hits`,
      );
      const byKey = new Map(totals.map((t) => [t.key, Number(t.hits)]));
      for (const [key, c] of pending) if (c.window === window) c.shared = byKey.get(key) ?? c.shared;
      if (Math.random() < 0.02) await this.db.orm.execute(sql`delete from stamps.rate_counters where window_ends < ${new Date(this.clock.now().getTime() - 2 * this.windowMs)}`);
    } catch (err) {
      // Keep what was counted: it is added again at the next sync.
      pending.forEach(([, c], i) => (c.local += deltas[i]!));
      this.log.warn({ err }, 'resolver rate counters not shared this time');
    }
  }
}
