// Shared set-up of the catalog's HTTP tests: approved organisations (with or without a GS1 prefix), their API
// keys, valid GTINs under a prefix, and bodies of a realistic product, place and lot.
import { computeCheckDigit } from '@txng/gs1';
import { approvedOrganization, official, type Client, type TestSystem } from '../../../test/harness.ts';

export const YEN_CHAU = 46;
export const SONG_MA = 64;

export function gtinFor(prefix: string, item: number): string {
  const body = `${prefix}${String(item).padStart(12 - prefix.length, '0')}`;
  return body + computeCheckDigit(body);
}

export interface TestOrganization {
  readonly id: string;
  readonly admin: Client;
  readonly prefix: string | null;
}

export async function organizationWithPrefix(t: TestSystem, provinceAdmin: Client, prefix: string | null, communeId = YEN_CHAU, sectors: ('agriculture-environment' | 'industry-trade' | 'health')[] = ['agriculture-environment']): Promise<TestOrganization> {
  const org = await approvedOrganization(t, provinceAdmin, { communeId, sectors });
  if (prefix) {
    const res = await org.admin.request('PATCH', `/api/v1/organizations/${org.id}`, { gs1CompanyPrefix: prefix });
    if (res.statusCode !== 200) throw new Error(`prefix not set: ${res.body}`);
  }
  return { id: org.id, admin: org.admin, prefix };
}

export async function provinceAdmin(t: TestSystem): Promise<Client> {
  return official(t, { role: 'province_admin' });
}

export async function apiKey(org: TestOrganization, permissions: string[]): Promise<string> {
  const res = await org.admin.request('POST', `/api/v1/organizations/${org.id}/api-keys`, { name: `k-${permissions.join('-')}`, permissions });
  if (res.statusCode !== 201) throw new Error(`key not created: ${res.body}`);
  return (res.json() as { secret: string }).secret;
}

export function mangoBody(gtin: string | null) {
  return {
    gtin,
    nameVi: 'Xoài tròn Yên Châu',
    nameEn: 'Yen Chau round mango',
    descriptionVi: 'Xoài tròn vỏ xanh, thịt vàng, thơm, trồng trên đất dốc Yên Châu.',
    category: 'fresh_fruit',
    sector: 'agriculture-environment',
    unit: 'kg',
    shelfLifeDays: 10,
    brand: 'Xoài Hương',
    standards: [{ kind: 'tcvn', code: 'TCVN 12827:2023', title: 'Truy xuất nguồn gốc rau quả tươi' }],
    certifications: [{ kind: 'vietgap', number: 'VG-SL-0123', issuer: 'Trung tâm Chứng nhận VietGAP', validFrom: '2025-06-01', validTo: '2028-05-31' }],
    ocop: { stars: 4, certificateNumber: '123/GCN-UBND', decision: 'Quyết định 456/QĐ-UBND', expiresOn: '2028-12-31' },
    protectedMark: { kind: 'geographical_indication', name: 'Xoài tròn Yên Châu' },
    keyProduct: true,
    riskClass: 'low',
    safetyWarnings: 'Rửa sạch trước khi ăn.',
  };
}

export function plantingAreaBody(code = 'VN-SLOR-0012') {
  return { kind: 'planting_area', name: 'Vùng trồng xoài bản Nà Khái', communeId: YEN_CHAU, address: 'Bản Nà Khái', latitude: 21.05, longitude: 104.3, plantingAreaCode: code, areaHa: 12.5 };
}

/** A multipart/form-data body with one file in the field `file`, as a browser or curl sends it. */
export function multipartFile(fileName: string, bytes: Buffer, contentType = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----txng${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(t: TestSystem, client: Client, url: string, fileName: string, bytes: Buffer, contentType?: string) {
  const { payload, headers } = multipartFile(fileName, bytes, contentType);
  return t.system.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
}
