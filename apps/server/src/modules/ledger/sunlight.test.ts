// The public read path is byte-exact tlog-tiles: Sunlight's 300-entry test tree ("record 0" … "record 299",
// conformance/tlog/sunlight-skylight-testdata) appended in uneven batches — restoring the tree from storage
// between batches, as after a crash — is served tile for tile as Sunlight wrote it, with the same root.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEntryBundle, merkleHasher, parseCheckpoint } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { readHead, TreeState } from './tree-state.ts';

const conformance = path.resolve(process.env.TXNG_CONFORMANCE_DIR ?? fileURLToPath(new URL('../../../../../../shared/conformance', import.meta.url)));
const MIRROR = path.join(conformance, 'tlog', 'sunlight-skylight-testdata', 'witness', 'mirror', '000de184301123b9278c086a7d9f68c9577e83872224c197058fd90784ea9706');
const hasher = merkleHasher(nodeCrypto);

describe('Sunlight\'s 300-entry tree through the ledger', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await createTestSystem();
  });
  afterAll(async () => t?.close());

  it('serves every hash tile byte for byte with the mirror checkpoint\'s root, and bundles in tlog-tiles encoding', async () => {
    const { db, ledger } = { db: t.db, ledger: t.system.ledger };
    let at = 0;
    for (const size of [1, 2, 253, 1, 43]) {
      await db.transaction(async (tx) => {
        const head = await readHead(tx, true);
        const state = head.size === 0n ? TreeState.empty(hasher) : await TreeState.restore(hasher, ledger.store, head, tx);
        const entries = Array.from({ length: size }, (_, k) => {
          const text = `record ${at + k}`;
          return { leaf: new TextEncoder().encode(text), kind: 'test', recordId: text, sha256: createHash('sha256').update(text).digest('hex') };
        });
        await state.append(tx, ledger.store, entries);
      });
      at += size;
      expect(await ledger.checkpoints.sign(await readHead(db.orm, false))).toBeDefined();
    }
    const note = (await t.system.app.inject('/ledger/checkpoint')).body;
    const ours = parseCheckpoint(note.slice(0, note.indexOf('\n\n') + 1));
    const mirror = readFileSync(path.join(MIRROR, 'checkpoint'), 'utf8');
    const theirs = parseCheckpoint(mirror.slice(0, mirror.indexOf('\n\n') + 1));
    if (!ours.ok || !theirs.ok) throw new Error('checkpoint');
    expect(ours.value.size).toBe(300n);
    expect(Buffer.from(ours.value.root).equals(Buffer.from(theirs.value.root))).toBe(true);
    const paths = ['tile/0/000', 'tile/0/001.p/44', 'tile/1/000.p/1'];
    let passed = 0;
    for (const p of paths) {
      const res = await t.system.app.inject(`/ledger/${p}`);
      expect(res.statusCode, p).toBe(200);
      if (Buffer.compare(res.rawPayload, readFileSync(path.join(MIRROR, p))) === 0) passed++;
      else expect.fail(`${p} differs from Sunlight's`);
    }
    // The mirror's own bundles are placeholders ("fake mirrored entry bundle"): ours must be the tlog-tiles
    // encoding of the records, uint16 big-endian length prefixes.
    const records = Array.from({ length: 300 }, (_, i) => new TextEncoder().encode(`record ${i}`));
    for (const [p, slice] of [['tile/entries/000', records.slice(0, 256)], ['tile/entries/001.p/44', records.slice(256)]] as const) {
      const want = encodeEntryBundle(slice);
      const res = await t.system.app.inject(`/ledger/${p}`);
      expect(want.ok && Buffer.compare(res.rawPayload, want.value) === 0, p).toBe(true);
    }
    console.log(`[conformance] sunlight-skylight-testdata via /ledger: ${passed}/${paths.length} tiles byte-identical, root identical, 2/2 bundles`);
  });
});
