// Sunlight's skylight testdata: a real 300-entry tlog-tiles tree of entries "record 0" … "record 299", served
// by a mirror with a cosigned checkpoint. We rebuild it byte for byte and verify every signature it carries.
import { afterAll, describe, expect, it } from 'vitest';
import { bytesEqual, toHex, utf8 } from '../bytes.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { openCheckpoint } from '../checkpoint/open-checkpoint.ts';
import { parseCheckpoint } from '../checkpoint/checkpoint.ts';
import { merkleHasher } from '../merkle/hasher.ts';
import { proveConsistency, proveInclusion } from '../merkle/prove.ts';
import { TreeBuilder, type TileData } from '../merkle/tree-builder.ts';
import { verifyConsistency, verifyInclusion } from '../merkle/verify.ts';
import { cosigner, cosignatureVerifier } from '../note/cosignature.ts';
import { formatVerifierKey, parseVerifierKey } from '../note/keys.ts';
import { openNote, parseNote, signNote } from '../note/signed-note.ts';
import { CaseCounter, readBytes, readText } from '../../test/conformance.ts';
import { parseEntryBundle } from './entry-bundle.ts';
import { MemoryTileStore, tileNodeReader } from './tile-reader.ts';
import { parseTilePath, tilePath } from './paths.ts';

const hasher = merkleHasher(nobleCrypto);
const ORIGIN = 'rome2026h1.example.org';
const ORIGIN_HASH = '000de184301123b9278c086a7d9f68c9577e83872224c197058fd90784ea9706';
const MIRROR = ['sunlight-skylight-testdata', 'witness', 'mirror', ORIGIN_HASH];
const entries = Array.from({ length: 300 }, (_, i) => utf8(`record ${i}`));
const counter = new CaseCounter('sunlight-skylight-testdata');
afterAll(() => counter.report());

const mirrorVkey = (JSON.parse(readText('sunlight-skylight-testdata', 'witness', 'mirror', 'mirror.v0.json')) as { verifier_keys: string[] })
  .verifier_keys[0]!;
const witnessVkey = (JSON.parse(readText('sunlight-skylight-testdata', 'witness', 'witness.v0.json')) as { verifier_keys: string[] })
  .verifier_keys[0]!;
const witness2Vkey = (JSON.parse(readText('sunlight-skylight-testdata', 'witness2', 'witness.v0.json')) as { verifier_keys: string[] })
  .verifier_keys[0]!;

function key(vkey: string) {
  const parsed = parseVerifierKey(nobleCrypto, vkey);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.value;
}

function build(batches: number[]): TileData[] {
  let builder = TreeBuilder.empty(hasher);
  const tiles = new Map<string, TileData>();
  let at = 0;
  for (const size of batches) {
    const appended = builder.appendEntries(entries.slice(at, at + size));
    if (!appended.ok) throw new Error(appended.error.code);
    at += size;
    for (const t of appended.value.tiles) tiles.set(`${t.tile.level}/${t.tile.index}`, t);
    // Restart from storage between batches, as the sequencer does after a crash.
    const restored = TreeBuilder.restore(hasher, { size: builder.size, tiles: builder.partialTiles(), expectedRoot: builder.root() });
    if (!restored.ok) throw new Error(restored.error.code);
    builder = restored.value;
  }
  return [...tiles.values()];
}

describe('the 300-entry mirror tree, byte for byte', () => {
  const mirrorCheckpoint = readText(...MIRROR, 'checkpoint');

  it.each([
    ['one batch', [300]],
    ['single entries', Array.from({ length: 300 }, () => 1)],
    ['uneven batches', [1, 2, 253, 1, 43]],
  ])('rebuilds tiles and root from record 0 … record 299 (%s)', (_, batches) => {
    const tiles = build(batches);
    expect(tiles.map((t) => tilePath(t.tile)).sort()).toEqual(['tile/0/000', 'tile/0/001.p/44', 'tile/1/000.p/1']);
    for (const t of tiles) {
      const want = readBytes(...MIRROR, tilePath(t.tile));
      expect(counter.check(`${tilePath(t.tile)} (${batches.length} batches)`, bytesEqual(t.data, want))).toBe(true);
    }
    const builder = TreeBuilder.empty(hasher);
    builder.appendEntries(entries);
    const cp = parseCheckpoint(mirrorCheckpoint.slice(0, mirrorCheckpoint.indexOf('\n\n') + 1));
    expect(cp.ok && counter.check('mirror root', bytesEqual(cp.value.root, builder.root()))).toBe(true);
  });

  it('verifies the mirror checkpoint cosignature (tlog-cosignature type 0x04)', () => {
    const opened = openCheckpoint(mirrorCheckpoint, { origin: ORIGIN, logKeys: [key(mirrorVkey)] });
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.checkpoint.size).toBe(300n);
    expect(opened.value.logSignatures[0]?.timestamp).toBe(1767139200n);
    counter.check('mirror checkpoint signature', true);
    // Tampering with the signed text breaks the cosignature.
    const tampered = mirrorCheckpoint.replace('\n300\n', '\n301\n');
    expect(openCheckpoint(tampered, { logKeys: [key(mirrorVkey)] })).toMatchObject({ ok: false, error: { code: 'NOTE_BAD_SIGNATURE' } });
  });

  it('proves every entry and every older size from the mirror tiles', async () => {
    const store = new MemoryTileStore();
    for (const path of ['tile/0/000', 'tile/0/001.p/44', 'tile/1/000.p/1']) {
      const parsed = parseTilePath(path);
      if (!parsed.ok || parsed.value.kind !== 'hash') throw new Error(path);
      store.put(parsed.value.tile, readBytes(...MIRROR, path));
    }
    const reader = tileNodeReader(hasher, 300n, store);
    const full = TreeBuilder.empty(hasher);
    full.appendEntries(entries);
    const root = full.root();
    let good = 0;
    for (let i = 0; i < 300; i++) {
      const proof = await proveInclusion(hasher, reader, i, 300);
      if (proof.ok && verifyInclusion(hasher, i, 300, hasher.leafHash(entries[i]!), proof.value, root).ok) good++;
    }
    const older = TreeBuilder.empty(hasher);
    for (let size = 1; size < 300; size++) {
      older.appendEntries([entries[size - 1]!]);
      const proof = await proveConsistency(hasher, reader, size, 300);
      if (proof.ok && verifyConsistency(hasher, size, 300, proof.value, older.root(), root).ok) good++;
    }
    expect(counter.check('299 consistency + 300 inclusion proofs', good === 599)).toBe(true);
  });

  it('rejects the mirror entry bundles, which are placeholders that do not hash to the tree', () => {
    const level0 = readBytes(...MIRROR, 'tile/0/000');
    const bundle = parseEntryBundle(readBytes(...MIRROR, 'tile/entries/000'), 256);
    const partial = parseEntryBundle(readBytes(...MIRROR, 'tile/entries/001.p/44'), 44);
    const matches = bundle.ok && bundle.value.every((e, i) => bytesEqual(hasher.leafHash(e), level0.subarray(32 * i, 32 * i + 32)));
    expect(counter.check('fake entry bundles rejected', !matches && !partial.ok)).toBe(true);
  });
});

