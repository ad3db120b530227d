import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { nodeCrypto } from '../node/index.ts';
import { verifyRecordProof } from '../browser/index.ts';
import { formatCheckpoint } from '../checkpoint/checkpoint.ts';
import { merkleHasher } from '../merkle/hasher.ts';
import { proveInclusion } from '../merkle/prove.ts';
import { TreeBuilder } from '../merkle/tree-builder.ts';
import { cosigner, cosignatureVerifier } from '../note/cosignature.ts';
import { formatVerifierKey, newSignerKey, parseSignerKey } from '../note/keys.ts';
import { signNote } from '../note/signed-note.ts';
import { MemoryTileStore, tileNodeReader } from '../tiles/tile-reader.ts';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './tlog-proof.ts';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const hasher = merkleHasher(nodeCrypto);
const ORIGIN = 'txng.sonla.gov.vn/ledger';
const keys = unwrap(newSignerKey(nodeCrypto, ORIGIN, new Uint8Array(32).fill(5)));
const log = unwrap(parseSignerKey(nodeCrypto, keys.signerKey));
const witnessSeed = new Uint8Array(32).fill(6);
const witness = unwrap(cosigner(nodeCrypto, 'so-nnmt.sonla.gov.vn', witnessSeed, 1767139200));
const witnessKey = unwrap(cosignatureVerifier(nodeCrypto, 'so-nnmt.sonla.gov.vn', nodeCrypto.ed25519PublicKey(witnessSeed)));
const entries = Array.from({ length: 1000 }, (_, i) => utf8(`{"kind":"epcis-event","id":"${i}"}`));

async function proofFor(index: number, extra?: Uint8Array): Promise<string> {
  const builder = TreeBuilder.empty(hasher);
  const appended = unwrap(builder.appendEntries(entries));
  const store = new MemoryTileStore();
  for (const t of appended.tiles) store.put(t.tile, t.data);
  const text = unwrap(formatCheckpoint({ origin: ORIGIN, size: 1000n, root: builder.root(), extensions: [] }));
  const checkpoint = unwrap(signNote(text, [log.signer, witness]));
  const proof = unwrap(await proveInclusion(hasher, tileNodeReader(hasher, 1000n, store), index, 1000));
  return formatTlogProof({ ...(extra ? { extra } : {}), index: BigInt(index), proof, checkpoint });
}

describe('tlog-proof', () => {
  it('round-trips and verifies with the log key and a witness quorum', async () => {
    const text = await proofFor(777, utf8('age-v1.2.1'));
    expect(text.split('\n').slice(0, 3)).toEqual(['c2sp.org/tlog-proof@v1', 'extra YWdlLXYxLjIuMQ==', 'index 777']);
    expect(formatTlogProof(unwrap(parseTlogProof(text)))).toBe(text);
    const policy = { origin: ORIGIN, logKeys: [log.verifier], witnessKeys: [witnessKey], quorum: 1 };
    const verified = unwrap(verifyTlogProof(hasher, text, hasher.leafHash(entries[777]!), policy));
    expect(verified.checkpoint.cosignatures[0]?.timestamp).toBe(1767139200n);
    expect(verifyTlogProof(hasher, text, hasher.leafHash(entries[778]!), policy)).toMatchObject({
      ok: false,
      error: { code: 'TLOG_BAD_INCLUSION_PROOF' },
    });
  });

  it('does not authenticate the extra line (§Format), so applications must not trust it', async () => {
    const text = await proofFor(3, utf8('a'));
    const changed = text.replace('extra YQ==', 'extra Yg==');
    const policy = { logKeys: [log.verifier] };
    expect(verifyTlogProof(hasher, changed, hasher.leafHash(entries[3]!), policy).ok).toBe(true);
  });

  it.each([
    ['a wrong header', 'c2sp.org/tlog-proof@v2\nindex 1\n\n', 1],
    ['a missing index', 'c2sp.org/tlog-proof@v1\n\n', 2],
    ['a leading zero', 'c2sp.org/tlog-proof@v1\nindex 01\n\n', 2],
    ['a short hash', 'c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\n', 3],
    ['no blank line', 'c2sp.org/tlog-proof@v1\nindex 1', 3],
    ['no checkpoint', 'c2sp.org/tlog-proof@v1\nindex 1\n\n', 4],
  ])('rejects %s', (_, text, line) => {
    expect(parseTlogProof(text)).toMatchObject({ ok: false, error: { code: 'PROOF_MALFORMED', position: line } });
  });
});

describe('browser verifier', () => {
  it('verifies a record proof with the verify-only primitives', async () => {
    const text = await proofFor(999);
    const result = unwrap(verifyRecordProof({ proof: text, entry: entries[999]!, logKey: keys.verifierKey, witnessKeys: [formatVerifierKey(witnessKey)], quorum: 1 }));
    expect(result).toEqual({ index: 999n, treeSize: 1000n, origin: ORIGIN, cosigners: [{ name: 'so-nnmt.sonla.gov.vn', timestamp: 1767139200n }] });
    expect(verifyRecordProof({ proof: text, entry: entries[998]!, logKey: keys.verifierKey })).toMatchObject({ ok: false });
  });

  it('bundles into one small ESM file that works on its own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tlog-browser-'));
    const outfile = path.join(dir, 'tlog-verify.min.mjs');
    await build({
      entryPoints: [new URL('../browser/index.ts', import.meta.url).pathname],
      outfile,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    const code = readFileSync(outfile);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(6 * 1024);
    expect(code.toString()).not.toMatch(/from\s*["']node:|require\(/);
    const bundle = (await import(pathToFileURL(outfile).href)) as { verifyRecordProof: typeof verifyRecordProof };
    const result = bundle.verifyRecordProof({ proof: await proofFor(0), entry: entries[0]!, logKey: keys.verifierKey });
    expect(result.ok).toBe(true);
  });
});
