// Shared set-up of the stamps tests, through the real HTTP API as a cooperative uses it: an approved
// organisation with a GS1 prefix, a planting area with coordinates, a complete published product (image
// included) and a lot; then a stamp request approved and issued by the real job runner.
import { computeCheckDigit } from '@txng/gs1';
import sharp from 'sharp';
import { approvedOrganization, official, type Client, type TestSystem } from '../../../test/harness.ts';

export const YEN_CHAU = 46;

export function gtinFor(prefix: string, item: number): string {
  const body = `${prefix}${String(item).padStart(12 - prefix.length, '0')}`;
  return body + computeCheckDigit(body);
}

export interface Producer {
  readonly id: string;
  readonly admin: Client;
  readonly prefix: string | null;
}

export async function producer(t: TestSystem, provinceAdmin: Client, prefix: string | null, opts: { communeId?: number; sectors?: ('agriculture-environment' | 'industry-trade' | 'health')[] } = {}): Promise<Producer> {
  const org = await approvedOrganization(t, provinceAdmin, { communeId: opts.communeId ?? YEN_CHAU, sectors: opts.sectors ?? ['agriculture-environment'] });
  if (prefix) {
    const res = await org.admin.request('PATCH', `/api/v1/organizations/${org.id}`, { gs1CompanyPrefix: prefix });
    if (res.statusCode !== 200) throw new Error(`prefix not set: ${res.body}`);
  }
  return { id: org.id, admin: org.admin, prefix };
}

async function ok(res: { statusCode: number; body: string; json(): unknown }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string };
}

/** A small real PNG sent as multipart/form-data (RFC 7578), as a browser would. */
async function uploadImage(t: TestSystem, client: Client, productId: string): Promise<void> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 250, g: 190, b: 40 } } }).png().toBuffer();
  const boundary = '----txng-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="xoai.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.system.app.inject({
    method: 'POST',
    url: `/api/v1/products/${productId}/images`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  await ok(res, 201, 'image upload');
}

export interface CatalogSetup {
  readonly productId: string;
  readonly gtin: string | null;
  readonly lotId: string;
  readonly lotCode: string;
  readonly placeId: string;
}

/** A published product with every Circular 02 / Decree 37 field, an image and a lot from a planting area. */
export async function completeProduct(t: TestSystem, p: Producer, item: number, opts: { latitude?: number; longitude?: number; sector?: string; name?: string } = {}): Promise<CatalogSetup> {
  const place = await ok(
    await p.admin.request('POST', '/api/v1/places', { kind: 'planting_area', name: 'Vùng trồng xoài bản Nà Khái', communeId: YEN_CHAU, address: 'Bản Nà Khái', latitude: opts.latitude ?? 21.05, longitude: opts.longitude ?? 104.3, plantingAreaCode: `VN-SLOR-${String(item).padStart(4, '0')}`, areaHa: 12.5 }),
    201,
    'place',
  );
  const gtin = p.prefix ? gtinFor(p.prefix, item) : null;
  const product = await ok(
    await p.admin.request('POST', '/api/v1/products', {
      gtin,
      nameVi: opts.name ?? 'Xoài tròn Yên Châu',
      nameEn: 'Yen Chau round mango',
      descriptionVi: 'Xoài tròn vỏ xanh, thịt vàng, thơm, trồng trên đất dốc Yên Châu.',
      category: 'fresh_fruit',
      sector: opts.sector ?? 'agriculture-environment',
      unit: 'kg',
      shelfLifeDays: 10,
      brand: 'Xoài Hương',
      standards: [{ kind: 'tcvn', code: 'TCVN 12827:2023', title: 'Truy xuất nguồn gốc rau quả tươi' }],
      certifications: [{ kind: 'vietgap', number: 'VG-SL-0123', issuer: 'Trung tâm Chứng nhận VietGAP', validFrom: '2025-06-01', validTo: '2028-05-31' }],
      ocop: { stars: 4, certificateNumber: '123/GCN-UBND', decision: 'Quyết định 456/QĐ-UBND', expiresOn: '2028-12-31' },
      keyProduct: true,
      riskClass: 'low',
      safetyWarnings: 'Rửa sạch trước khi ăn.',
      originPlaceId: place.id,
    }),
    201,
    'product',
  );
  await uploadImage(t, p.admin, product.id);
  await ok(await p.admin.request('POST', `/api/v1/products/${product.id}/publish`, {}), 200, 'publish');
  const lotCode = `XY-2026-${String(item).padStart(2, '0')}`;
  const lot = await ok(
    await p.admin.request('POST', '/api/v1/lots', { productId: product.id, lotCode, harvestDate: '2026-06-20', productionDate: '2026-06-21', expiryDate: '2026-07-30', quantity: 500, unit: 'kg', originPlaceId: place.id }),
    201,
    'lot',
  );
  return { productId: product.id, gtin: gtin ? gtin.padStart(14, '0') : null, lotId: lot.id, lotCode, placeId: place.id };
}

/** Runs queued background jobs (the stamp issuance) until none is left. */
export async function runJobs(t: TestSystem): Promise<void> {
  for (let i = 0; i < 100 && (await t.system.jobs.runOnce()); i++);
}

export async function provinceAdmin(t: TestSystem) {
  return official(t, { role: 'province_admin' });
}

/** Requests, approves (as `approver`) and issues stamps; returns the issued request. */
export async function issuedRequest(t: TestSystem, p: Producer, approver: Client, c: CatalogSetup, body: Record<string, unknown> = {}) {
  const created = await ok(await p.admin.request('POST', '/api/v1/stamp-requests', { productId: c.productId, lotId: c.lotId, quantity: 20, kind: 'qr_code', layout: { preset: 'a4-24' }, ...body }), 201, 'stamp request');
  await ok(await approver.request('POST', `/api/v1/stamp-requests/${created.id}/approve`, {}), 200, 'approve');
  await runJobs(t);
  return ok(await p.admin.request('GET', `/api/v1/stamp-requests/${created.id}`), 200, 'issued request') as Promise<Record<string, unknown> & { id: string; uriPrefix: string; issuedCount: number; status: string }>;
}
