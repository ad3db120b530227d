// The ledger on S3-compatible storage (TXNG_LEDGER_STORAGE=s3:<prefix>) against a real S3 server on loopback:
// tiles, entry bundles and the checkpoint are objects laid out as c2sp.org/tlog-tiles under `<prefix>public/`,
// served by /ledger byte for byte; a bucket that refuses the writes gets nothing signed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';
import { S3Client } from '../../platform/object-storage/s3-client.ts';
import { startTestS3Server, type TestS3Server } from '../../platform/object-storage/test-s3-server.ts';
import { S3Storage } from './folder-tile-store.ts';
import { downloadLog, recordMany } from './test-kit.ts';

let s3: TestS3Server;
let bucket: S3Client;

beforeAll(async () => {
  s3 = await startTestS3Server(['txng-ledger']);
  bucket = new S3Client({ endpoint: s3.endpoint, region: s3.region, bucket: 'txng-ledger', accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
});
afterAll(async () => s3?.close());

describe('S3Storage', () => {
  it('stores named objects under its prefix and answers undefined for a missing one', async () => {
    const storage = new S3Storage(bucket, 'unit/');
    const data = new Uint8Array(Array.from({ length: 8192 }, (_, i) => (i * 31) % 256));
    await storage.put('public/tile/0/000', data);
    expect(await storage.get('public/tile/0/000')).toEqual(data);
    expect((await bucket.getObject('unit/public/tile/0/000'))?.body.length).toBe(8192);
    expect(await storage.get('public/tile/0/001')).toBeUndefined();
    await expect(storage.put('public/../escape', data)).rejects.toThrow(/bad object name/);
  });
});

describe('the ledger on S3 storage', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_LEDGER_STORAGE: 's3:log/', ...s3.env('txng-ledger') } });
  });
  afterAll(async () => t?.close());

  it('writes the tiles, bundles and checkpoint as tlog-tiles objects and serves the same bytes', async () => {
    expect(t.system.ledger.store.kind).toBe('s3');
    const records = await recordMany(t.db, 300, 's3', 100);
    await t.system.ledger.flush();
    const note = (await t.system.app.inject('/ledger/checkpoint')).body;
    expect((await bucket.getObject('log/public/checkpoint'))?.body.toString('utf8')).toBe(note);
    const { entries, tiles } = await downloadLog(t.system.app, 300n);
    expect(entries.map((e) => new TextDecoder().decode(e))).toEqual(records.map((r) => r.leaf));
    expect(tiles.size).toBeGreaterThan(0);
    for (const [p, data] of tiles) expect(Buffer.compare((await bucket.getObject(`log/public/${p}`))!.body, data), p).toBe(0);
    // The partial entry bundle (300 = 256 + 44) is an object of its own, and the full one too.
    expect((await bucket.getObject('log/public/tile/entries/001.p/44'))!.body.length).toBeGreaterThan(44 * 2);
    expect(await bucket.headObject('log/public/tile/entries/000')).toBeDefined();
    // Nothing tile-shaped is kept in the database.
    const [count] = await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from ledger.tiles`);
    expect(count!.n).toBe(0);
  });
});

describe('the ledger on a bucket that refuses the credentials', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_LEDGER_STORAGE: 's3:log/', ...s3.env('txng-ledger'), TXNG_S3_SECRET_ACCESS_KEY: 'wrong-secret-0123456789' } });
  });
  afterAll(async () => t?.close());

  it('signs nothing it could not store, and reports why', async () => {
    await recordMany(t.db, 10, 'refused', 10);
    await expect(t.system.ledger.flush()).rejects.toThrow(/S3 PUT s3:\/\/txng-ledger\/log\/public\/.* HTTP 403 SignatureDoesNotMatch/);
    expect(t.system.ledger.halted).toBeUndefined();
    // The batch was rolled back with its failed writes: the only signed tree is still the empty one.
    const res = await t.system.app.inject('/ledger/checkpoint');
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\n')[1]).toBe('0');
  });
});
