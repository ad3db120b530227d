// The witness (c2sp.org/tlog-witness §add-checkpoint) over real HTTP: every status the spec names, cosignatures
// that OpenSSL verifies, state that survives a restart, and a fork signed by the log's own key refused.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cosignatureMessage,
  EMPTY_TREE_ROOT,
  formatAddCheckpointRequest,
  formatCheckpoint,
  MemoryTileStore,
  merkleHasher,
  newSignerKey,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  proveConsistency,
  signNote,
  tileNodeReader,
  TreeBuilder,
  type Hash,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { fixedClock } from '../../platform/clock.ts';
import { hasOpenssl, opensslVerifies, requireTool } from './test-kit.ts';
import { loadOrCreateWitnessKey, Witness } from './witness.ts';
import { serveWitness, type RunningWitness } from './witness-http.ts';

const hasher = merkleHasher(nodeCrypto);
const ORIGIN = 'txng.test/ledger';
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const logKey = unwrap(parseSignerKey(nodeCrypto, unwrap(newSignerKey(nodeCrypto, ORIGIN, randomBytes(32))).signerKey));
const second = unwrap(parseSignerKey(nodeCrypto, unwrap(newSignerKey(nodeCrypto, 'txng.test/second', randomBytes(32))).signerKey));
const impostor = unwrap(parseSignerKey(nodeCrypto, unwrap(newSignerKey(nodeCrypto, ORIGIN, randomBytes(32))).signerKey));

/** A log of `size` entries in memory, forked from the honest one by `salt`, signed by `signer`. */
function tree(size: number, salt = '') {
  const builder = TreeBuilder.empty(hasher);
  const store = new MemoryTileStore();
  const roots: Hash[] = [builder.root()];
  for (let i = 0; i < size; i++) {
    const appended = unwrap(builder.appendEntries([new TextEncoder().encode(`${salt}record ${i}`)]));
    for (const t of appended.tiles) store.put(t.tile, t.data);
    roots.push(builder.root());
  }
  const checkpoint = (n: number, signer = logKey.signer) => unwrap(signNote(unwrap(formatCheckpoint({ origin: ORIGIN, size: BigInt(n), root: roots[n]!, extensions: [] })), [signer]));
  const proof = async (from: number, to: number) => (from === 0 || from === to ? [] : unwrap(await proveConsistency(hasher, tileNodeReader(hasher, BigInt(to), store), from, to)));
  return { roots, checkpoint, proof };
}

