// Uploaded files in an S3-compatible bucket (TXNG_FILE_STORAGE=s3:<prefix>), against a real S3 server on
// loopback: the FileStorage contract, then product images and certificates uploaded and served through the
// portal API with the bytes kept in the bucket only, and a refusing bucket answered with a problem, not a crash.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../../test/harness.ts';
import { S3Client } from '../../../platform/object-storage/s3-client.ts';
import { startTestS3Server, type TestS3Server } from '../../../platform/object-storage/test-s3-server.ts';
import { organizationWithPrefix, provinceAdmin, upload, type TestOrganization } from '../test-fixtures.ts';
import { S3FileStorage } from './s3-file-storage.ts';

let s3: TestS3Server;
let bucket: S3Client;

beforeAll(async () => {
  s3 = await startTestS3Server(['txng-files']);
  bucket = new S3Client({ endpoint: s3.endpoint, region: s3.region, bucket: 'txng-files', accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
});
afterAll(async () => s3?.close());

describe('S3FileStorage', () => {
  it('keeps bytes and content type under its prefix, answers undefined when missing, deletes idempotently', async () => {
    const storage = new S3FileStorage(bucket, 'unit/');
    const bytes = Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 7) % 256));
    await storage.put('documents/abc/original', bytes, 'application/pdf');
    const got = await storage.get('documents/abc/original');
    expect(got?.contentType).toBe('application/pdf');
    expect(Buffer.compare(got!.bytes, bytes)).toBe(0);
    expect((await bucket.headObject('unit/documents/abc/original'))?.contentType).toBe('application/pdf');
    await storage.put('documents/abc/original', Buffer.from('v2'), 'text/csv');
    expect(await storage.get('documents/abc/original')).toEqual({ bytes: Buffer.from('v2'), contentType: 'text/csv' });
    await storage.delete('documents/abc/original');
    await storage.delete('documents/abc/original');
    expect(await storage.get('documents/abc/original')).toBeUndefined();
    await expect(storage.put('../escape', bytes, 'text/plain')).rejects.toThrow(/unsafe storage key/);
  });
});

describe('catalog files on S3 storage', () => {
  let t: TestSystem;
  let coop: TestOrganization;
  let productId: string;
  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_FILE_STORAGE: 's3:catalog/', ...s3.env('txng-files') } });
    coop = await organizationWithPrefix(t, await provinceAdmin(t), null);
    productId = (await coop.admin.request('POST', '/api/v1/products', { nameVi: 'Mận hậu Mộc Châu', category: 'fresh_fruit', unit: 'kg' })).json().id;
  });
  afterAll(async () => t?.close());

  it('reports the bucket usable in /readyz', async () => {
    await expect.poll(async () => (await t.system.app.inject({ method: 'GET', url: '/readyz' })).json().objectStorage).toBe('ok');
  });

  it('stores an uploaded photo\'s renditions in the bucket and serves its thumbnail from there', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#a37' } }).jpeg().toBuffer();
    const res = await upload(t, coop.admin, `/api/v1/products/${productId}/images`, 'man.jpg', photo, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json().images[0];
    const thumb = await coop.admin.request('GET', image.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    // The served bytes are the bucket's object, byte for byte; nothing went to the data folder.
    const stored = await bucket.getObject(`catalog/images/${image.fileId}/thumb.webp`);
    expect(stored?.contentType).toBe('image/webp');
    expect(Buffer.compare(stored!.body, thumb.rawPayload)).toBe(0);
    expect((await bucket.headObject(`catalog/images/${image.fileId}/large.webp`))?.contentType).toBe('image/webp');
    const filesDir = path.join(t.config.dataDir, 'files');
    expect(existsSync(filesDir) ? readdirSync(filesDir) : []).toEqual([]);
  });

  it('serves a scanned certificate with the content type it was stored with', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    const res = await upload(t, coop.admin, '/api/v1/files', 'vietgap.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    const got = await coop.admin.request('GET', `/api/v1/files/${res.json().id}?size=original`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(got.rawPayload, pdf)).toBe(0);
  });
});

describe('catalog files on a bucket that refuses the credentials', () => {
  let t: TestSystem;
  let coop: TestOrganization;
  beforeAll(async () => {
    t = await createTestSystem({ env: { TXNG_FILE_STORAGE: 's3', ...s3.env('txng-files'), TXNG_S3_SECRET_ACCESS_KEY: 'wrong-secret-0123456789' } });
    coop = await organizationWithPrefix(t, await provinceAdmin(t), null);
  });
  afterAll(async () => t?.close());

  it('says so in /readyz (without failing readiness: public pages do not need the bucket)', async () => {
    await expect.poll(async () => (await t.system.app.inject({ method: 'GET', url: '/readyz' })).json().objectStorage).toBe('refused');
    const ready = await t.system.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.body).not.toContain('wrong-secret');
  });

  it('answers an upload with "storage unavailable, retry later" and keeps serving', async () => {
    const res = await upload(t, coop.admin, '/api/v1/files', 'vietgap.pdf', Buffer.from('%PDF-1.4\n'));
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('30');
    expect(res.json()).toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryAfter: 30 });
    expect(res.json().messages.vi).toContain('Kho lưu trữ tệp');
    expect(res.body).not.toContain('wrong-secret');
    expect((await coop.admin.request('GET', '/api/v1/products')).statusCode).toBe(200);
  });
});
