// Who reaches what: one organisation can neither read nor change another's products, places, lots or imports;
// API keys need catalog:read / catalog:write; officials read within scope and write nothing; the public finds
// published products only. Search ignores diacritics and case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRequest, createTestSystem, official, type Client, type TestSystem } from '../../../test/harness.ts';
import { apiKey, gtinFor, mangoBody, organizationWithPrefix, plantingAreaBody, provinceAdmin, SONG_MA, upload, YEN_CHAU, type TestOrganization } from './test-fixtures.ts';

let t: TestSystem;
let a: TestOrganization;
let b: TestOrganization;
const ids: Record<string, string> = {};
let communeYenChau: Client;
let communeSongMa: Client;
let sectorHealth: Client;

const anonymous = (method: string, url: string) => t.system.app.inject({ method: method as 'GET', url });

beforeAll(async () => {
  t = await createTestSystem();
  const admin = await provinceAdmin(t);
  a = await organizationWithPrefix(t, admin, '893612111', YEN_CHAU);
  b = await organizationWithPrefix(t, admin, null, SONG_MA, ['industry-trade']);
  const place = (await a.admin.request('POST', '/api/v1/places', plantingAreaBody('VN-SLOR-0500'))).json();
  const product = (await a.admin.request('POST', '/api/v1/products', { ...mangoBody(gtinFor('893612111', 1)), originPlaceId: place.id })).json();
  const draft = (await a.admin.request('POST', '/api/v1/products', { nameVi: 'Cà phê rang xay Chiềng Ban', category: 'coffee', unit: 'gói 500 g' })).json();
  const lot = (await a.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode: 'XY-01', originPlaceId: place.id })).json();
  await a.admin.request('POST', `/api/v1/products/${product.id}/publish`, {});
  Object.assign(ids, { place: place.id, product: product.id, draft: draft.id, lot: lot.id });
  communeYenChau = await official(t, { role: 'commune_officer', communeId: YEN_CHAU });
  communeSongMa = await official(t, { role: 'commune_officer', communeId: SONG_MA });
  sectorHealth = await official(t, { role: 'sector_officer', sector: 'health' });
});
afterAll(async () => t?.close());

