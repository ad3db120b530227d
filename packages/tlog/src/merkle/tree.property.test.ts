// Property tests on random trees: the builder, the tile reader and the provers agree with a direct transcription
// of RFC 9162 §2.1; every inclusion and consistency proof verifies; any changed byte or shape is rejected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, utf8 } from '../bytes.ts';
import { nodeCrypto } from '../node/index.ts';
import { partialTiles } from '../tiles/layout.ts';
import { MemoryTileStore, tileNodeReader } from '../tiles/tile-reader.ts';
import { verifyTile } from '../tiles/verify-tile.ts';
import { merkleHasher, rootOfLeafHashes, type Hash } from './hasher.ts';
import { proveConsistency, proveInclusion } from './prove.ts';
import { TreeBuilder } from './tree-builder.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

const hasher = merkleHasher(nodeCrypto); // the fastest primitives: these properties are about tree logic

// RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF/SUBPROOF, transcribed literally as the oracle.
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: Hash[]) => rootOfLeafHashes(hasher, d);
function path(m: number, d: Hash[]): Hash[] {
  if (d.length <= 1) return [];
  const split = k(d.length);
  return m < split ? [...path(m, d.slice(0, split)), mth(d.slice(split))] : [...path(m - split, d.slice(split)), mth(d.slice(0, split))];
}
function subproof(m: number, d: Hash[], b: boolean): Hash[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const split = k(d.length);
  return m <= split
    ? [...subproof(m, d.slice(0, split), b), mth(d.slice(split))]
    : [...subproof(m - split, d.slice(split), false), mth(d.slice(0, split))];
}

interface Built {
  leaves: Hash[];
  roots: Hash[]; // roots[s] = MTH(D[0:s])
  store: MemoryTileStore;
}

/** Builds a tree of the given entries in the given batch sizes, keeping every tile and every prefix root. */
function build(entries: Uint8Array[], batches: number[]): Built {
  const builder = TreeBuilder.empty(hasher, { midTiles: true });
  const store = new MemoryTileStore({ midTiles: true });
  const roots: Hash[] = [builder.root()];
  let at = 0;
  for (const batch of [...batches, entries.length]) {
    const slice = entries.slice(at, Math.min(entries.length, at + Math.max(1, batch)));
    for (const e of slice) {
      const appended = builder.appendEntries([e]);
      if (!appended.ok) throw new Error(appended.error.code);
      for (const t of appended.value.tiles) store.put(t.tile, t.data);
      for (const t of appended.value.midTiles) store.putMid(t.tile, t.data);
      roots.push(builder.root());
    }
    at += slice.length;
    if (at >= entries.length) break;
  }
  return { leaves: entries.map((e) => hasher.leafHash(e)), roots, store };
}

const same = (a: readonly Hash[], b: readonly Hash[]) => a.length === b.length && a.every((h, i) => bytesEqual(h, b[i]!));
// Sizes up to 700 cross two tile levels; fast-check's default size would keep arrays tiny, so the entries are
// derived from a drawn count and salt instead of drawn one by one.
const treeArb = fc
  .record({
    count: fc.integer({ min: 1, max: 700 }),
    salt: fc.string({ maxLength: 8 }),
    batches: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 5, size: 'max' }),
  })
  .map(({ count, salt, batches }) => ({
    entries: Array.from({ length: count }, (_, i) => utf8(`${salt}:${i}`)),
    batches,
  }));

