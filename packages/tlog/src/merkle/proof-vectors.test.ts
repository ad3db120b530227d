// transparency-dev/merkle testdata: every inclusion and consistency vector, positive and wantErr negative, run
// through RFC 9162 verification; positive vectors on the 8-leaf reference tree are also regenerated.
import { afterAll, describe, expect, it } from 'vitest';
import { bytesEqual, fromBase64, fromHex } from '../bytes.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { CaseCounter, jsonFilesUnder, readJsonExact } from '../../test/conformance.ts';
import { merkleHasher, type Hash } from './hasher.ts';
import { planConsistencyProof, planInclusionProof, rangeNodes } from './proof-plan.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';
import { rootOfLeafHashes } from './hasher.ts';

const hasher = merkleHasher(nobleCrypto);
const b64 = (s: string): Hash => {
  const bytes = fromBase64(s);
  if (!bytes) throw new Error(`vector holds invalid base64 ${s}`);
  return bytes;
};

interface Reference {
  leafInputsHex: string[];
  rootHashesBySize: string[];
}
const reference = readJsonExact<Reference>('transparency-dev-merkle', 'reference-tree.json');
const leafHashes = reference.leafInputsHex.map((h) => hasher.leafHash(fromHex(h)!));

/** Generates a proof on the reference tree by reading node hashes straight from the leaves. */
function generate(plan: ReturnType<typeof planInclusionProof>): Hash[] {
  if (!plan.ok) throw new Error(plan.error.code);
  const hashes = plan.value.nodes.map((n) => {
    const start = Number(n.index) << n.level;
    return rootOfLeafHashes(hasher, leafHashes.slice(start, start + (1 << n.level)));
  });
  const proof = plan.value.assemble(hasher, hashes);
  if (!proof.ok) throw new Error(proof.error.code);
  return proof.value;
}

const show = (x: unknown) => JSON.stringify(x, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
const sameProof = (a: readonly Hash[], b: readonly Hash[]) => a.length === b.length && a.every((h, i) => bytesEqual(h, b[i]!));
const isReferenceRoot = (size: bigint, root: Hash) =>
  size <= 8n && bytesEqual(root, fromHex(reference.rootHashesBySize[Number(size)]!)!);

interface InclusionVector {
  leafIdx: number | string;
  treeSize: number | string;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}

describe('transparency-dev inclusion vectors (RFC 9162 §2.1.3.2)', () => {
  const files = jsonFilesUnder('transparency-dev-merkle', 'testdata', 'inclusion');
  const counter = new CaseCounter('transparency-dev-merkle/testdata/inclusion');
  afterAll(() => counter.report());

  it.each(files)('%s', (file) => {
    const v = readJsonExact<InclusionVector>('transparency-dev-merkle', 'testdata', 'inclusion', file);
    const index = BigInt(v.leafIdx);
    const size = BigInt(v.treeSize);
    const proof = (v.proof ?? []).map(b64);
    const verdict = verifyInclusion(hasher, index, size, b64(v.leafHash), proof, b64(v.root));
    let pass = verdict.ok === !v.wantErr;
    if (!v.wantErr && isReferenceRoot(size, b64(v.root))) {
      pass &&= sameProof(generate(planInclusionProof(index, size)), proof);
    }
    expect(counter.check(file, pass), show(verdict)).toBe(true);
  });

  it('covers the whole folder, including the 2^64-1 indices', () => {
    expect(files.length).toBeGreaterThanOrEqual(98);
    expect(files.filter((f) => f.includes('leafIdx-sub-@1')).length).toBeGreaterThanOrEqual(2);
  });
});

interface ConsistencyVector {
  size1: number | string;
  size2: number | string;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

describe('transparency-dev consistency vectors (RFC 9162 §2.1.4.2)', () => {
  const files = jsonFilesUnder('transparency-dev-merkle', 'testdata', 'consistency');
  const counter = new CaseCounter('transparency-dev-merkle/testdata/consistency');
  afterAll(() => counter.report());

  it.each(files)('%s', (file) => {
    const v = readJsonExact<ConsistencyVector>('transparency-dev-merkle', 'testdata', 'consistency', file);
    const size1 = BigInt(v.size1);
    const size2 = BigInt(v.size2);
    const proof = (v.proof ?? []).map(b64);
    const verdict = verifyConsistency(hasher, size1, size2, proof, b64(v.root1), b64(v.root2));
    let pass = verdict.ok === !v.wantErr;
    if (!v.wantErr && isReferenceRoot(size1, b64(v.root1)) && isReferenceRoot(size2, b64(v.root2))) {
      pass &&= sameProof(generate(planConsistencyProof(size1, size2)), proof);
    }
    expect(counter.check(file, pass), show(verdict)).toBe(true);
  });

  it('covers the whole folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(98);
  });
});

describe('tlog-witness rule for the empty old tree', () => {
  const root8 = fromHex(reference.rootHashesBySize[8]!)!;
  it('accepts size1 = 0 with an empty proof only when asked to', () => {
    expect(verifyConsistency(hasher, 0, 8, [], hasher.emptyRoot, root8).ok).toBe(false);
    expect(verifyConsistency(hasher, 0, 8, [], hasher.emptyRoot, root8, { acceptEmptyOldTree: true }).ok).toBe(true);
    expect(verifyConsistency(hasher, 0, 8, [root8], hasher.emptyRoot, root8, { acceptEmptyOldTree: true }).ok).toBe(false);
  });

  it('decomposes ranges into aligned complete subtrees', () => {
    expect(rangeNodes({ start: 0n, end: 7n })).toEqual([
      { level: 2, index: 0n },
      { level: 1, index: 2n },
      { level: 0, index: 6n },
    ]);
  });
});