describe('txng witness over HTTP', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'witness-'));
  const clock = fixedClock('2026-03-01T08:00:00Z');
  let running: RunningWitness;
  let witnessVkey: string;
  const honest = tree(40);
  const post = async (body: string) => {
    const res = await fetch(`${running.url}/add-checkpoint`, { method: 'POST', body });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };
  const start = async () => {
    const key = await loadOrCreateWitnessKey(dir, 'witness.snnmt.sonla.test');
    witnessVkey = key.vkey;
    running = await serveWitness(await Witness.open({ key, logs: [logKey.verifier, second.verifier], dir, clock }), { host: '127.0.0.1', port: 0 });
  };
  beforeAll(start);
  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cosigns a consistent checkpoint with a timestamped Ed25519 cosignature that OpenSSL verifies', async () => {
    const res = await post(formatAddCheckpointRequest({ oldSize: 0n, proof: [], checkpoint: honest.checkpoint(10) }));
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^— witness\.snnmt\.sonla\.test [A-Za-z0-9+/=]+\n$/);
    const witness = unwrap(parseVerifierKey(nodeCrypto, witnessVkey));
    const text = honest.checkpoint(10).slice(0, honest.checkpoint(10).indexOf('\n\n') + 1);
    const opened = unwrap(openNote(`${text}\n${res.body}`, [witness]));
    expect(opened.verified[0]!.timestamp).toBe(BigInt(Date.parse('2026-03-01T08:00:00Z') / 1000));
    if (requireTool(hasOpenssl(), 'OpenSSL')) {
      const signature = opened.verified[0]!.signature;
      const message = cosignatureMessage(new TextEncoder().encode(text), opened.verified[0]!.timestamp!);
      expect(opensslVerifies(witness.publicKey, message, signature.subarray(8))).toBe(true);
      expect(opensslVerifies(witness.publicKey, cosignatureMessage(new TextEncoder().encode(text.replace('\n10\n', '\n11\n')), 1n), signature.subarray(8))).toBe(false);
    }
    clock.advance(60_000);
    const next = await post(formatAddCheckpointRequest({ oldSize: 10n, proof: await honest.proof(10, 20), checkpoint: honest.checkpoint(20) }));
    expect(next.status).toBe(200);
  });

  it('answers 409 with its latest size when the old size is wrong, as text/x.tlog.size', async () => {
    const res = await post(formatAddCheckpointRequest({ oldSize: 10n, proof: await honest.proof(10, 30), checkpoint: honest.checkpoint(30) }));
    expect(res).toEqual({ status: 409, type: 'text/x.tlog.size', body: '20\n' });
  });

  it('answers 400, 403, 404 and 422 as the spec names them', async () => {
    expect((await post('hello')).status).toBe(400);
    expect((await post(formatAddCheckpointRequest({ oldSize: 31n, proof: [], checkpoint: honest.checkpoint(30) }))).status).toBe(400);
    // Unknown origin.
    const other = unwrap(parseSignerKey(nodeCrypto, unwrap(newSignerKey(nodeCrypto, 'other.example/log', randomBytes(32))).signerKey));
    const foreign = unwrap(signNote(unwrap(formatCheckpoint({ origin: 'other.example/log', size: 1n, root: honest.roots[1]!, extensions: [] })), [other.signer]));
    expect((await post(formatAddCheckpointRequest({ oldSize: 0n, proof: [], checkpoint: foreign }))).status).toBe(404);
    // Known origin, signed by a key the witness does not trust: 403.
    expect((await post(formatAddCheckpointRequest({ oldSize: 20n, proof: await honest.proof(20, 30), checkpoint: honest.checkpoint(30, impostor.signer) }))).status).toBe(403);
    // The trusted key's name and ID, but a signature that does not verify: 403.
    const good = honest.checkpoint(30);
    const broken = good.replace(/ ([A-Za-z0-9+/]{6})([A-Za-z0-9+/])/, (_, a: string, b: string) => ` ${a}${b === 'A' ? 'B' : 'A'}`);
    expect((await post(formatAddCheckpointRequest({ oldSize: 20n, proof: await honest.proof(20, 30), checkpoint: broken }))).status).toBe(403);
    // A proof that does not lead from the witnessed tree: 422.
    const fork = tree(40, 'forged ');
    expect((await post(formatAddCheckpointRequest({ oldSize: 20n, proof: await fork.proof(20, 30), checkpoint: fork.checkpoint(30) }))).status).toBe(422);
    expect((await post(formatAddCheckpointRequest({ oldSize: 20n, proof: await honest.proof(20, 30), checkpoint: fork.checkpoint(30) }))).status).toBe(422);
    // Same size, another root: 422.
    expect((await post(formatAddCheckpointRequest({ oldSize: 20n, proof: [], checkpoint: fork.checkpoint(20) }))).status).toBe(422);
    // Size 0 needs the empty tree's root (a log this witness has not cosigned yet).
    const badEmpty = unwrap(signNote(unwrap(formatCheckpoint({ origin: 'txng.test/second', size: 0n, root: honest.roots[5]!, extensions: [] })), [second.signer]));
    expect(Buffer.compare(EMPTY_TREE_ROOT, honest.roots[0]!)).toBe(0);
    expect((await post(formatAddCheckpointRequest({ oldSize: 0n, proof: [], checkpoint: badEmpty }))).status).toBe(422);
    // A non-empty proof from size 0: 422.
    const fromZero = unwrap(signNote(unwrap(formatCheckpoint({ origin: 'txng.test/second', size: 4n, root: honest.roots[4]!, extensions: [] })), [second.signer]));
    expect((await post(formatAddCheckpointRequest({ oldSize: 0n, proof: [honest.roots[2]!], checkpoint: fromZero }))).status).toBe(422);
    // Nothing refused moved the witness: it still holds size 20.
    expect((await post(formatAddCheckpointRequest({ oldSize: 0n, proof: [], checkpoint: honest.checkpoint(30) }))).body).toBe('20\n');
  });

  it('keeps its state across a restart and serves the cosigned checkpoint to monitors', async () => {
    const state = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as { logs: Record<string, { size: string }> };
    expect(state.logs[ORIGIN]!.size).toBe('20');
    await running.close();
    await start();
    const res = await post(formatAddCheckpointRequest({ oldSize: 0n, proof: [], checkpoint: honest.checkpoint(40) }));
    expect(res).toMatchObject({ status: 409, body: '20\n' });
    const originHash = createHash('sha256').update(ORIGIN).digest('hex');
    const served = await fetch(`${running.url}/${originHash}/checkpoint`);
    const text = await served.text();
    const opened = unwrap(openNote(text, [logKey.verifier, unwrap(parseVerifierKey(nodeCrypto, witnessVkey))]));
    expect(opened.text).toContain('\n20\n');
    expect(opened.verified).toHaveLength(2);
    expect((await fetch(`${running.url}/${'0'.repeat(64)}/checkpoint`)).status).toBe(404);
    expect((await fetch(`${running.url}/add-checkpoint`)).status).toBe(405);
  });
});
