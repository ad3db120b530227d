// The public pages through HTTP as a phone gets them: every stamp state in both languages, the problem pages,
// passports with JSON-LD, the catalogue, the report form into the officials' scoped inbox, refused uploads,
// caching headers, and valid HTML (html-validate) on the main pages.
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, official, type TestSystem } from '../../../test/harness.ts';
import { multipart, setUp, type Fixture } from './testing/public-kit.ts';

let t: TestSystem;
let f: Fixture;
const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') => t.system.app.inject({ method: 'GET', url, headers, remoteAddress });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestSystem();
  f = await setUp(t, 11);
}, 120_000);
afterAll(async () => t?.close());

describe('scan page states', () => {
  it('genuine: status first, every Circular 02 / Decree 37 field, first scan then counted scans (vi and en)', async () => {
    const s = f.stamps[0]!;
    const first = await get(s.path);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/html/);
    expect(first.headers['cache-control']).toBe('no-store');
    const vi = first.body;
    expect(vi).toMatch(/<html lang="vi">/);
    expect(vi.indexOf('Tem chính hãng')).toBeLessThan(vi.indexOf('Xoài tròn Yên Châu</h2>'));
    expect(text(vi)).toContain('Đây là lần quét đầu tiên.');
    for (const field of ['Mã sản phẩm (GTIN)', f.gtin, 'Nhà sản xuất', 'Bản Nà Khái', 'Yên Châu', 'Mã số vùng trồng', 'Ngày sản xuất', '21/06/2026', 'Hạn sử dụng', '30/07/2026', 'Mã lô', 'XY-2026-11', 'VietGAP', 'Sản phẩm OCOP 4 sao', 'TCVN 12827:2023', 'Rửa sạch trước khi ăn.', 'Chỉ dẫn địa lý', 'Mã số thuế', 'Số sê-ri', s.serial]) {
      expect(text(vi), field).toContain(field);
    }
    expect(vi).toMatch(/href="tel:0912345678"/);
    expect(vi).toMatch(/href="geo:21\.0468,104\.3012\?q=21\.0468,104\.3012"/);
    expect(vi).toMatch(/<img src="\/api\/v1\/files\/[0-9a-f-]+\?size=thumb" width="160" height="160"/);
    expect(text(vi)).toContain('Hành trình sản phẩm');
    expect(text(vi)).toContain('Thu hoạch');
    expect(text(vi)).toContain('Số lượng: 500 kg');
    expect(vi).not.toMatch(/urn:epcglobal|bizstep|cbv:/i);
    expect(vi).toContain('action="/report?lang=vi"');
    expect(vi).toContain(`action="${s.path}?lang=vi"`);

    const en = await get(`${s.path}?lang=en`);
    expect(en.body).toMatch(/<html lang="en">/);
    expect(text(en.body)).toContain('Genuine stamp');
    expect(text(en.body)).toMatch(/First scanned on .+; scanned 2 times\./);
    expect(text(en.body)).toContain('Yen Chau round mango');
    const accept = await get(s.path, { 'accept-language': 'en-US,en;q=0.9' });
    expect(text(accept.body)).toContain('Genuine stamp');
  });

  it('suspicious: a scratch code entered by a second phone flags the stamp and the page says why', async () => {
    const s = f.stamps[1]!;
    const post = (remoteAddress: string, lang = 'vi') => t.system.app.inject({ method: 'POST', url: `${s.path}?lang=${lang}`, payload: { code: s.code }, remoteAddress });
    const firstTry = await post('10.0.0.2');
    expect(text(firstTry.body)).toContain('Mã đúng — tem được xác thực lần đầu');
    const copy = await post('10.9.9.9', 'en');
    expect(text(copy.body)).toContain('This code was already verified on');
    const page = await get(s.path);
    expect(text(page.body)).toContain('Cảnh báo: tem có dấu hiệu bị sao chép');
    expect(text(page.body)).toContain('nay lại có người khác nhập');
    expect(page.body).toMatch(/class="banner suspicious" role="alert"/);
  });

  it('void, lost and not activated each say so plainly', async () => {
    await f.coop.admin.request('POST', `/api/v1/stamps/${f.stamps[2]!.serial}/void`, { reason: 'Nhãn in hỏng', status: 'void' });
    await f.coop.admin.request('POST', `/api/v1/stamps/${f.stamps[3]!.serial}/void`, { reason: 'Mất cuộn tem', status: 'lost' });
    expect(text((await get(f.stamps[2]!.path)).body)).toContain('Tem đã bị huỷ — không hợp lệ');
    expect(text((await get(`${f.stamps[2]!.path}?lang=en`)).body)).toContain('This stamp was cancelled — not valid');
    expect(text((await get(f.stamps[3]!.path)).body)).toContain('Tem đã được báo mất — không hợp lệ');
    const inactive = f.stamps[f.stamps.length - 1]!;
    expect(text((await get(inactive.path)).body)).toContain('Tem chưa được kích hoạt');
  });

  it('recalled: what to do and whom to call', async () => {
    const other = await setUp(t, 12, undefined, 2);
    const res = await other.coop.admin.request('POST', '/api/v1/stamps/recall', { lotId: other.lotId, reason: 'Phát hiện dư lượng vượt ngưỡng' });
    expect(res.statusCode, res.body).toBe(200);
    const vi = text((await get(other.stamps[0]!.path)).body);
    expect(vi).toContain('Sản phẩm đang bị thu hồi');
    expect(vi).toContain('Cần làm gì: Ngừng sử dụng');
    expect(vi).toContain('Liên hệ:');
    expect((await get(other.stamps[0]!.path)).body).toMatch(/href="tel:0912345678"/);
    expect(text((await get(`${other.stamps[0]!.path}?lang=en`)).body)).toContain('What to do: Stop using it');
  });
});

