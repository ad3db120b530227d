// Keys derived from the one configured secret (TXNG_SECRET) with HKDF, one per purpose, so that no key is reused.
// In demo mode without TXNG_SECRET, a random secret is generated once and kept in the data folder (mode 0600).
import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config/config.ts';

export interface Secrets {
  /** Signs cookies. */
  readonly cookie: Buffer;
  /** Encrypts stored second-factor seeds and similar fields. */
  readonly fieldEncryption: Buffer;
  /** Keys pseudonymous hashes (client fingerprints, rate-limit keys) so they cannot be reversed by lookup. */
  readonly pseudonym: Buffer;
  /** Signs outgoing webhook callbacks when a subscription has no secret of its own. */
  readonly webhook: Buffer;
  /** True when the secret was generated for a demo (shown in logs, refused in production). */
  readonly generated: boolean;
}

function derive(master: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(master, 'utf8'), Buffer.alloc(0), `txng:${purpose}`, 32));
}

export function deriveSecrets(master: string, generated = false): Secrets {
  return {
    cookie: derive(master, 'cookie'),
    fieldEncryption: derive(master, 'field-encryption'),
    pseudonym: derive(master, 'pseudonym'),
    webhook: derive(master, 'webhook'),
    generated,
  };
}

export async function loadSecrets(config: Config): Promise<Secrets> {
  if (config.secret) return deriveSecrets(config.secret);
  if (!config.demo) throw new Error('TXNG_SECRET is required outside demo mode');
  const file = path.join(config.dataDir, 'demo-secret.txt');
  let master = await readFile(file, 'utf8').catch(() => '');
  if (master.trim().length < 32) {
    master = randomBytes(48).toString('base64url');
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, master, { mode: 0o600 });
  }
  return deriveSecrets(master.trim(), true);
}
