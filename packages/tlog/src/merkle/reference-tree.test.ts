// transparency-dev/merkle reference tree: every node hash of the 8-leaf tree and the roots of sizes 0..8, read
// back through the sequencer's TreeBuilder and the tile reader; plus the rolling subtree-hash vector (130 leaves).
import { afterAll, describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../bytes.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { MemoryTileStore, tileNodeReader } from '../tiles/tile-reader.ts';
import { CaseCounter, readJsonExact } from '../../test/conformance.ts';
import { merkleHasher, rootOfLeafHashes } from './hasher.ts';
import { foldRange, rangeNodes } from './proof-plan.ts';
import { treeRoot } from './prove.ts';
import { TreeBuilder } from './tree-builder.ts';

const hasher = merkleHasher(nobleCrypto);

interface Reference {
  leafInputsHex: string[];
  nodeHashesByLevel: string[][];
  rootHashesBySize: string[];
  plantsSubtreeRollingVectors: { subtreeHash: { sha256: string } };
}
const reference = readJsonExact<Reference>('transparency-dev-merkle', 'reference-tree.json');
const leaves = reference.leafInputsHex.map((h) => fromHex(h)!);

describe('reference-tree.json', () => {
  const counter = new CaseCounter('transparency-dev-merkle/reference-tree.json');
  afterAll(() => counter.report());

  it('reproduces every node hash through tiles', async () => {
    const builder = TreeBuilder.empty(hasher);
    const appended = builder.appendEntries(leaves);
    if (!appended.ok) throw new Error(appended.error.code);
    const store = new MemoryTileStore();
    for (const t of appended.value.tiles) store.put(t.tile, t.data);
    const reader = tileNodeReader(hasher, 8n, store);
    for (const [level, hashes] of reference.nodeHashesByLevel.entries()) {
      const nodes = hashes.map((_, index) => ({ level, index: BigInt(index) }));
      const read = await reader.readNodes(nodes);
      if (!read.ok) throw new Error(read.error.code);
      hashes.forEach((want, index) => {
        expect(counter.check(`node ${level}/${index}`, toHex(read.value[index]!) === want)).toBe(true);
      });
    }
    expect(counter.ran).toBe(15);
  });

  it('reproduces the root of every size 0..8, incrementally and from stored tiles', async () => {
    const builder = TreeBuilder.empty(hasher);
    const store = new MemoryTileStore();
    for (let size = 0; size <= 8; size++) {
      if (size > 0) {
        const appended = builder.appendEntries([leaves[size - 1]!]);
        if (!appended.ok) throw new Error(appended.error.code);
        for (const t of appended.value.tiles) store.put(t.tile, t.data);
      }
      const want = reference.rootHashesBySize[size]!;
      const stored = await treeRoot(hasher, tileNodeReader(hasher, BigInt(size), store), size);
      const recursive = rootOfLeafHashes(hasher, leaves.slice(0, size).map((l) => hasher.leafHash(l)));
      const pass =
        toHex(builder.root()) === want && stored.ok && toHex(stored.value) === want && toHex(recursive) === want;
      expect(counter.check(`root ${size}`, pass)).toBe(true);
    }
  });
});

describe('plants subtree-hash rolling vector (reference-tree.json)', () => {
  it('hashes every valid subtree [start, end) of the 130-leaf tree', () => {
    const counter = new CaseCounter('reference-tree.json plantsSubtreeRollingVectors.subtreeHash');
    const leafHashes = Array.from({ length: 130 }, (_, i) => hasher.leafHash(Uint8Array.of(i)));
    let transcript = '';
    for (let end = 0; end <= 130; end++) {
      for (let start = 0; start <= end; start++) {
        // draft-ietf-plants-merkle-tree-certs §4.1 (as of transparency-dev/merkle 417fb0c): [start, end) is a
        // valid subtree when start = 0, when it is empty, or when start is a multiple of BIT_CEIL(end - start).
        let width = 1;
        while (width < end - start) width *= 2;
        if (start !== 0 && start !== end && start % width !== 0) continue;
        const nodes = rangeNodes({ start: BigInt(start), end: BigInt(end) });
        const hashes = nodes.map((n) => {
          const from = Number(n.index) << n.level;
          return rootOfLeafHashes(hasher, leafHashes.slice(from, from + (1 << n.level)));
        });
        const hash = start === end ? hasher.emptyRoot : foldRange(hasher, hashes);
        transcript += `[${start}, ${end}) ${toHex(hash)}\n`;
      }
    }
    const digest = toHex(nobleCrypto.sha256(utf8(transcript)));
    counter.check('transcript', digest === reference.plantsSubtreeRollingVectors.subtreeHash.sha256);
    counter.report();
    expect(digest).toBe(reference.plantsSubtreeRollingVectors.subtreeHash.sha256);
  });
});
