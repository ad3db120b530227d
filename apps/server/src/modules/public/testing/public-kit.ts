// Test set-up of the public pages through the real HTTP API, as a cooperative uses it: an approved organisation
// with a GS1 prefix, a planting area, a published product with an image, a lot with diary steps, and issued,
// activated stamps with scratch codes (read from the label ZIP's CSV, as the printer gets them).
import { computeCheckDigit } from '@txng/gs1';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { approvedOrganization, official, type Client, type TestSystem } from '../../../../test/harness.ts';

export const YEN_CHAU = 46;

export interface Fixture {
  readonly admin: Client;
  readonly coop: { id: string; admin: Client };
  readonly productId: string;
  readonly lotId: string;
  readonly gtin: string;
  readonly stamps: { serial: string; uri: string; path: string; code: string }[];
  readonly requestId: string;
}

async function ok(res: { statusCode: number; body: string; json(): unknown }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string };
}

export function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer; field?: string }, boundary = '----txng-public-test'): { payload: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  // Text fields first, the file last, as the report form orders them.
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'photo'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Text fields of a published product: plain by default; the XSS corpus passes markup in every one. */
export interface ProductTexts {
  readonly name: string;
  readonly description: string;
  readonly brand: string;
  readonly safety: string;
  readonly notes: string;
  readonly standardTitle: string;
}

export const PLAIN: ProductTexts = {
  name: 'Xoài tròn Yên Châu',
  description: 'Xoài tròn vỏ xanh, thịt vàng, thơm, trồng trên đất dốc Yên Châu.',
  brand: 'Xoài Hương',
  safety: 'Rửa sạch trước khi ăn.',
  notes: 'Tưới nhỏ giọt',
  standardTitle: 'Truy xuất nguồn gốc rau quả tươi',
};

export async function setUp(t: TestSystem, item: number, texts: ProductTexts = PLAIN, stampCount = 8): Promise<Fixture> {
  const admin = await official(t, { role: 'province_admin' });
  const org = await approvedOrganization(t, admin, { communeId: YEN_CHAU, sectors: ['agriculture-environment'] });
  const prefix = `8936${String(10000 + item).slice(-5)}`;
  await ok(await org.admin.request('PATCH', `/api/v1/organizations/${org.id}`, { gs1CompanyPrefix: prefix }), 200, 'prefix');
  const place = await ok(await org.admin.request('POST', '/api/v1/places', { kind: 'planting_area', name: 'Vùng trồng xoài bản Nà Khái', communeId: YEN_CHAU, address: 'Bản Nà Khái', latitude: 21.0468, longitude: 104.3012, plantingAreaCode: `VN-SLOR-${String(item).padStart(4, '0')}`, areaHa: 12.5 }), 201, 'place');
  const body = `${prefix}${String(item).padStart(12 - prefix.length, '0')}`;
  const gtin = (body + computeCheckDigit(body)).padStart(14, '0');
  const product = await ok(await org.admin.request('POST', '/api/v1/products', {
    gtin, nameVi: texts.name, nameEn: 'Yen Chau round mango', descriptionVi: texts.description, category: 'fresh_fruit', sector: 'agriculture-environment', unit: 'kg', shelfLifeDays: 10, brand: texts.brand,
    standards: [{ kind: 'tcvn', code: 'TCVN 12827:2023', title: texts.standardTitle }],
    certifications: [{ kind: 'vietgap', number: 'VG-SL-0123', issuer: 'Trung tâm Chứng nhận VietGAP', validFrom: '2025-06-01', validTo: '2028-05-31' }],
    ocop: { stars: 4, certificateNumber: '123/GCN-UBND', decision: 'Quyết định 456/QĐ-UBND', expiresOn: '2028-12-31' },
    protectedMark: { kind: 'geographical_indication', name: 'Xoài tròn Yên Châu' }, keyProduct: true, riskClass: 'low', safetyWarnings: texts.safety, originPlaceId: place.id,
  }), 201, 'product');
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 250, g: 190, b: 40 } } }).png().toBuffer();
  const img = multipart({}, { name: 'xoai.png', type: 'image/png', bytes: png, field: 'file' });
  const up = await t.system.app.inject({ method: 'POST', url: `/api/v1/products/${product.id}/images`, headers: { cookie: org.admin.cookie, 'x-csrf-token': org.admin.csrf, 'content-type': img.contentType }, payload: img.payload });
  await ok(up, 201, 'image');
  await ok(await org.admin.request('POST', `/api/v1/products/${product.id}/publish`, {}), 200, 'publish');
  const lot = await ok(await org.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode: `XY-2026-${item}`, harvestDate: '2026-06-20', productionDate: '2026-06-21', expiryDate: '2026-07-30', quantity: 500, unit: 'kg', originPlaceId: place.id }), 201, 'lot');
  await ok(await org.admin.request('POST', '/api/v1/diary', { lotId: lot.id, kind: 'irrigation', occurredAt: '2026-06-01T07:00', placeId: place.id, notes: texts.notes }), 201, 'diary irrigation');
  await ok(await org.admin.request('POST', '/api/v1/diary', { lotId: lot.id, kind: 'harvesting', occurredAt: '2026-06-20T06:00', placeId: place.id, quantity: 500, unit: 'kg' }), 201, 'diary harvest');
  const request = await ok(await org.admin.request('POST', '/api/v1/stamp-requests', { productId: product.id, lotId: lot.id, quantity: stampCount, kind: 'qr_code', layout: { preset: 'a4-24' } }), 201, 'stamp request');
  await ok(await admin.request('POST', `/api/v1/stamp-requests/${request.id}/approve`, {}), 200, 'approve');
  for (let i = 0; i < 100 && (await t.system.jobs.runOnce()); i++);
  const zip = await t.system.app.inject({ method: 'GET', url: `/api/v1/stamp-requests/${request.id}/labels.zip`, headers: { cookie: org.admin.cookie } });
  if (zip.statusCode !== 200) throw new Error(`labels: ${zip.statusCode} ${zip.body}`);
  const csv = new TextDecoder().decode(unzipSync(new Uint8Array(zip.rawPayload))['stamps.csv']).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  const stamps = csv.map((line) => {
    const [, serial, , uri, code] = line.split(',');
    return { serial: serial!, uri: uri!, path: new URL(uri!).pathname, code: code! };
  });
  await ok(await org.admin.request('POST', '/api/v1/stamps/activate', { lotId: lot.id, range: { requestId: request.id, from: 1, to: stampCount - 1 } }), 200, 'activate');
  return { admin, coop: { id: org.id, admin: org.admin }, productId: product.id, lotId: lot.id, gtin, stamps, requestId: request.id };
}