describe('cosigned checkpoints of the witnesses', () => {
  it('derives the three cosigner keys from their seeds (key ID = SHA-256(name || 0x0A || 0x04 || key)[:4])', () => {
    for (const [name, seedText, vkey] of [
      ['witness.example.org', 'skylight test witness key', witnessVkey],
      ['mirror.example.org', 'skylight test mirror key', mirrorVkey],
      ['witness2.example.org', 'skylight test witness2 key', witness2Vkey],
    ] as const) {
      const publicKey = nobleCrypto.ed25519PublicKey(nobleCrypto.sha256(utf8(seedText)));
      const verifier = cosignatureVerifier(nobleCrypto, name, publicKey);
      expect(verifier.ok && counter.check(`vkey ${name}`, formatVerifierKey(verifier.value) === vkey)).toBe(true);
    }
  });

  it('re-signs the mirror checkpoint byte for byte (Ed25519 is deterministic)', () => {
    const mirrorCheckpoint = readText(...MIRROR, 'checkpoint');
    const note = parseNote(mirrorCheckpoint);
    const signer = cosigner(nobleCrypto, 'mirror.example.org', nobleCrypto.sha256(utf8('skylight test mirror key')), 1767139200);
    if (!note.ok || !signer.ok) throw new Error('setup');
    const signed = signNote(note.value.text, [signer.value]);
    expect(signed.ok && counter.check('mirror re-sign', signed.value === mirrorCheckpoint)).toBe(true);
  });

  it('verifies the witness cosignature beside an unknown RFC 6962 log signature (type 0x05)', () => {
    const text = readText('sunlight-skylight-testdata', 'witness', ORIGIN_HASH, 'checkpoint');
    const opened = openNote(text, [key(witnessVkey)]);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.unverified.map((s) => s.name)).toEqual([ORIGIN]);
    expect(opened.value.verified[0]?.timestamp).toBe(1767139200n);
    expect(toHex(nobleCrypto.sha256(utf8(ORIGIN)))).toBe(ORIGIN_HASH);
    const policy = openCheckpoint(text, { origin: ORIGIN, logKeys: [key(witnessVkey)] });
    expect(counter.check('witness cosignature', policy.ok)).toBe(true);
    // The log's own checkpoint carries only the unknown signature: no trusted key, rejected.
    const logOnly = readText('sunlight-skylight-testdata', 'tree', 'checkpoint');
    expect(openNote(logOnly, [key(witnessVkey)])).toMatchObject({ ok: false, error: { code: 'NOTE_UNKNOWN_KEY' } });
  });

  it('verifies witness2 on another origin and rejects it for the wrong origin', () => {
    const text = readText('sunlight-skylight-testdata', 'witness2', '88ad7a28caeb0b2aa890fdf0304c2fcaf59fca2ee140134ff8c1300bac493482', 'checkpoint');
    const ok2 = openCheckpoint(text, { origin: 'milan2026h1.example.org', logKeys: [key(witness2Vkey)] });
    expect(counter.check('witness2 cosignature', ok2.ok)).toBe(true);
    expect(openCheckpoint(text, { origin: ORIGIN, logKeys: [key(witness2Vkey)] })).toMatchObject({
      ok: false,
      error: { code: 'CHECKPOINT_ORIGIN_MISMATCH' },
    });
    // A cosignature by one witness does not verify under another witness's key of the same name.
    const other = cosignatureVerifier(nobleCrypto, 'witness2.example.org', nobleCrypto.ed25519PublicKey(new Uint8Array(32)));
    expect(other.ok && openNote(text, [other.value]).ok).toBe(false);
  });

  it('rejects the decoy checkpoints as notes', () => {
    for (const where of [['witness', 'checkpoint'], ['witness', 'mirror', 'checkpoint']]) {
      const parsed = parseNote(readText('sunlight-skylight-testdata', ...where));
      expect(counter.check(`decoy ${where.join('/')}`, !parsed.ok)).toBe(true);
    }
  });
});