describe('random trees', () => {
  it('build the RFC 9162 root at every size, and every proof verifies and matches the RFC transcription', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, fc.nat(), async ({ entries, batches }, seed) => {
        const { leaves, roots, store } = build(entries, batches);
        const n = leaves.length;
        expect(same(roots.slice(n), [mth(leaves)])).toBe(true);
        // Proofs come from hash tiles and mid tiles; every seventh one also from hash tiles alone, the same.
        const reader = tileNodeReader(hasher, BigInt(n), store);
        const plain = tileNodeReader(hasher, BigInt(n), { readTiles: (t) => store.readTiles(t) });
        for (let i = 0; i < n; i++) {
          const proof = await proveInclusion(hasher, reader, i, n);
          if (!proof.ok) throw new Error(proof.error.code);
          expect(verifyInclusion(hasher, i, n, leaves[i]!, proof.value, roots[n]!).ok).toBe(true);
          if (i % 17 === seed % 17) expect(same(proof.value, path(i, leaves))).toBe(true);
          if (i % 7 === seed % 7) {
            const again = await proveInclusion(hasher, plain, i, n);
            expect(again.ok && same(again.value, proof.value)).toBe(true);
          }
        }
        // Every consistency proof from every older size to the full tree, and between sampled pairs.
        for (let m = 1; m <= n; m++) {
          const proof = await proveConsistency(hasher, reader, m, n);
          if (!proof.ok) throw new Error(proof.error.code);
          expect(verifyConsistency(hasher, m, n, proof.value, roots[m]!, roots[n]!).ok).toBe(true);
          const m2 = 1 + ((seed + m * 7919) % n);
          const [a, b] = m2 < m ? [m2, m] : [m, m2];
          const pair = await proveConsistency(hasher, reader, a, b);
          if (!pair.ok) throw new Error(pair.error.code);
          expect(verifyConsistency(hasher, a, b, pair.value, roots[a]!, roots[b]!).ok).toBe(true);
          if (m % 13 === seed % 13) expect(same(proof.value, subproof(m, leaves, true))).toBe(true);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('checks every pair of sizes exhaustively up to 64 leaves', async () => {
    const entries = Array.from({ length: 64 }, (_, i) => Uint8Array.of(i));
    const { roots, store } = build(entries, [7, 9]);
    for (let n = 1; n <= 64; n++) {
      const reader = tileNodeReader(hasher, BigInt(n), store);
      for (let m = 1; m <= n; m++) {
        const proof = await proveConsistency(hasher, reader, m, n);
        expect(proof.ok && verifyConsistency(hasher, m, n, proof.value, roots[m]!, roots[n]!).ok).toBe(true);
      }
    }
  });

  it('rejects any single-byte change of an inclusion or consistency proof', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), async ({ entries, batches }, pick, at, delta) => {
        const { leaves, roots, store } = build(entries, batches);
        const n = leaves.length;
        if (n < 2) return;
        const reader = tileNodeReader(hasher, BigInt(n), store);
        const i = pick % n;
        const m = 1 + (pick % (n - 1));
        const inclusion = await proveInclusion(hasher, reader, i, n);
        const consistency = await proveConsistency(hasher, reader, m, n);
        if (!inclusion.ok || !consistency.ok) throw new Error('prove');
        for (const [proof, check] of [
          [inclusion.value, (p: Hash[]) => verifyInclusion(hasher, i, n, leaves[i]!, p, roots[n]!)],
          [consistency.value, (p: Hash[]) => verifyConsistency(hasher, m, n, p, roots[m]!, roots[n]!)],
        ] as const) {
          if (proof.length === 0) continue;
          const mutated = proof.map((h) => h.slice());
          const byte = at % (32 * proof.length);
          mutated[Math.floor(byte / 32)]![byte % 32]! ^= delta;
          expect(check(mutated).ok).toBe(false);
          expect(check(proof.slice(1)).ok).toBe(false);
          expect(check([...proof, proof[0]!]).ok).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('authenticates every stored tile against the root, and rejects any single-byte change of a tile', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, fc.nat(), fc.integer({ min: 1, max: 255 }), async ({ entries, batches }, at, delta) => {
        const { roots, store } = build(entries, batches);
        const n = BigInt(entries.length);
        const root = roots[entries.length]!;
        const reader = tileNodeReader(hasher, n, store);
        const partial = partialTiles(n);
        if (!partial.ok) throw new Error('layout');
        const full = [{ level: 0, index: 0n, width: 256 }, { level: 0, index: (n >> 8n) - 1n, width: 256 }];
        const tiles = [...partial.value, ...full].filter((t) => t.index >= 0n && store.get(t));
        for (const tile of tiles) {
          const data = store.get(tile)!.slice();
          expect((await verifyTile(hasher, reader, n, root, tile, data)).ok).toBe(true);
          data[at % data.length]! ^= delta;
          expect((await verifyTile(hasher, reader, n, root, tile, data)).ok).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
