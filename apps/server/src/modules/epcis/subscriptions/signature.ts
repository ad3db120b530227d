// GS1-Signature of webhook callbacks (REST binding: "HMAC with SHA-256 … in the GS1-Signature header"):
// `sha256=<lowercase hex HMAC-SHA256(signatureToken, body bytes)>`. The receiver recomputes it over the raw body
// it received with the token it gave when subscribing.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(token: string, body: string): string {
  return `sha256=${createHmac('sha256', token).update(body, 'utf8').digest('hex')}`;
}

export function verifySignature(token: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(token, body));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
