// Products, places and lots through the HTTP API as a cooperative uses them: register, validate, version,
// publish; bad input names its field and saves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.ts';
import { createTestSystem, fixedClock, type TestSystem } from '../../../test/harness.ts';
import { gtinFor, mangoBody, organizationWithPrefix, plantingAreaBody, provinceAdmin, type TestOrganization } from './test-fixtures.ts';

let t: TestSystem;
let coop: TestOrganization;
let household: TestOrganization;
const PREFIX = '893612345';
const clock = fixedClock('2026-07-10T03:00:00Z');

beforeAll(async () => {
  t = await createTestSystem({ clock });
  const admin = await provinceAdmin(t);
  coop = await organizationWithPrefix(t, admin, PREFIX);
  household = await organizationWithPrefix(t, admin, null);
});
afterAll(async () => t?.close());

const count = async (table: string) => Number((await rows<{ n: number }>(t.db.orm, sql.raw(`select count(*)::int as n from catalog.${table}`)))[0]!.n);

describe('products', () => {
  it('registers a product with every Circular 02 / Decree 37 field, normalising the GTIN to 14 digits', async () => {
    const res = await coop.admin.request('POST', '/api/v1/products', { ...mangoBody(gtinFor(PREFIX, 1)), originPlaceId: null });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'draft', version: 1, gtin: `0${gtinFor(PREFIX, 1)}`, noGtinYet: false, nameVi: 'Xoài tròn Yên Châu', ocop: { stars: 4 }, protectedMark: { kind: 'geographical_indication' }, keyProduct: true, riskClass: 'low' });
    expect(p.certifications[0]).toMatchObject({ kind: 'vietgap', number: 'VG-SL-0123' });
  });

  it('lets an organisation without a GS1 prefix register a product with no GTIN yet', async () => {
    const res = await household.admin.request('POST', '/api/v1/products', { ...mangoBody(null), nameVi: 'Mận hậu Mộc Châu' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ gtin: null, noGtinYet: true });
  });

  it('refuses an invalid GTIN, naming the field and the expected check digit, and saves nothing', async () => {
    const before = await count('products');
    const good = gtinFor(PREFIX, 2);
    const bad = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
    const res = await coop.admin.request('POST', '/api/v1/products', mangoBody(bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/gtin', code: 'CATALOG_GTIN_CHECK_DIGIT' });
    expect(res.json().errors[0].messages.vi).toContain(`chữ số cuối phải là ${good.slice(-1)}`);
    const foreign = await coop.admin.request('POST', '/api/v1/products', mangoBody(gtinFor('893699999', 1)));
    expect(foreign.json().errors[0]).toMatchObject({ pointer: '/gtin', code: 'CATALOG_GTIN_PREFIX_MISMATCH' });
    const letters = await coop.admin.request('POST', '/api/v1/products', mangoBody('89361234A0012'));
    expect(letters.json().errors[0]).toMatchObject({ pointer: '/gtin', code: 'CATALOG_GTIN_NOT_DIGITS' });
    expect(await count('products')).toBe(before);
  });

  it('refuses a second product with the same GTIN in the organisation (409)', async () => {
    const res = await coop.admin.request('POST', '/api/v1/products', mangoBody(gtinFor(PREFIX, 1)));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/gtin', code: 'CATALOG_GTIN_TAKEN' });
  });

  it('keeps every version, records each in the ledger outbox, and audits before/after', async () => {
    const created = (await coop.admin.request('POST', '/api/v1/products', mangoBody(gtinFor(PREFIX, 3)))).json();
    const patched = await coop.admin.request('PATCH', `/api/v1/products/${created.id}`, { safetyWarnings: 'Không ăn vỏ.', ocop: { stars: 5, certificateNumber: '9/GCN' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, safetyWarnings: 'Không ăn vỏ.', ocop: { stars: 5 }, nameVi: 'Xoài tròn Yên Châu' });
    const published = await coop.admin.request('POST', `/api/v1/products/${created.id}/publish`, {});
    expect(published.json()).toMatchObject({ status: 'published', version: 3 });
    const history = (await coop.admin.request('GET', `/api/v1/products/${created.id}/history`)).json().items;
    expect(history.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(history[2].content.safetyWarnings).toBe('Rửa sạch trước khi ăn.');
    const ledger = await rows<{ id: string }>(t.db.orm, sql`select payload->>'id' as id from platform.outbox where topic = 'ledger.entry' and payload->>'kind' = 'product.version' and payload->>'id' like ${`${created.id}@%`}`);
    expect(ledger.map((l) => l.id).sort()).toEqual([`${created.id}@1`, `${created.id}@2`, `${created.id}@3`]);
    const audit = await rows<{ action: string; before: unknown }>(t.db.orm, sql`select action, before from identity.audit_events where resource_id = ${created.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['catalog.product.create', 'catalog.product.update', 'catalog.product.publish']);
    expect(audit[1]!.before).toMatchObject({ safetyWarnings: 'Rửa sạch trước khi ăn.' });
  });

  it('reports which legally required fields are missing', async () => {
    const bare = (await household.admin.request('POST', '/api/v1/products', { nameVi: 'Nhãn sấy Sông Mã', category: 'dried_fruit', unit: 'hộp' })).json();
    const report = (await household.admin.request('GET', `/api/v1/products/${bare.id}/completeness`)).json();
    expect(report.complete).toBe(false);
    const fields = report.missing.map((m: { field: string }) => m.field);
    expect(fields).toEqual(expect.arrayContaining(['images', 'gtin', 'originPlaceId', 'standards', 'certifications', 'safetyWarnings']));
    expect(fields).not.toContain('nameVi');
    expect(report.missing.find((m: { field: string }) => m.field === 'gtin').basis).toEqual(['decree-37-2026/32']);
    expect(report.missing.find((m: { field: string }) => m.field === 'images').messages.vi).toBe('Hình ảnh sản phẩm');
  });
});

describe('places', () => {
  it('registers a planting area with its code and area, and generates an internal code', async () => {
    const res = await coop.admin.request('POST', '/api/v1/places', plantingAreaBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'planting_area', plantingAreaCode: 'VN-SLOR-0012', areaHa: 12.5, internalCode: 'VT-001', latitude: 21.05 });
  });

  it('refuses unknown communes, impossible coordinates and a planting area without code or area', async () => {
    const before = await count('places');
    const res = await coop.admin.request('POST', '/api/v1/places', { kind: 'planting_area', name: 'Vùng trồng thử', communeId: 999, latitude: 95, longitude: null });
    expect(res.statusCode).toBe(400);
    const byPointer = Object.fromEntries(res.json().errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]));
    expect(byPointer).toMatchObject({
      '/communeId': 'GEO_UNIT_NOT_FOUND',
      '/longitude': 'CATALOG_COORDINATES_PAIR',
      '/latitude': 'CATALOG_LATITUDE_RANGE',
      '/plantingAreaCode': 'CATALOG_PLANTING_AREA_CODE_REQUIRED',
      '/areaHa': 'CATALOG_AREA_REQUIRED',
    });
    expect(await count('places')).toBe(before);
  });

  it('checks a GLN against the check digit and the organisation prefix', async () => {
    const glnBody = `${PREFIX}001`;
    const gln = glnBody + gtinFor(PREFIX, 0).slice(-1).replace(/./, (_d) => String(((10 - ([...glnBody].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0) % 10)) % 10)));
    const ok = await coop.admin.request('POST', '/api/v1/places', { kind: 'warehouse', name: 'Kho lạnh Yên Châu', communeId: 46, gln, glnExtension: 'KHO-1' });
    expect(ok.statusCode, ok.body).toBe(201);
    const wrong = await coop.admin.request('POST', '/api/v1/places', { kind: 'warehouse', name: 'Kho 2', gln: gln.slice(0, -1) + String((Number(gln.slice(-1)) + 1) % 10) });
    expect(wrong.json().errors[0]).toMatchObject({ pointer: '/gln', code: 'CATALOG_GLN_CHECK_DIGIT' });
    const again = await coop.admin.request('POST', '/api/v1/places', { kind: 'warehouse', name: 'Kho 3', gln, glnExtension: 'KHO-1' });
    expect(again.statusCode).toBe(409);
  });

  it('versions a place on change', async () => {
    const place = (await coop.admin.request('POST', '/api/v1/places', { kind: 'barn', name: 'Chuồng bò', communeId: 46 })).json();
    const changed = await coop.admin.request('PATCH', `/api/v1/places/${place.id}`, { name: 'Chuồng bò sữa' });
    expect(changed.json()).toMatchObject({ version: 2, name: 'Chuồng bò sữa', internalCode: place.internalCode });
    const history = (await coop.admin.request('GET', `/api/v1/places/${place.id}/history`)).json().items;
    expect(history.map((v: { content: { name: string } }) => v.content.name)).toEqual(['Chuồng bò sữa', 'Chuồng bò']);
  });
});

describe('lots', () => {
  let productId: string;
  let placeId: string;
  beforeAll(async () => {
    productId = (await coop.admin.request('POST', '/api/v1/products', mangoBody(gtinFor(PREFIX, 10)))).json().id;
    placeId = (await coop.admin.request('POST', '/api/v1/places', plantingAreaBody('VN-SLOR-0099'))).json().id;
  });

  it('records a lot with its LGTIN and Digital Link, referring to the current product and place versions', async () => {
    const res = await coop.admin.request('POST', '/api/v1/lots', { productId, lotCode: 'XY-2026-07', harvestDate: '05/07/2026', productionDate: '2026-07-06', expiryDate: '2026-07-16', quantity: 1200, originPlaceId: placeId });
    expect(res.statusCode, res.body).toBe(201);
    const lot = res.json();
    expect(lot).toMatchObject({ lotCode: 'XY-2026-07', harvestDate: '2026-07-05', unit: 'kg', productVersion: 1, originPlaceVersion: 1, quantity: 1200 });
    expect(lot.lgtin).toBe(`urn:epc:class:lgtin:${PREFIX}.0${gtinFor(PREFIX, 10).slice(PREFIX.length, -1)}.XY-2026-07`);
    expect(lot.digitalLink).toBe(`http://txng.test/01/0${gtinFor(PREFIX, 10)}/10/XY-2026-07`);
  });

  it('refuses a duplicate lot code of the same product (409), but allows it for another product', async () => {
    const dup = await coop.admin.request('POST', '/api/v1/lots', { productId, lotCode: 'XY-2026-07' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ pointer: '/lotCode', code: 'CATALOG_LOT_CODE_TAKEN' });
    const other = (await coop.admin.request('POST', '/api/v1/products', mangoBody(gtinFor(PREFIX, 11)))).json().id;
    expect((await coop.admin.request('POST', '/api/v1/lots', { productId: other, lotCode: 'XY-2026-07' })).statusCode).toBe(201);
  });

  it('refuses impossible dates, naming each field, and saves nothing', async () => {
    const before = await count('lots');
    const res = await coop.admin.request('POST', '/api/v1/lots', { productId, lotCode: 'XY-BAD', productionDate: '2026-07-01', harvestDate: '2026-07-03', expiryDate: '2026-06-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)).toEqual(['/productionDate CATALOG_PRODUCTION_BEFORE_HARVEST', '/expiryDate CATALOG_EXPIRY_BEFORE_PRODUCTION']);
    const future = await coop.admin.request('POST', '/api/v1/lots', { productId, lotCode: 'XY-FUT', harvestDate: '2026-08-01' });
    expect(future.json().errors[0]).toMatchObject({ pointer: '/harvestDate', code: 'CATALOG_DATE_IN_FUTURE' });
    const unreal = await coop.admin.request('POST', '/api/v1/lots', { productId, lotCode: 'XY-FEB', productionDate: '31/02/2026' });
    expect(unreal.json().errors[0]).toMatchObject({ pointer: '/productionDate', code: 'CATALOG_DATE_INVALID' });
    const accented = await coop.admin.request('POST', '/api/v1/lots', { productId, lotCode: 'Lô-1' });
    expect(accented.json().errors[0]).toMatchObject({ pointer: '/lotCode', code: 'CATALOG_LOT_CODE_INVALID' });
    expect(await count('lots')).toBe(before);
  });
});

describe('service API for stamps and the public page', () => {
  it('answers published products only, finds a lot by GTIN and lot code, and reports lot completeness', async () => {
    const pub = t.system.services.catalog.public;
    const gtin = gtinFor(PREFIX, 40);
    const product = (await coop.admin.request('POST', '/api/v1/products', mangoBody(gtin))).json();
    expect(await pub.publishedProduct(product.id)).toBeUndefined();
    await coop.admin.request('POST', `/api/v1/products/${product.id}/publish`, {});
    const page = await pub.publishedProduct(product.id);
    expect(page?.producer).toMatchObject({ id: coop.id });
    const lot = (await coop.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode: 'PUB-1', productionDate: '2026-07-01' })).json();
    const found = await pub.lotByGtinAndLot(gtin, 'PUB-1');
    expect(found?.lot.id).toBe(lot.id);
    const report = await pub.lotCompleteness(lot.id);
    expect(report?.complete).toBe(false);
    expect(report?.missing.map((m) => m.field)).toEqual(expect.arrayContaining(['images', 'originPlaceId', 'lot.expiryDate', 'events']));
  });
});
