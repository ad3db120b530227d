// `txng witness` as a process: it creates its key on first run, prints its verifier key, cosigns over HTTP, keeps
// its state in its folder and refuses a second process on the same folder.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EMPTY_TREE_ROOT,
  formatAddCheckpointRequest,
  formatCheckpoint,
  newSignerKey,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { freePort } from '../../../test/postgres-server.ts';

const bin = fileURLToPath(new URL('../../../bin/txng.mjs', import.meta.url));
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('txng witness', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'txng-witness-cli-'));
  const log = unwrap(parseSignerKey(nodeCrypto, unwrap(newSignerKey(nodeCrypto, 'txng.test/ledger', randomBytes(32))).signerKey));
  const logVkey = log.verifierKey;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a witness that cosigns the log\'s checkpoints and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const key = spawnSync(process.execPath, [bin, 'witness', 'key', '--dir', dir, '--name', 'witness.cong-txng.test'], { encoding: 'utf8' });
    expect(key.status).toBe(0);
    const vkey = key.stdout.trim();
    expect(unwrap(parseVerifierKey(nodeCrypto, vkey)).type).toBe(0x04);
    expect(spawnSync(process.execPath, [bin, 'witness', '--dir', dir, '--log', 'not-a-key'], { encoding: 'utf8' }).status).toBe(2);

    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'witness', '--dir', dir, '--log', logVkey, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('verifier key:')) resolve();
      });
      child.once('exit', () => reject(new Error(`witness exited: ${out}`)));
    });
    expect(out).toContain(`verifier key: ${vkey}`);
    // A second witness process on the same folder would race on its state: refused.
    const second = spawnSync(process.execPath, [bin, 'witness', '--dir', dir, '--log', logVkey, '--listen', '127.0.0.1:0'], { encoding: 'utf8' });
    expect(second.status).not.toBe(0);
    expect(second.stderr + second.stdout).toContain('in use by process');

    const checkpoint = unwrap(signNote(unwrap(formatCheckpoint({ origin: 'txng.test/ledger', size: 0n, root: EMPTY_TREE_ROOT, extensions: [] })), [log.signer]));
    const res = await fetch(`http://127.0.0.1:${port}/add-checkpoint`, { method: 'POST', body: formatAddCheckpointRequest({ oldSize: 0n, proof: [], checkpoint }) });
    expect(res.status).toBe(200);
    const text = checkpoint.slice(0, checkpoint.indexOf('\n\n') + 1);
    expect(unwrap(openNote(`${text}\n${await res.text()}`, [unwrap(parseVerifierKey(nodeCrypto, vkey))])).verified).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')).logs['txng.test/ledger'].size).toBe('0');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
