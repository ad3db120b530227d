// A @fastify/rate-limit store kept in PostgreSQL, so that limits hold across every server process
// (architecture: no per-process state). One upsert per counted request.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../db/database.ts';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

export function postgresRateLimitStore(db: Database) {
  return class PostgresRateLimitStore {
    incr(key: string, cb: Callback, timeWindow: number): void {
      const hashed = createHash('sha256').update(key).digest('base64url');
      rows<{ hits: number; ttl_ms: number }>(
        db.orm,
        sql`insert into platform.rate_limits as r (key, hits, window_ends)
            values (${hashed}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
            on conflict (key) do update set
              hits = case when r.window_ends <= now() then 1 else r.hits + 1 end,
              window_ends = case when r.window_ends <= now() then now() + make_interval(secs => ${timeWindow / 1000}) else r.window_ends end
            returning hits, greatest(0, floor(extract(epoch from (window_ends - now())) * 1000))::int as ttl_ms`,
      ).then(
        (r) => cb(null, { current: r[0]!.hits, ttl: r[0]!.ttl_ms }),
        (err: Error) => cb(err),
      );
    }

    child(): PostgresRateLimitStore {
      return this;
    }
  };
}

export async function purgeExpiredRateLimits(db: Database): Promise<void> {
  await db.orm.execute(sql`delete from platform.rate_limits where window_ends < now() - interval '1 minute'`);
}
