// Product images and scanned certificates: real images get a thumbnail (location metadata dropped); anything
// else, or anything too large, is refused with a clear message; files are private until a published product shows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { organizationWithPrefix, provinceAdmin, upload, type TestOrganization } from './test-fixtures.ts';

let t: TestSystem;
let coop: TestOrganization;
let productId: string;

beforeAll(async () => {
  t = await createTestSystem();
  coop = await organizationWithPrefix(t, await provinceAdmin(t), null);
  productId = (await coop.admin.request('POST', '/api/v1/products', { nameVi: 'Mận hậu Mộc Châu', category: 'fresh_fruit', unit: 'kg' })).json().id;
});
afterAll(async () => t?.close());

describe('images', () => {
  it('stores a photo as a large rendition and a thumbnail, without its EXIF, private until published', async () => {
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#7a3' } }).withMetadata({ exif: { IFD0: { Copyright: 'GPS here' } } }).jpeg().toBuffer();
    const res = await upload(t, coop.admin, `/api/v1/products/${productId}/images`, 'man.jpg', photo, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json().images[0];
    expect(image).toMatchObject({ width: 1600, height: 1067 });
    const thumb = await coop.admin.request('GET', image.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    expect(meta.exif).toBeUndefined();
    expect(res.json().version).toBe(2);
    const anonymous = () => t.system.app.inject({ method: 'GET', url: image.url });
    expect((await anonymous()).statusCode).toBe(404);
    await coop.admin.request('POST', `/api/v1/products/${productId}/publish`, {});
    expect((await anonymous()).statusCode).toBe(200);
  });

  it('refuses a file that is not an image, and one that is too large, naming the limit', async () => {
    const text = await upload(t, coop.admin, `/api/v1/products/${productId}/images`, 'bang-gia.pdf', Buffer.from('%PDF-1.7 not an image'));
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'CATALOG_UPLOAD_NOT_IMAGE' });
    expect(text.json().messages.vi).toContain('bang-gia.pdf');
    const big = await upload(t, coop.admin, `/api/v1/products/${productId}/images`, 'big.jpg', Buffer.alloc(11 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'CATALOG_UPLOAD_TOO_LARGE' });
    expect(big.json().detail).toContain('10 MB');
    expect((await coop.admin.request('GET', `/api/v1/products/${productId}`)).json().images).toHaveLength(1);
  });

  it('accepts a scanned certificate as PDF and attaches it to a certification', async () => {
    const res = await upload(t, coop.admin, '/api/v1/files', 'vietgap.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'));
    expect(res.statusCode, res.body).toBe(201);
    const patched = await coop.admin.request('PATCH', `/api/v1/products/${productId}`, { certifications: [{ kind: 'vietgap', number: 'VG-1', issuer: 'Trung tâm', fileId: res.json().id }] });
    expect(patched.statusCode, patched.body).toBe(200);
    const notDoc = await upload(t, coop.admin, '/api/v1/files', 'x.exe', Buffer.from('MZ\x90\x00'));
    expect(notDoc.json().code).toBe('CATALOG_UPLOAD_NOT_DOCUMENT');
  });
});
