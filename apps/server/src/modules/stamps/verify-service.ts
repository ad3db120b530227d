// The hidden verification code: a consumer scratches the label and enters the code. The first correct entry
// marks it used (time and client pseudonym); a later correct entry answers "already verified on <date>" and,
// from another client, flags the stamp: the classic sign of a copied label. Guessing is bounded per stamp (5
// wrong codes lock it for 15 minutes, doubling with every further 5) and per client by the route's rate limit.
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.ts';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.ts';
import type { StampsDeps } from './deps.ts';
import { StampErrors } from './messages.ts';
import type { VerifyOutcome } from './resolver/types.ts';
import { raiseFlag } from './scans/suspicion.ts';
import { normalizeSerial, normalizeVerificationCode, verificationCodeMatches } from './serials.ts';
import { readStampAddress } from './stamp-uri.ts';

export const FAILURES_PER_LOCK = 5;
const LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 3600_000;
/** The same client re-entering its own code within this time is not a copy. */
const SAME_CLIENT_GRACE_MS = 24 * 3600_000;

export function lockRemainingMs(failures: number, lastFailureAt: Date | null, now: Date): number {
  if (failures < FAILURES_PER_LOCK || !lastFailureAt) return 0;
  const lock = Math.min(MAX_LOCK_MS, LOCK_MS * 2 ** (Math.floor(failures / FAILURES_PER_LOCK) - 1));
  return Math.max(0, lastFailureAt.getTime() + lock - now.getTime());
}

/** The serial a verification names: a stamp URI (Digital Link or /s/) or the code printed on the label. */
export function serialOfUri(uri: string): string | undefined {
  const address = readStampAddress(uri);
  if (address.kind === 'short') return address.serial;
  if (address.kind === 'digital-link') return address.serial ?? undefined;
  return normalizeSerial(uri);
}

export function createVerifyService(deps: StampsDeps) {
  const { db, clock } = deps;

  async function verify(input: { uri: string; code: string }, clientHash: string | null): Promise<VerifyOutcome> {
    const serial = serialOfUri(input.uri);
    if (!serial) throw fieldInvalid('/uri', StampErrors.STAMP_URI_MALFORMED, { reason: 'no stamp serial' });
    const code = normalizeVerificationCode(input.code);
    if (!code) throw fieldInvalid('/code', StampErrors.STAMP_VERIFY_CODE_MALFORMED);
    return db.transaction(async (tx) => {
      const [s] = await rows<{ status: string; codeHash: Buffer | Uint8Array | null; codeVerifiedAt: Date | null; codeVerifiedBy: string | null; codeFailures: number; codeLastFailureAt: Date | null }>(
        tx,
        sql`select status, code_hash as "codeHash", code_verified_at as "codeVerifiedAt", code_verified_by as "codeVerifiedBy", code_failures as "codeFailures",
              code_last_failure_at as "codeLastFailureAt" from stamps.stamps where serial = ${serial} for update`,
      );
      if (!s) throw notFound(StampErrors.STAMP_NOT_FOUND, { serial });
      const base = { serial, verifiedAt: null, attemptsLeft: null, retryAfterSeconds: null };
      if (!s.codeHash) return { ...base, outcome: 'no_code' as const };
      if (s.status !== 'active' && s.status !== 'recalled') return { ...base, outcome: 'inactive' as const };
      const now = clock.now();
      const locked = lockRemainingMs(s.codeFailures, s.codeLastFailureAt && new Date(s.codeLastFailureAt), now);
      if (locked > 0) {
        const retryAfter = Math.ceil(locked / 1000);
        throw new AppError('rate_limited', StampErrors.STAMP_VERIFY_LOCKED, { retryAfter }, [], { retryAfter });
      }
      if (!verificationCodeMatches(deps.codeKey, serial, code, Buffer.from(s.codeHash))) {
        const failures = s.codeFailures + 1;
        await tx.execute(sql`update stamps.stamps set code_failures = ${failures}, code_last_failure_at = ${now} where serial = ${serial}`);
        return { ...base, outcome: 'wrong_code' as const, attemptsLeft: FAILURES_PER_LOCK - (failures % FAILURES_PER_LOCK || FAILURES_PER_LOCK) };
      }
      if (!s.codeVerifiedAt) {
        await tx.execute(sql`update stamps.stamps set code_verified_at = ${now}, code_verified_by = ${clientHash}, code_failures = 0 where serial = ${serial}`);
        return { ...base, outcome: 'verified' as const, verifiedAt: now };
      }
      const first = new Date(s.codeVerifiedAt);
      const sameClient = clientHash !== null && s.codeVerifiedBy === clientHash && now.getTime() - first.getTime() < SAME_CLIENT_GRACE_MS;
      if (!sameClient) await raiseFlag(tx, serial, 'code_reused', now, { firstAt: first.toISOString() });
      await tx.execute(sql`update stamps.stamps set code_failures = 0 where serial = ${serial}`);
      return { ...base, outcome: 'already_verified' as const, verifiedAt: first };
    });
  }

  return { verify };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
