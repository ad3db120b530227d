// Property tests on the text formats: parsers never throw on arbitrary input, and any single-byte change of a
// signed note, a cosigned checkpoint or a tlog-proof makes verification fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8 } from '../bytes.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { nodeCrypto } from '../node/index.ts';
import { formatCheckpoint, parseCheckpoint } from '../checkpoint/checkpoint.ts';
import { openCheckpoint, type CheckpointPolicy } from '../checkpoint/open-checkpoint.ts';
import { merkleHasher } from '../merkle/hasher.ts';
import { planInclusionProof } from '../merkle/proof-plan.ts';
import { TreeBuilder } from '../merkle/tree-builder.ts';
import { cosigner, cosignatureVerifier, parseCosignature } from '../note/cosignature.ts';
import { ed25519Signer, ed25519Verifier, parseSignerKey, parseVerifierKey } from '../note/keys.ts';
import { openNote, parseNote, signNote } from '../note/signed-note.ts';
import { parseEntryBundle } from '../tiles/entry-bundle.ts';
import { tileHashes } from '../tiles/layout.ts';
import { parseTilePath } from '../tiles/paths.ts';
import { MemoryTileStore, tileNodeReader } from '../tiles/tile-reader.ts';
import { proveInclusion } from '../merkle/prove.ts';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './tlog-proof.ts';

const hasher = merkleHasher(nodeCrypto);
const seed = (n: number) => new Uint8Array(32).fill(n);
const logSigner = ed25519Signer(nodeCrypto, 'log.example/sonla', seed(1));
const logKey = ed25519Verifier(nodeCrypto, 'log.example/sonla', nodeCrypto.ed25519PublicKey(seed(1)));
const witness = cosigner(nodeCrypto, 'witness.example/w1', seed(2), 1767139200);
const witnessKey = cosignatureVerifier(nodeCrypto, 'witness.example/w1', nodeCrypto.ed25519PublicKey(seed(2)));
if (!logSigner.ok || !logKey.ok || !witness.ok || !witnessKey.ok) throw new Error('keys');
const policy: CheckpointPolicy = { origin: 'log.example/sonla', logKeys: [logKey.value], witnessKeys: [witnessKey.value], quorum: 1 };

/** A tree of `size` entries with a checkpoint signed by the log and cosigned by one witness. */
async function signedTree(size: number) {
  const builder = TreeBuilder.empty(hasher);
  const entries = Array.from({ length: size }, (_, i) => utf8(`sự kiện ${i}`));
  const appended = builder.appendEntries(entries);
  if (!appended.ok) throw new Error(appended.error.code);
  const store = new MemoryTileStore();
  for (const t of appended.value.tiles) store.put(t.tile, t.data);
  const text = formatCheckpoint({ origin: 'log.example/sonla', size: BigInt(size), root: builder.root(), extensions: [] });
  if (!text.ok) throw new Error('format');
  const note = signNote(text.value, [logSigner.ok ? logSigner.value : never(), witness.ok ? witness.value : never()]);
  if (!note.ok) throw new Error(note.error.code);
  return { entries, store, note: note.value };
}
function never(): never {
  throw new Error('unreachable');
}

/** Every way to change one byte: each position, replaced by a drawn different value. */
function mutate(bytes: Uint8Array, position: number, value: number): Uint8Array {
  const out = bytes.slice();
  const at = position % out.length;
  out[at] = out[at] === value ? (value + 1) & 0xff : value;
  return out;
}

describe('single-byte changes are rejected', () => {
  it('in a signed, cosigned checkpoint', async () => {
    const { note } = await signedTree(300);
    expect(openCheckpoint(note, policy).ok).toBe(true);
    const bytes = utf8(note);
    // Exhaustive over positions, with a drawn replacement byte each time.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (value) => {
        for (let position = 0; position < bytes.length; position++) {
          expect(openCheckpoint(mutate(bytes, position, value), policy).ok).toBe(false);
        }
      }),
      { numRuns: 3 },
    );
  });

  it('in a tlog-proof', async () => {
    const { entries, store, note } = await signedTree(300);
    const reader = tileNodeReader(hasher, 300n, store);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 299 }), fc.nat(), fc.integer({ min: 0, max: 255 }), async (index, position, value) => {
        const proof = await proveInclusion(hasher, reader, index, 300);
        if (!proof.ok) throw new Error(proof.error.code);
        const text = formatTlogProof({ index: BigInt(index), proof: proof.value, checkpoint: note });
        const leafHash = hasher.leafHash(entries[index]!);
        expect(verifyTlogProof(hasher, text, leafHash, policy).ok).toBe(true);
        const changed = decodeUtf8(mutate(utf8(text), position, value));
        if (changed === undefined) return; // not text any more: nothing to feed the verifier
        expect(verifyTlogProof(hasher, changed, leafHash, policy).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('in a plain signed note', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (body, position, value) => {
        // eslint-disable-next-line no-control-regex
        const text = `${body.replace(/[\x00-\x1f]/g, ' ')}\n`;
        const note = signNote(text, [logSigner.ok ? logSigner.value : never()]);
        if (!note.ok) return;
        expect(openNote(note.value, [logKey.ok ? logKey.value : never()]).ok).toBe(true);
        expect(openNote(mutate(utf8(note.value), position, value), [logKey.ok ? logKey.value : never()]).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parsers never throw', () => {
  const anyText = fc.oneof(fc.string({ maxLength: 3000, size: 'max' }), fc.string({ unit: 'binary', maxLength: 3000, size: 'max' }), fc.string({ unit: fc.constantFrom('\n', ' ', '—', '+', 'A', '=', '0', '/', 'x', '.', 'p'), maxLength: 300, size: 'max' }));
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseNote(text);
        openNote(text, [logKey.ok ? logKey.value : never()]);
        parseCheckpoint(text);
        openCheckpoint(text, policy);
        parseTlogProof(text);
        verifyTlogProof(hasher, text, new Uint8Array(32), policy);
        parseTilePath(text);
        parseTilePath(`tile/${text}`);
        parseVerifierKey(nobleCrypto, text);
        parseSignerKey(nobleCrypto, text);
        parseSignerKey(nobleCrypto, `PRIVATE+KEY+${text}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000, size: 'max' }), fc.integer({ min: -1, max: 300 }), (bytes, width) => {
        parseNote(bytes);
        openCheckpoint(bytes, policy);
        parseEntryBundle(bytes);
        parseEntryBundle(bytes, width);
        tileHashes(bytes, width);
        parseCosignature(bytes);
        planInclusionProof(width, bytes.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('on structured near-misses of a tlog-proof', async () => {
    const { note } = await signedTree(5);
    const lines = ['c2sp.org/tlog-proof@v1', 'extra AAAA', 'index 3', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', '', note, 'index 18446744073709551616', 'index 01'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 12, size: 'max' }), (picked) => {
        const result = parseTlogProof(picked.join('\n'));
        if (result.ok) expect(formatTlogProof(result.value)).toBe(picked.join('\n'));
      }),
      { numRuns: 2000 },
    );
  });
});
