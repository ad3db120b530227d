// A real recall on the scan page: the province opens a recall campaign on a lot through the recall module's API;
// the recall status the stamps resolver reads (wired in system.ts) marks the lot, and every stamp of it — by its
// Digital Link or its short link — says "recalled" first, with the reason, what to do and whom to call in the
// campaign's words, and a link to the notice, in Vietnamese and in English. Other lots stay genuine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { setUp, type Fixture } from './testing/public-kit.ts';

let t: TestSystem;
let f: Fixture;
let other: Fixture;
const get = (url: string) => t.system.app.inject({ method: 'GET', url, remoteAddress: '10.4.0.1' });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestSystem();
  f = await setUp(t, 41, undefined, 3);
  other = await setUp(t, 42, undefined, 2);
}, 180_000);
afterAll(async () => t?.close());

describe('a recall campaign on the scan page', () => {
  it('turns every stamp of the lot into "recalled" with the campaign\'s reason, instructions and contact', async () => {
    const s = f.stamps[0]!;
    expect(text((await get(s.path)).body)).toContain('Tem chính hãng');
    const res = await f.admin.request('POST', '/api/v1/recalls', {
      targets: { ids: [`(01)${f.gtin}(10)XY-2026-41`] },
      reason: 'Phát hiện dư lượng thuốc bảo vệ thực vật vượt mức cho phép.',
      severity: 'class_1',
      instructions: 'Ngừng ăn, mang trả lại nơi mua.',
      contact: 'Chi cục Chất lượng, 0212 3852 111',
    });
    expect(res.statusCode, res.body).toBe(201);
    const number = (res.json() as { number: string }).number;
    // The recall status is refreshed within seconds in every process.
    let html = '';
    const deadline = Date.now() + 20_000;
    while (!text(html).includes('Sản phẩm đang bị thu hồi')) {
      if (Date.now() > deadline) throw new Error(`the scan page did not turn to "recalled" within 20 s:\n${text(html).slice(0, 800)}`);
      await new Promise((r) => setTimeout(r, 500));
      html = (await get(s.path)).body;
    }
    expect(html).toMatch(/<div class="banner recalled" role="alert" id="status"><h1>Sản phẩm đang bị thu hồi<\/h1>/);
    const vi = text(html);
    expect(vi).toContain('Phát hiện dư lượng thuốc bảo vệ thực vật vượt mức cho phép.');
    expect(vi).toContain('Cần làm gì: Ngừng ăn, mang trả lại nơi mua.');
    expect(vi).toContain('Liên hệ: Chi cục Chất lượng, 0212 3852 111');
    expect(vi).toMatch(/Thu hồi từ (\d{2}:\d{2} )?\d{2}\/\d{2}\/\d{4}/);
    expect(html).toContain(`/api/v1/recalls/notices/${number}"`);
    expect(vi).toContain('Xem thông báo thu hồi');
    // The status comes before the product, the facts stay on the page.
    expect(html.indexOf('Sản phẩm đang bị thu hồi')).toBeLessThan(html.indexOf('Xoài tròn Yên Châu</h2>'));
    expect(vi).toContain('XY-2026-41');

    const en = text((await get(`${s.path}?lang=en`)).body);
    expect(en).toContain('This product is being recalled');
    expect(en).toContain('What to do: Ngừng ăn, mang trả lại nơi mua.');
    expect(en).toContain('Read the recall notice');
    // The short link of another stamp of the lot, and the lot's unserialised link, say the same.
    expect(text((await get(`/s/${f.stamps[1]!.serial}`)).body)).toContain('Sản phẩm đang bị thu hồi');
    expect(text((await get(`/01/${f.gtin}/10/XY-2026-41`)).body)).toContain('Sản phẩm đang bị thu hồi');
  });

  it('leaves other lots genuine', async () => {
    const page = text((await get(other.stamps[0]!.path)).body);
    expect(page).toContain('Tem chính hãng');
    expect(page).not.toContain('Sản phẩm đang bị thu hồi');
  });
});
