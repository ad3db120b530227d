import { describe, expect, it } from 'vitest';
import { toBase64, utf8 } from '../bytes.ts';
import { nodeCrypto } from '../node/index.ts';
import { formatCheckpoint } from '../checkpoint/checkpoint.ts';
import { merkleHasher, type Hash } from '../merkle/hasher.ts';
import { proveConsistency } from '../merkle/prove.ts';
import { TreeBuilder } from '../merkle/tree-builder.ts';
import { ed25519Signer, ed25519Verifier } from '../note/keys.ts';
import { signNote } from '../note/signed-note.ts';
import { MemoryTileStore, tileNodeReader } from '../tiles/tile-reader.ts';
import { checkAddCheckpoint, formatAddCheckpointRequest, parseAddCheckpointRequest, type WitnessView } from './add-checkpoint.ts';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const hasher = merkleHasher(nodeCrypto);
const ORIGIN = 'txng.sonla.gov.vn/ledger';
const seed = new Uint8Array(32).fill(31);
const log = unwrap(ed25519Signer(nodeCrypto, ORIGIN, seed));
const logKey = unwrap(ed25519Verifier(nodeCrypto, ORIGIN, nodeCrypto.ed25519PublicKey(seed)));

// A log of 100 entries with a signed checkpoint at sizes 0, 40 and 100.
const builder = TreeBuilder.empty(hasher);
const store = new MemoryTileStore();
const roots = new Map<number, Hash>([[0, hasher.emptyRoot]]);
for (const size of [40, 100]) {
  const appended = unwrap(builder.appendEntries(Array.from({ length: size - Number(builder.size) }, (_, i) => utf8(`e${i}`))));
  for (const t of appended.tiles) store.put(t.tile, t.data);
  roots.set(size, builder.root());
}
const signed = (size: number, root = roots.get(size)!) =>
  unwrap(signNote(unwrap(formatCheckpoint({ origin: ORIGIN, size: BigInt(size), root, extensions: [] })), [log]));
const proof = async (from: number, to: number) => unwrap(await proveConsistency(hasher, tileNodeReader(hasher, 100n, store), from, to));
const view = (latest?: number): WitnessView => ({
  logKeys: (origin) => (origin === ORIGIN ? [logKey] : undefined),
  latest: () => (latest === undefined ? undefined : { size: BigInt(latest), root: roots.get(latest)! }),
});
const body = async (old: number, size: number, root?: Hash) =>
  formatAddCheckpointRequest({ oldSize: BigInt(old), proof: old === 0 || old === size ? [] : await proof(old, size), checkpoint: signed(size, root) });

describe('tlog-witness add-checkpoint', () => {
  it('parses and formats the request body of the spec', () => {
    const text = `old 20852014\n${toBase64(new Uint8Array(32))}\n\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n— example.com/behind-the-sofa Az3g=\n`;
    const parsed = unwrap(parseAddCheckpointRequest(text));
    expect(parsed.oldSize).toBe(20852014n);
    expect(parsed.proof).toHaveLength(1);
    expect(formatAddCheckpointRequest(parsed)).toBe(text);
    expect(parseAddCheckpointRequest(`old 1\n${'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'.repeat(64)}\nx\n`)).toMatchObject({ ok: false, error: { code: 'WITNESS_BAD_REQUEST', position: 65 } });
  });

  it('cosigns a first checkpoint from old size 0, then a consistent extension', async () => {
    expect(checkAddCheckpoint(hasher, await body(0, 40), view())).toMatchObject({ status: 200, checkpoint: { size: 40n } });
    expect(checkAddCheckpoint(hasher, await body(40, 100), view(40))).toMatchObject({ status: 200 });
    expect(checkAddCheckpoint(hasher, await body(100, 100), view(100))).toMatchObject({ status: 200 });
  });

  it('answers each failure with the status the spec names', async () => {
    const other = await body(0, 40);
    expect(checkAddCheckpoint(hasher, 'old x\n', view())).toMatchObject({ status: 400 });
    expect(checkAddCheckpoint(hasher, other.replace(ORIGIN, 'other.example'), view())).toMatchObject({ status: 404 });
    expect(checkAddCheckpoint(hasher, other.replace('\n40\n', '\n41\n'), view())).toMatchObject({ status: 403 });
    expect(checkAddCheckpoint(hasher, (await body(40, 100)).replace('old 40', 'old 101'), view(40))).toMatchObject({ status: 400 });
    expect(checkAddCheckpoint(hasher, await body(0, 40), view(40))).toEqual({ status: 409, latestSize: 40n });
    expect(checkAddCheckpoint(hasher, await body(40, 100, roots.get(40)), view(40))).toMatchObject({ status: 422 });
    const withProof = formatAddCheckpointRequest({ oldSize: 0n, proof: [roots.get(40)!], checkpoint: signed(40) });
    expect(checkAddCheckpoint(hasher, withProof, view())).toMatchObject({ status: 422 });
    expect(checkAddCheckpoint(hasher, await body(0, 0, new Uint8Array(32)), view())).toMatchObject({ status: 422 });
    expect(checkAddCheckpoint(hasher, await body(40, 40, roots.get(100)), view(40))).toMatchObject({ status: 422 });
  });
});