describe('codes that do not resolve', () => {
  it.each([
    ['unknown stamp', () => `/01/${f.gtin}/10/XY-2026-11/21/ZZZZZZZZZZZZZZZZ`, 404, 'Không tìm thấy mã này', 'không có trong hệ thống của tỉnh Sơn La'],
    ['unknown short code', () => '/s/ABCDEFGHJKMNPQRS', 404, 'Không tìm thấy mã này', 'Tem có thể là giả'],
    ['malformed GTIN', () => '/01/12345678901234', 400, 'Mã không hợp lệ', 'không đúng chuẩn mã GS1'],
    ['unknown GTIN', () => '/01/08930000000019', 404, 'Không tìm thấy mã này', 'chưa được đăng ký truy xuất'],
  ])('%s gets its own page', async (_name, url, status, title, detail) => {
    const res = await get(url());
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(text(res.body)).toContain(title);
    expect(text(res.body)).toContain(detail);
    expect(res.body).not.toMatch(/at \w+ \(|Error:/);
  });

  it('an unknown page of the site is a page, not JSON', async () => {
    const res = await get('/products/00000000-0000-4000-8000-000000000000?lang=en');
    expect(res.statusCode).toBe(404);
    expect(text(res.body)).toContain('Page not found');
  });
});

describe('passports, catalogue, caching', () => {
  it('product and lot passports carry Decree 37 fields and JSON-LD (schema.org + GS1 Web Vocabulary)', async () => {
    const res = await get(`/products/${f.productId}`);
    expect(res.statusCode).toBe(200);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)![1]!);
    expect(ld['@type']).toEqual(['Product', 'gs1:Product']);
    expect(ld['gs1:gtin']).toBe(f.gtin);
    expect(ld.manufacturer.address.addressLocality).toBe('Yên Châu');
    expect(ld.hasCertification.length).toBe(2);
    expect(text(res.body)).toContain('Hộ chiếu số sản phẩm');
    const lot = await get(`/lots/${f.lotId}?lang=en`);
    const lotLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(lot.body)![1]!);
    expect(lotLd['gs1:hasBatchLotNumber']).toBe('XY-2026-11');
    expect(text(lot.body)).toContain('Harvesting');
  });

  it('consumer pages omit Cross-Origin-Opener-Policy (a browsing-context-group switch on arrival) and keep the rest', async () => {
    for (const url of [f.stamps[0]!.path, `/products/${f.productId}`, `/lots/${f.lotId}`, '/products', '/01/00000000000000']) {
      const res = await get(url, { accept: 'text/html' });
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cross-origin-opener-policy'], url).toBeUndefined();
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
    // The API and the portal keep it.
    expect((await get('/api/v1/geo/sectors')).headers['cross-origin-opener-policy']).toBe('same-origin');
    expect((await get('/portal/')).headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('answers a repeated request with 304 by ETag, and compresses for browsers that ask', async () => {
    const first = await get(`/products/${f.productId}`);
    expect(first.headers['cache-control']).toMatch(/public, max-age=60/);
    const again = await get(`/products/${f.productId}`, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    const br = await get(`/products/${f.productId}`, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(first.rawPayload.length / 2);
  });

  it('searches without diacritics and filters, with the filters in a shareable URL', async () => {
    const res = await get('/products?q=xoai+tron+yen+chau&stars=4&mark=geographical_indication&category=fresh_fruit');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/products/${f.productId}?lang=vi`);
    expect(res.body).toMatch(/<option value="4" selected>/);
    const none = await get('/products?q=xoai&stars=5');
    expect(none.body).not.toContain(`/products/${f.productId}?lang=vi`);
    const commune = await get('/communes/46');
    expect(commune.body).toContain(`/producers/${f.coop.id}`);
    const home = await get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('href="/portal/"');
  });
});

describe('report a problem', () => {
  async function form(path: string) {
    const html = (await get(path)).body;
    return { token: /name="token" value="([^"]+)"/.exec(html)![1]!, scan: /name="scan" value="([^"]+)"/.exec(html)?.[1] };
  }
  const submit = (fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }, remoteAddress = '10.1.1.1') => {
    const m = multipart(fields, file);
    return t.system.app.inject({ method: 'POST', url: '/report?lang=vi', headers: { 'content-type': m.contentType }, payload: m.payload, remoteAddress });
  };
  const wait = () => new Promise((r) => setTimeout(r, 3_100));

  it('reaches the sector officer and commune officer in charge, not others; the officer updates it', async () => {
    const s = f.stamps[0]!;
    const { token, scan } = await form(s.path);
    await wait();
    const res = await submit({ ref: s.path, token, scan: scan ?? '', category: 'fake_stamp', message: 'Tem trông khác với tem ở chợ khác, chữ bị mờ.', contact: '0900000000', consent: 'yes', website: '' });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toMatch(/^\/report\/sent\?n=\d+/);
    const sent = await get(String(res.headers.location));
    expect(text(sent.body)).toContain('Đã gửi báo cáo');

    const sector = await official(t, { role: 'sector_officer', sector: 'agriculture-environment' });
    const commune = await official(t, { role: 'commune_officer', communeId: 46 });
    const otherSector = await official(t, { role: 'sector_officer', sector: 'health' });
    const otherCommune = await official(t, { role: 'commune_officer', communeId: 1 });
    const list = (await sector.request('GET', '/api/v1/reports')).json();
    const report = list.items.find((r: { ref: string }) => r.ref === s.path);
    expect(report.context.serial).toBe(s.serial);
    expect(report.context.stampStatus).toBe('genuine');
    expect(report.context.scanId).toBe(scan);
    expect((await commune.request('GET', '/api/v1/reports')).json().items.map((r: { id: string }) => r.id)).toContain(report.id);
    expect((await otherSector.request('GET', '/api/v1/reports')).json().items.map((r: { id: string }) => r.id)).not.toContain(report.id);
    expect((await otherCommune.request('GET', `/api/v1/reports/${report.id}`)).statusCode).toBe(404);
    expect((await f.coop.admin.request('GET', '/api/v1/reports')).statusCode).toBe(403);
    const updated = await sector.request('PATCH', `/api/v1/reports/${report.id}`, { status: 'in_progress', note: 'Đã chuyển thanh tra' });
    expect(updated.json().status).toBe('in_progress');
  });

  it('refuses a form posted at once, a reused token, a filled honeypot silently, oversized and non-image photos', async () => {
    const s = f.stamps[0]!;
    const fast = await form(s.path);
    const tooFast = await submit({ ref: s.path, token: fast.token, category: 'quality', message: 'Quả bị dập nhiều, có mùi lạ.', consent: 'yes' }, undefined, '10.2.0.1');
    expect(tooFast.statusCode).toBe(400);
    expect(text(tooFast.body)).toContain('Gửi quá nhanh');
    expect(tooFast.body).toContain('Quả bị dập nhiều, có mùi lạ.');
    await wait();
    const ok = await submit({ ref: s.path, token: fast.token, category: 'quality', message: 'Quả bị dập nhiều, có mùi lạ.', consent: 'yes' }, undefined, '10.2.0.2');
    expect(ok.statusCode).toBe(303);
    const replay = await submit({ ref: s.path, token: fast.token, category: 'quality', message: 'Quả bị dập nhiều, có mùi lạ.', consent: 'yes' }, undefined, '10.2.0.3');
    expect(replay.statusCode).toBe(409);
    const bot = await form(s.path);
    await wait();
    const trapped = await submit({ ref: s.path, token: bot.token, category: 'other', message: 'buy cheap stuff here now', consent: 'yes', website: 'http://spam.example' }, undefined, '10.2.0.4');
    expect(trapped.statusCode).toBe(303);
    expect(trapped.headers.location).not.toMatch(/n=\d/);
    const big = await submit({ ref: s.path, token: bot.token, category: 'other', message: 'Ảnh chụp tem ở cửa hàng.', consent: 'yes' }, { name: 'big.jpg', type: 'image/jpeg', bytes: Buffer.alloc(5 * 1024 * 1024 + 10, 1) }, '10.2.0.5');
    expect(big.statusCode).toBe(413);
    expect(text(big.body)).toContain('Ảnh quá lớn: tối đa 5 MB.');
    const fake = await submit({ ref: s.path, token: bot.token, category: 'other', message: 'Ảnh chụp tem ở cửa hàng.', consent: 'yes' }, { name: 'x.jpg', type: 'image/jpeg', bytes: Buffer.from('<script>alert(1)</script>') }, '10.2.0.6');
    expect(fake.statusCode).toBe(415);
    expect(text(fake.body)).toContain('không phải ảnh JPEG, PNG hay WebP');
    const noConsent = await submit({ ref: s.path, token: bot.token, category: 'other', message: 'Ảnh chụp tem ở cửa hàng.' }, undefined, '10.2.0.7');
    expect(text(noConsent.body)).toContain('Hãy đánh dấu ô đồng ý để gửi.');
  });
});

describe('HTML validity', () => {
  it('the main pages are valid HTML (html-validate)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'no-inline-style': 'off', 'long-title': 'off', 'valid-id': 'off' } });
    const pages = [f.stamps[0]!.path, `${f.stamps[0]!.path}?lang=en`, f.stamps[2]!.path, '/s/ABCDEFGHJKMNPQRS', '/01/12345678901234', '/', '/products?q=xoai', `/products/${f.productId}`, `/lots/${f.lotId}`, `/producers/${f.coop.id}`, '/communes/46', `/proof?product=${f.productId}&lot=${f.lotId}&stamp=${f.stamps[0]!.serial}`, `/report?ref=product:${f.productId}`];
    for (const url of pages) {
      const res = await get(url);
      const report = await validator.validateString(res.body);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
      expect(messages, `${url}\n${messages.join('\n')}`).toEqual([]);
    }
  });
});