describe('another organisation', () => {
  it('cannot read A\'s products, places or lots (404, not revealed) nor find them in lists', async () => {
    for (const url of [`/api/v1/products/${ids.draft}`, `/api/v1/places/${ids.place}`, `/api/v1/lots/${ids.lot}`, `/api/v1/products/${ids.product}/history`, `/api/v1/products/${ids.product}/completeness`]) {
      expect((await b.admin.request('GET', url)).statusCode, url).toBe(404);
    }
    for (const list of ['products', 'places', 'lots']) expect((await b.admin.request('GET', `/api/v1/${list}`)).json().total).toBe(0);
  });

  it('cannot change them, attach images to them, or record lots of A\'s products', async () => {
    expect((await b.admin.request('PATCH', `/api/v1/products/${ids.product}`, { nameVi: 'Đổi tên' })).statusCode).toBe(404);
    expect((await b.admin.request('POST', `/api/v1/products/${ids.product}/unpublish`, {})).statusCode).toBe(404);
    expect((await b.admin.request('PATCH', `/api/v1/places/${ids.place}`, { name: 'Đổi tên' })).statusCode).toBe(404);
    expect((await b.admin.request('PATCH', `/api/v1/lots/${ids.lot}`, { lotCode: 'X' })).statusCode).toBe(404);
    const lot = await b.admin.request('POST', '/api/v1/lots', { productId: ids.product, lotCode: 'STOLEN' });
    expect(lot.json().errors[0]).toMatchObject({ pointer: '/productId', code: 'CATALOG_PRODUCT_NOT_FOUND' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    expect((await upload(t, b.admin, `/api/v1/products/${ids.product}/images`, 'x.png', png)).statusCode).toBe(404);
    expect((await a.admin.request('GET', `/api/v1/products/${ids.product}`)).json().nameVi).toBe('Xoài tròn Yên Châu');
  });

  it('does not see A\'s data in its exports', async () => {
    const csv = (await b.admin.request('GET', '/api/v1/exports/products.csv')).body;
    expect(csv).not.toContain('Xoài');
  });
});

describe('API keys', () => {
  it('need catalog:read to read and catalog:write to write, and stay within their organisation', async () => {
    const reader = apiKeyRequest(t, await apiKey(a, ['catalog:read']));
    const writer = apiKeyRequest(t, await apiKey(a, ['catalog:write']));
    const other = apiKeyRequest(t, await apiKey(b, ['catalog:read', 'catalog:write']));
    expect((await reader('GET', `/api/v1/products/${ids.product}`)).statusCode).toBe(200);
    expect((await reader('POST', '/api/v1/products', { nameVi: 'Chè', category: 'tea', unit: 'kg' })).statusCode).toBe(403);
    expect((await writer('POST', '/api/v1/products', { nameVi: 'Chè Shan tuyết', category: 'tea', unit: 'kg' })).statusCode).toBe(201);
    expect((await writer('GET', '/api/v1/products')).statusCode).toBe(403);
    expect((await other('GET', `/api/v1/lots/${ids.lot}`)).statusCode).toBe(404);
    expect((await other('PATCH', `/api/v1/products/${ids.product}`, { nameVi: 'Đổi tên' })).statusCode).toBe(404);
  });
});

describe('officials', () => {
  it('read within their scope only, and change nothing', async () => {
    expect((await communeYenChau.request('GET', `/api/v1/products/${ids.draft}`)).statusCode).toBe(200);
    expect((await communeYenChau.request('GET', '/api/v1/lots')).json().total).toBe(1);
    expect((await communeSongMa.request('GET', `/api/v1/products/${ids.draft}`)).statusCode).toBe(404);
    expect((await sectorHealth.request('GET', `/api/v1/places/${ids.place}`)).statusCode).toBe(404);
    expect((await communeYenChau.request('PATCH', `/api/v1/products/${ids.product}`, { nameVi: 'Đổi tên' })).statusCode).toBe(403);
    expect((await communeYenChau.request('POST', '/api/v1/products', { nameVi: 'Chè xanh', category: 'tea', unit: 'kg' })).json().code).toBe('CATALOG_ORGANIZATION_REQUIRED');
  });
});

describe('search', () => {
  const titles = async (res: { json: () => { items: { type: string; title: string }[] } }) => res.json().items.map((i) => `${i.type}:${i.title}`);

  it('finds "Xoài tròn Yên Châu" from "xoai yen chau", "XOÀI", "yen chau xoai" and "Yên Châu"', async () => {
    for (const q of ['xoai yen chau', 'XOÀI', 'yen chau xoai', 'Yên Châu', 'xoai  tron']) {
      expect(await titles(await anonymous('GET', `/api/v1/search?q=${encodeURIComponent(q)}`)), q).toContain('product:Xoài tròn Yên Châu');
    }
    expect((await anonymous('GET', '/api/v1/search?q=xoai%20moc%20chau')).json().items).toEqual([]);
  });

  it('shows the public only published products, and the owner its drafts, places and lots too', async () => {
    expect(await titles(await anonymous('GET', '/api/v1/search?q=ca%20phe'))).toEqual([]);
    expect(await titles(await a.admin.request('GET', '/api/v1/search?q=ca%20phe%20chieng%20ban'))).toEqual(['product:Cà phê rang xay Chiềng Ban']);
    expect(await titles(await a.admin.request('GET', '/api/v1/search?q=na%20khai'))).toContain('place:Vùng trồng xoài bản Nà Khái');
    expect(await titles(await a.admin.request('GET', '/api/v1/search?q=xy-01'))).toContain('lot:XY-01');
    expect(await titles(await b.admin.request('GET', '/api/v1/search?q=na%20khai'))).toEqual([]);
  });

  it('filters by OCOP stars, risk class, geographical indication and commune', async () => {
    expect(await titles(await anonymous('GET', '/api/v1/search?q=xoai&ocopStars=4&gi=geographical_indication&riskClass=low'))).toEqual(['product:Xoài tròn Yên Châu']);
    expect(await titles(await anonymous('GET', '/api/v1/search?q=xoai&ocopStars=5'))).toEqual([]);
    expect(await titles(await anonymous('GET', `/api/v1/search?q=xoai&communeId=${SONG_MA}`))).toEqual([]);
    expect(await titles(await anonymous('GET', `/api/v1/search?q=xoai&communeId=${YEN_CHAU}`))).toEqual(['product:Xoài tròn Yên Châu']);
  });
});
