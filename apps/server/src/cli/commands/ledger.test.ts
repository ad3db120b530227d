// `txng ledger verify-proof | monitor | key` against a running server: proofs check offline against the log's
// key (and a record's content against its logged hash); the monitor keeps its state between runs and exits 1
// on a tampered log.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSignerKey } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';
import { recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import { main } from '../main.ts';

async function txng(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(['ledger', ...args], { stdin: new PassThrough(), stdout, stderr, env });
  return { code, out, err };
}

describe('txng ledger', () => {
  const keys = newSignerKey(nodeCrypto, 'txng.test/ledger', randomBytes(32));
  if (!keys.ok) throw new Error(keys.error.code);
  const { signerKey, verifierKey: vkey } = keys.value;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'txng-ledger-cli-'));
  const content = { gtin: '08936012345678', lot: 'L-2026-03', origin: 'Mộc Châu' };
  let t: TestSystem;
  let base: string;
  let proofJson: string;

  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_LEDGER_KEY: signerKey } });
    await t.system.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.system.app.server.address() as AddressInfo).port}`;
    await t.db.transaction(async (tx) => {
      await recordInLedger(tx, { kind: 'lot.version', id: 'L-2026-03@1', content });
      for (let i = 0; i < 40; i++) await recordInLedger(tx, { kind: 'epcis.event', id: `ev-${i}`, content: { i } });
    });
    await t.system.ledger.flush();
    proofJson = (await t.system.app.inject('/api/v1/ledger/proof?kind=lot.version&id=L-2026-03@1')).body;
    writeFileSync(path.join(dir, 'proof.json'), proofJson);
    writeFileSync(path.join(dir, 'proof.txt'), (JSON.parse(proofJson) as { tlogProof: string }).tlogProof);
    writeFileSync(path.join(dir, 'content.json'), JSON.stringify(content));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verify-proof accepts the API\'s proof (JSON or tlog-proof text) against the log key, offline', async () => {
    for (const file of ['proof.json', 'proof.txt']) {
      const r = await txng(['verify-proof', path.join(dir, file), '--vkey', vkey, '--content', path.join(dir, 'content.json')]);
      expect(r, file).toMatchObject({ code: 0, out: 'OK: lot.version L-2026-03@1 is entry 0 of txng.test/ledger (size 41); cosigned by no witness\n' });
    }
    const json = await txng(['verify-proof', path.join(dir, 'proof.json'), '--vkey', vkey, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, kind: 'lot.version', index: 0, treeSize: 41 });
  });

  it('verify-proof refuses another key, a changed proof, a changed record and an unmet witness quorum', async () => {
    const other = newSignerKey(nodeCrypto, 'txng.test/ledger', randomBytes(32));
    if (!other.ok) throw new Error(other.error.code);
    const wrongKey = await txng(['verify-proof', path.join(dir, 'proof.txt'), '--vkey', other.value.verifierKey, '--lang', 'en']);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/^FAILED: .*trusted key/);
    writeFileSync(path.join(dir, 'moved.txt'), readFileSync(path.join(dir, 'proof.txt'), 'utf8').replace('\nindex 0\n', '\nindex 1\n'));
    expect((await txng(['verify-proof', path.join(dir, 'moved.txt'), '--vkey', vkey])).code).toBe(1);
    // The stored record was changed after it was logged: its content no longer hashes to the leaf.
    writeFileSync(path.join(dir, 'changed.json'), JSON.stringify({ ...content, origin: 'Vân Hồ' }));
    const changed = await txng(['verify-proof', path.join(dir, 'proof.json'), '--vkey', vkey, '--content', path.join(dir, 'changed.json'), '--lang', 'en']);
    expect(changed.code).toBe(1);
    expect(changed.err).toContain('not the logged');
    expect((await txng(['verify-proof', path.join(dir, 'proof.txt'), '--vkey', vkey, '--quorum', '1'])).code).toBe(1);
    expect((await txng(['verify-proof', path.join(dir, 'proof.txt')])).code).toBe(2);
  });

  it('monitor rebuilds the log, remembers it, and exits 1 with the finding when an entry is rewritten', async () => {
    const state = path.join(dir, 'monitor.json');
    const first = await txng(['monitor', base, '--vkey', vkey, '--state', state, '--checkpoint', path.join(dir, 'proof.txt')]);
    expect(first).toMatchObject({ code: 0, out: 'OK: 41 entries rebuilt; 1 checkpoint(s) consistent\n' });
    await t.db.transaction((tx) => recordInLedger(tx, { kind: 'recall', id: 'TH-1', content: { reason: 'kiểm tra' } }));
    await t.system.ledger.flush();
    const second = await txng(['monitor', `${base}/ledger`, '--state', state]);
    expect(second).toMatchObject({ code: 0, out: 'OK: 42 entries rebuilt; 2 checkpoint(s) consistent\n' });
    expect(JSON.parse(readFileSync(state, 'utf8')).vkey).toBe(vkey);
    expect(readFileSync(`${state}.leaves`).length).toBe(42 * 32);

    const [row] = await rows<{ data: Uint8Array }>(t.db.orm, sql`select data from ledger.bundles where idx = 0`);
    const original = Buffer.from(row!.data);
    const forged = Buffer.from(original.toString('latin1').replace('"id":"ev-9"', '"id":"ev-X"'), 'latin1');
    await t.db.orm.execute(sql`update ledger.bundles set data = ${forged} where idx = 0`);
    try {
      const third = await txng(['monitor', base, '--state', state, '--lang', 'en']);
      expect(third.code).toBe(1);
      expect(third.out).toContain('LEDGER_MONITOR_ENTRY_REWRITTEN: Entry 10 ({"id":"ev-X"');
      expect(third.out).toContain('LEDGER_MONITOR_ROOT_MISMATCH');
    } finally {
      await t.db.orm.execute(sql`update ledger.bundles set data = ${original} where idx = 0`);
    }
  });

  it('key prints the configured log key', async () => {
    const r = await txng(['key'], { TXNG_LEDGER_KEY: signerKey, TXNG_DATA_DIR: dir, TXNG_SECRET: 'x'.repeat(40), TXNG_DEMO: 'false' });
    expect(r).toEqual({ code: 0, out: `${vkey}\n`, err: '' });
  });
});
