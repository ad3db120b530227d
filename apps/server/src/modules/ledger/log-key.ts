// The log's identity: its checkpoint origin and Ed25519 signing key (c2sp.org/signed-note, Go-compatible
// `PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || seed)`). In production the key comes from TXNG_LEDGER_KEY or
// TXNG_LEDGER_KEY_FILE; elsewhere one is generated on first start and kept in TXNG_DATA_DIR/ledger/log-key.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newSignerKey, parseSignerKey, type NoteSigner, type NoteVerifier } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import type { Config } from '../../config/config.ts';

export interface LogKey {
  /** The checkpoint origin line; also the key name, as tlog-checkpoint recommends. */
  readonly origin: string;
  readonly signer: NoteSigner;
  readonly verifier: NoteVerifier;
  /** The verifier key, `<name>+<hex key ID>+<base64>`. */
  readonly vkey: string;
  /** Where the key came from, for the start-up log. */
  readonly source: 'environment' | 'file' | 'generated' | 'data-dir';
}

/**
 * tlog-tiles §Parameters: "The origin line SHOULD be the scheme-less URL prefix of the log with no trailing
 * slashes" — the log lives under <PUBLIC_BASE_URL>/ledger, so https://truyxuat.sonla.gov.vn gives
 * `truyxuat.sonla.gov.vn/ledger`.
 */
export function originFor(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/ledger`;
}

export class LogKeyError extends Error {
  override name = 'LogKeyError';
}

function parse(text: string, where: string, source: LogKey['source']): LogKey {
  const parsed = parseSignerKey(nodeCrypto, text.trim());
  if (!parsed.ok) throw new LogKeyError(`${where} is not a signed-note signer key (${parsed.error.code})`);
  const { signer, verifier, verifierKey } = parsed.value;
  return { origin: signer.name, signer, verifier, vkey: verifierKey, source };
}

export async function loadLogKey(config: Config): Promise<LogKey> {
  if (config.ledgerKey) return parse(config.ledgerKey, 'TXNG_LEDGER_KEY', 'environment');
  if (config.ledgerKeyFile) {
    const text = await readFile(config.ledgerKeyFile, 'utf8').catch((err: Error) => {
      throw new LogKeyError(`TXNG_LEDGER_KEY_FILE cannot be read: ${err.message}`);
    });
    return parse(text, `TXNG_LEDGER_KEY_FILE (${config.ledgerKeyFile})`, 'file');
  }
  if (config.nodeEnv === 'production') throw new LogKeyError('TXNG_LEDGER_KEY or TXNG_LEDGER_KEY_FILE is required in production');
  const file = path.join(config.dataDir, 'ledger', 'log-key');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) return parse(existing, file, 'data-dir');
  const generated = newSignerKey(nodeCrypto, originFor(config.publicBaseUrl), randomBytes(32));
  if (!generated.ok) throw new LogKeyError(`cannot make a key named ${originFor(config.publicBaseUrl)}: ${generated.error.code}`);
  await mkdir(path.dirname(file), { recursive: true });
  // `wx`: two processes starting at once must not both generate; the loser reads the winner's key.
  try {
    await writeFile(file, `${generated.value.signerKey}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    return parse(await readFile(file, 'utf8'), file, 'data-dir');
  }
  return { ...parse(generated.value.signerKey, file, 'generated') };
}
