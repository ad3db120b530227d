// Spam protection of the report form without a third-party CAPTCHA: a signed timestamp token. The form carries
// `<issued ms>.<nonce>.<HMAC>` (keyed by a secret derived for this purpose only); a submission is accepted only
// if the signature holds, at least MIN_FILL_MS passed since the form was served (bots post at once), at most
// MAX_AGE_MS (no harvesting tokens for later), and the nonce was not used before (the reports table keeps it,
// unique). Together with the honeypot field and the per-client rate limit this stops scripted floods, and needs
// no JavaScript on the phone.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 2 * 3_600_000;
const NONCE_BYTES = 12;

export type TokenCheck = { readonly ok: true; readonly nonce: string } | { readonly ok: false; readonly reason: 'malformed' | 'expired' | 'too_fast' };

export class FormTokens {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac('sha256', secret).update('txng public report form token v1').digest();
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  issue(now: Date): string {
    const body = `${now.getTime()}.${this.nonce()}`;
    return `${body}.${this.sign(body)}`;
  }

  // Every scan page carries a token: random bytes are drawn 3 KB at a time (one system call per 256 tokens)
  // and each nonce takes the next 12, never reused.
  private pool = Buffer.alloc(0);
  private used = 0;

  private nonce(): string {
    if (this.used + NONCE_BYTES > this.pool.length) {
      this.pool = randomBytes(NONCE_BYTES * 256);
      this.used = 0;
    }
    const nonce = this.pool.toString('base64url', this.used, this.used + NONCE_BYTES);
    this.used += NONCE_BYTES;
    return nonce;
  }

  check(token: string, now: Date): TokenCheck {
    const m = /^(\d{10,16})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${m[1]}.${m[2]}`));
    const given = Buffer.from(m[3]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'malformed' };
    const age = now.getTime() - Number(m[1]);
    if (age < MIN_FILL_MS) return { ok: false, reason: 'too_fast' };
    if (age > MAX_AGE_MS) return { ok: false, reason: 'expired' };
    return { ok: true, nonce: m[2]! };
  }
}
