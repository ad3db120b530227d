// Optional conformance: transparency-dev subtree inclusion and consistency vectors and the plants rolling
// vectors for them (reference-tree.json), through the subtree planners and verifiers.
import { afterAll, describe, expect, it } from 'vitest';
import { fromBase64, toHex, utf8 } from '../bytes.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { CaseCounter, jsonFilesUnder, readJsonExact } from '../../test/conformance.ts';
import { merkleHasher, rootOfLeafHashes, type Hash } from './hasher.ts';
import {
  isValidSubtree,
  planSubtreeConsistencyProof,
  planSubtreeInclusionProof,
  verifySubtreeConsistency,
  verifySubtreeInclusion,
} from './subtree.ts';

const hasher = merkleHasher(nobleCrypto);
const b64 = (s: string) => fromBase64(s)!;

interface Vector {
  leafIdx: number | string;
  start: number;
  end: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}

describe('transparency-dev subtree inclusion vectors (draft-ietf-plants-merkle-tree-certs §4.3)', () => {
  const files = jsonFilesUnder('transparency-dev-merkle', 'testdata', 'subtreeinclusion');
  const counter = new CaseCounter('transparency-dev-merkle/testdata/subtreeinclusion (optional)');
  afterAll(() => counter.report());

  it.each(files)('%s', (file) => {
    const v = readJsonExact<Vector>('transparency-dev-merkle', 'testdata', 'subtreeinclusion', file);
    const verdict = verifySubtreeInclusion(hasher, BigInt(v.leafIdx), v.start, v.end, b64(v.leafHash), (v.proof ?? []).map(b64), b64(v.root));
    expect(counter.check(file, verdict.ok === !v.wantErr)).toBe(true);
  });
});

describe('plants subtree-inclusion rolling vector (reference-tree.json)', () => {
  it('generates the inclusion proof of every leaf of every valid subtree of the 130-leaf tree', () => {
    const reference = readJsonExact<{ plantsSubtreeRollingVectors: { subtreeInclusion: { sha256: string } } }>(
      'transparency-dev-merkle',
      'reference-tree.json',
    );
    const leaves = Array.from({ length: 130 }, (_, i) => hasher.leafHash(Uint8Array.of(i)));
    const node = (level: number, index: bigint): Hash => {
      const from = Number(index) << level;
      return rootOfLeafHashes(hasher, leaves.slice(from, from + (1 << level)));
    };
    let transcript = '';
    for (let end = 0; end <= 130; end++) {
      for (let start = 0; start <= end; start++) {
        if (!isValidSubtree(BigInt(start), BigInt(end))) continue;
        const subRoot = rootOfLeafHashes(hasher, leaves.slice(start, end));
        for (let index = start; index < end; index++) {
          const plan = planSubtreeInclusionProof(index, start, end);
          if (!plan.ok) throw new Error(plan.error.code);
          const proof = plan.value.assemble(hasher, plan.value.nodes.map((n) => node(n.level, n.index)));
          if (!proof.ok) throw new Error(proof.error.code);
          expect(verifySubtreeInclusion(hasher, index, start, end, leaves[index]!, proof.value, subRoot).ok).toBe(true);
          transcript += `${index} [${start}, ${end})${proof.value.map((h) => ` ${toHex(h)}`).join('')}\n`;
        }
      }
    }
    const counter = new CaseCounter('reference-tree.json plantsSubtreeRollingVectors.subtreeInclusion (optional)');
    const digest = toHex(nobleCrypto.sha256(utf8(transcript)));
    counter.check('transcript', digest === reference.plantsSubtreeRollingVectors.subtreeInclusion.sha256);
    counter.report();
    expect(digest).toBe(reference.plantsSubtreeRollingVectors.subtreeInclusion.sha256);
  });
});

interface ConsistencyVector {
  start: number;
  end: number;
  size: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

describe('transparency-dev subtree consistency vectors (draft-ietf-plants-merkle-tree-certs §4.4)', () => {
  const files = jsonFilesUnder('transparency-dev-merkle', 'testdata', 'subtreeconsistency');
  const counter = new CaseCounter('transparency-dev-merkle/testdata/subtreeconsistency (optional)');
  afterAll(() => counter.report());

  it.each(files)('%s', (file) => {
    const v = readJsonExact<ConsistencyVector>('transparency-dev-merkle', 'testdata', 'subtreeconsistency', file);
    const verdict = verifySubtreeConsistency(hasher, v.start, v.end, v.size, (v.proof ?? []).map(b64), b64(v.root1), b64(v.root2));
    expect(counter.check(file, verdict.ok === !v.wantErr)).toBe(true);
  });
});

describe('plants subtree-consistency rolling vector (reference-tree.json)', () => {
  it('generates and verifies the consistency proof of every valid subtree in every tree up to 130 leaves', () => {
    const reference = readJsonExact<{ plantsSubtreeRollingVectors: { subtreeConsistency: { sha256: string } } }>(
      'transparency-dev-merkle',
      'reference-tree.json',
    );
    const leaves = Array.from({ length: 130 }, (_, i) => hasher.leafHash(Uint8Array.of(i)));
    const node = (level: number, index: bigint): Hash => {
      const from = Number(index) << level;
      return rootOfLeafHashes(hasher, leaves.slice(from, from + (1 << level)));
    };
    let transcript = '';
    for (let n = 0; n <= 130; n++) {
      const root = rootOfLeafHashes(hasher, leaves.slice(0, n));
      for (let end = 0; end <= n; end++) {
        for (let start = 0; start <= end; start++) {
          if (!isValidSubtree(BigInt(start), BigInt(end))) continue;
          const plan = planSubtreeConsistencyProof(start, end, n);
          if (!plan.ok) throw new Error(plan.error.code);
          const proof = plan.value.assemble(hasher, plan.value.nodes.map((x) => node(x.level, x.index)));
          if (!proof.ok) throw new Error(proof.error.code);
          const subRoot = rootOfLeafHashes(hasher, leaves.slice(start, end));
          expect(verifySubtreeConsistency(hasher, start, end, n, proof.value, subRoot, root).ok).toBe(true);
          transcript += `[${start}, ${end}) ${n}${proof.value.map((h) => ` ${toHex(h)}`).join('')}\n`;
        }
      }
    }
    const counter = new CaseCounter('reference-tree.json plantsSubtreeRollingVectors.subtreeConsistency (optional)');
    const digest = toHex(nobleCrypto.sha256(utf8(transcript)));
    counter.check('transcript', digest === reference.plantsSubtreeRollingVectors.subtreeConsistency.sha256);
    counter.report();
    expect(digest).toBe(reference.plantsSubtreeRollingVectors.subtreeConsistency.sha256);
  }, 120_000);
});
