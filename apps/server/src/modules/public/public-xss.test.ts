// XSS corpus against every page: markup in each text a business or a consumer controls (product name,
// description, brand, safety warnings, standard titles, diary notes, report text and contact) must come out as
// text, on scan pages, passports, the catalogue, producer and commune pages, the proof page and the report form;
// and nothing reaches the JSON-LD block that could close it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/harness.ts';
import { setUp, type Fixture } from './testing/public-kit.ts';

const CORPUS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</script><script>alert(4)</script>',
  '<!--<script>-->',
  'javascript:alert(5)',
];

let t: TestSystem;
let f: Fixture;
beforeAll(async () => {
  t = await createTestSystem();
  const x = (i: number) => `Xoài ${CORPUS[i % CORPUS.length]} ${i}`;
  f = await setUp(t, 21, { name: x(0), description: x(1), brand: x(2), safety: x(3), notes: x(4), standardTitle: x(5) });
}, 120_000);
afterAll(async () => t?.close());

/** Every executable thing a page may contain: only our own script tags and no event-handler attributes. */
function injected(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) if (!/^<script (type="application\/ld\+json"|src="\/(stamps\/place|public\/proof)\.js" defer|type="module" src="\/public\/proof\.js")>$/.test(m[0])) found.push(m[0]);
  // Event handlers outside quoted attribute values (a value such as "&quot;&gt;&lt;img onerror=" is inert text).
  const unquoted = html.replace(/="[^"]*"/g, '=""');
  for (const m of unquoted.matchAll(/<[a-z]+\b[^>]*\son[a-z]+\s*=/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<(img|svg)\b[^>]*>/gi)) if (/src=x|onload|onerror/i.test(m[0])) found.push(m[0]);
  for (const m of html.matchAll(/href="javascript:/gi)) found.push(m[0]);
  const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  if (ld && /<|>/.test(ld[1]!)) found.push('raw < or > inside JSON-LD');
  return found;
}

describe('XSS corpus', () => {
  it('no page executes or injects markup from records', async () => {
    const s = f.stamps[0]!;
    const pages = [s.path, `${s.path}?lang=en`, `/products/${f.productId}`, `/lots/${f.lotId}`, `/products?q=xoai`, `/producers/${f.coop.id}`, '/communes/46', '/', `/proof?product=${f.productId}&lot=${f.lotId}&stamp=${s.serial}`, `/report?ref=product:${f.productId}`, `/s/${encodeURIComponent('<script>')}`, `/01/${encodeURIComponent('"><svg onload=alert(1)>')}`, `/code?c=${encodeURIComponent('<script>alert(1)</script>')}`];
    let checked = 0;
    for (const url of pages) {
      const res = await t.system.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body.length, url).toBeGreaterThan(500);
      expect(injected(res.body), url).toEqual([]);
      checked++;
    }
    // The texts are shown, escaped, where they belong.
    const scan = (await t.system.app.inject({ method: 'GET', url: s.path })).body;
    expect(scan).toContain('Xoài &lt;script&gt;alert(1)&lt;/script&gt; 0');
    console.log(`XSS corpus: ${CORPUS.length} payloads in 6 fields, ${checked} pages checked`);
  });

  it('a report with markup is kept as text and re-shown escaped', async () => {
    const s = f.stamps[0]!;
    const html = (await t.system.app.inject({ method: 'GET', url: s.path })).body;
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const res = await t.system.app.inject({ method: 'POST', url: '/report', payload: new URLSearchParams({ ref: s.path, token, category: 'other', message: CORPUS.join(' '), contact: CORPUS[1]!, consent: '' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(400);
    expect(injected(res.body)).toEqual([]);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
