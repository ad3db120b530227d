// Whether the configured bucket can be used, checked at start and every minute, so that a wrong endpoint, bucket
// name or secret shows in the log at start and in /readyz, not first in a user's failed upload. Never blocks
// start-up: public pages and most of the API do not need the bucket.
import type { Logger } from 'pino';
import { S3RequestError, type S3Client } from './s3-client.ts';

/** `checking` until the first answer; `refused`: credentials, permissions or the bucket's name are wrong. */
export type BucketState = 'checking' | 'ok' | 'unreachable' | 'refused' | 'failing';

export interface BucketWatch {
  readonly state: BucketState;
  /** Resolves after the next check (tests, and the first check at start). */
  check(): Promise<BucketState>;
  stop(): void;
}

const PROBE_KEY = '.txng-readiness-probe';

export function stateOfFailure(err: unknown): BucketState {
  if (!(err instanceof S3RequestError)) return 'failing';
  if (err.status === undefined) return 'unreachable';
  if (err.status === 401 || err.status === 403 || err.status === 404 || err.status === 400) return 'refused';
  return 'failing';
}

export function watchBucket(client: S3Client, log: Logger, intervalMs = 60_000): BucketWatch {
  let state: BucketState = 'checking';
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<BucketState> | undefined;
  const where = { bucket: client.bucket, region: client.region, endpoint: client.objectUrl('').origin };

  const check = (): Promise<BucketState> => {
    running ??= (async () => {
      let next: BucketState;
      let reason: string | undefined;
      try {
        await client.checkReadable(PROBE_KEY);
        next = 'ok';
      } catch (err) {
        next = stateOfFailure(err);
        reason = err instanceof Error ? err.message : String(err);
      }
      if (next !== state) {
        if (next === 'ok') log.info(where, state === 'checking' ? 'object storage bucket reachable' : 'object storage bucket reachable again');
        else log.error({ ...where, state: next, reason }, 'object storage bucket not usable: uploads and S3-stored ledger tiles will fail until this is fixed');
      }
      state = next;
      return next;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  void check();
  timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    get state() {
      return state;
    },
    check,
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
