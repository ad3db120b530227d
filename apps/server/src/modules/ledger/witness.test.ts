// The log and its witnesses together: each checkpoint goes to both witnesses, the published note carries their
// cosignatures (verified here by OpenSSL as well), a checkpoint short of the 2-of-2 quorum is not published
// until the missing witness is back, and published checkpoints reach the anchor.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignatureMessage, merkleHasher, newSignerKey, openCheckpoint, parseVerifierKey, verifyTlogProof, type NoteVerifier } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { freePort } from '../../../test/postgres-server.ts';
import { systemClock } from '../../platform/clock.ts';
import { rows } from '../../platform/db/database.ts';
import type { AnchoredCheckpoint } from './anchor.ts';
import { createLedger } from './runtime.ts';
import { hasOpenssl, opensslVerifies, recordMany, requireTool } from './test-kit.ts';
import { loadOrCreateWitnessKey, Witness } from './witness.ts';
import { serveWitness, type RunningWitness } from './witness-http.ts';

const hasher = merkleHasher(nodeCrypto);
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

interface TestWitness {
  readonly name: string;
  readonly dir: string;
  readonly port: number;
  vkey: string;
  running?: RunningWitness;
}

describe('witnessed checkpoints', () => {
  const logKeys = unwrap(newSignerKey(nodeCrypto, 'txng.test/ledger', randomBytes(32)));
  const logVerifier = unwrap(parseVerifierKey(nodeCrypto, logKeys.verifierKey));
  const witnesses: TestWitness[] = [];
  let t: TestSystem;

  const startWitness = async (w: TestWitness) => {
    const key = await loadOrCreateWitnessKey(w.dir, `witness.${w.port}.test`);
    w.vkey = key.vkey;
    w.running = await serveWitness(await Witness.open({ key, logs: [logVerifier], dir: w.dir, clock: systemClock }), { host: '127.0.0.1', port: w.port });
  };

  beforeAll(async () => {
    for (const name of ['Sở Nông nghiệp và Môi trường', 'Cổng TXNG quốc gia']) {
      const w: TestWitness = { name, dir: mkdtempSync(path.join(os.tmpdir(), 'ledger-witness-')), port: await freePort(), vkey: '' };
      await startWitness(w);
      witnesses.push(w);
    }
    t = await createTestSystem({
      env: {
        TXNG_LEDGER_KEY: logKeys.signerKey,
        TXNG_WITNESSES: JSON.stringify(witnesses.map((w) => ({ name: w.name, vkey: w.vkey, url: `http://127.0.0.1:${w.port}` }))),
        TXNG_WITNESS_QUORUM: '2',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    for (const w of witnesses) {
      await w.running?.close();
      rmSync(w.dir, { recursive: true, force: true });
    }
  });

  const witnessKeys = (): NoteVerifier[] => witnesses.map((w) => unwrap(parseVerifierKey(nodeCrypto, w.vkey)));
  const published = async () => {
    const note = (await t.system.app.inject('/ledger/checkpoint')).body;
    return { note, opened: unwrap(openCheckpoint(note, { origin: 'txng.test/ledger', logKeys: [logVerifier], witnessKeys: witnessKeys(), quorum: 2 })) };
  };

  it('publishes checkpoints cosigned by both witnesses; OpenSSL verifies every signature', async () => {
    await recordMany(t.db, 20, 'w', 10);
    await t.system.ledger.flush();
    const { opened } = await published();
    expect(opened.checkpoint.size).toBe(20n);
    expect(opened.cosignatures.map((c) => c.name).sort()).toEqual(witnesses.map((w) => `witness.${w.port}.test`).sort());
    const keys = await t.system.app.inject('/api/v1/ledger/key');
    expect(keys.json()).toMatchObject({ vkey: logKeys.verifierKey, quorum: 2, witnesses: witnesses.map((w) => ({ name: w.name, vkey: w.vkey })) });
    if (requireTool(hasOpenssl(), 'OpenSSL')) {
      const text = new TextEncoder().encode(opened.text);
      expect(opensslVerifies(logVerifier.publicKey, text, opened.logSignatures[0]!.signature)).toBe(true);
      for (const c of opened.cosignatures) {
        expect(opensslVerifies(c.verifier.publicKey, cosignatureMessage(text, c.timestamp!), c.signature.subarray(8))).toBe(true);
      }
    }
    // The record's tlog-proof carries the cosigned checkpoint: a client requiring 2 of 2 accepts it.
    const proof = (await t.system.app.inject('/api/v1/ledger/proof?kind=epcis.event&id=w-3')).json() as { tlogProof: string; leaf: string };
    const leafHash = hasher.leafHash(new TextEncoder().encode(proof.leaf));
    expect(verifyTlogProof(hasher, proof.tlogProof, leafHash, { origin: 'txng.test/ledger', logKeys: [logVerifier], witnessKeys: witnessKeys(), quorum: 2 }).ok).toBe(true);
  });

  it('does not publish a checkpoint short of the quorum, and publishes it once the witness is back', async () => {
    await witnesses[1]!.running!.close();
    await recordMany(t.db, 5, 'down', 5);
    await t.system.ledger.flush();
    expect((await published()).opened.checkpoint.size).toBe(20n);
    const signed = await t.system.ledger.checkpoints.latestSigned();
    expect(signed).toMatchObject({ size: 25n, cosignatures: 1, publishedAt: null });
    expect((await t.system.app.inject('/api/v1/ledger/proof?kind=epcis.event&id=down-1')).json().code).toBe('LEDGER_ENTRY_PENDING');
    const [status] = await rows<{ last_error: string | null }>(t.db.orm, sql`select last_error from ledger.witness_status where vkey = ${witnesses[1]!.vkey}`);
    expect(status?.last_error).toBeTruthy();
    await startWitness(witnesses[1]!);
    await t.system.ledger.flush();
    const after = await published();
    expect(after.opened.checkpoint.size).toBe(25n);
    expect(after.opened.cosignatures).toHaveLength(2);
  });

  it('catches up a witness whose size the log forgot, following its 409 answer', async () => {
    await t.db.orm.execute(sql`delete from ledger.witness_status`);
    await recordMany(t.db, 3, 'forgot', 3);
    await t.system.ledger.flush();
    const after = await published();
    expect(after.opened.checkpoint.size).toBe(28n);
    expect(after.opened.cosignatures).toHaveLength(2);
  });

  it('hands each published checkpoint to the anchor', async () => {
    const anchored: AnchoredCheckpoint[] = [];
    const ledger = await createLedger({
      db: t.db,
      config: t.config,
      log: pino({ level: 'silent' }),
      clock: systemClock,
      anchor: { name: 'recorded', anchor: async (c) => void anchored.push(c) },
    });
    await recordMany(t.db, 2, 'anchor', 2);
    await ledger.flush();
    expect(anchored.map((a) => a.size)).toEqual([30n]);
    expect(anchored[0]!.note).toBe((await published()).note);
  });
});

describe('demo mode', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_DEMO: 'true' } });
  });
  afterAll(async () => t?.close());

  it('runs two local witnesses in the server process and publishes checkpoints both cosigned', async () => {
    t.system.ledger.start();
    await recordMany(t.db, 3, 'demo', 3);
    const deadline = Date.now() + 20_000;
    let body: { size: number; cosignatures: number } = { size: 0, cosignatures: 0 };
    while (Date.now() < deadline && !(body.size === 3 && body.cosignatures === 2)) {
      const res = await t.system.app.inject('/api/v1/ledger/checkpoint');
      if (res.statusCode === 200) body = res.json();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(body).toMatchObject({ size: 3, cosignatures: 2 });
    const keys = (await t.system.app.inject('/api/v1/ledger/key')).json() as { quorum: number; witnesses: { name: string }[] };
    expect(keys.quorum).toBe(2);
    expect(keys.witnesses.map((w) => w.name)).toEqual(['Sở Nông nghiệp và Môi trường', 'Cổng TXNG quốc gia']);
  });
});
