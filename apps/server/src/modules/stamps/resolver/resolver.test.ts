// Resolver conformance: RFC 9264 linksets in the shape the GS1 Resolver CE samples use (the samples themselves
// pass the same validator), linkType handling, the key-qualifier orders GS1 allows, 400 and 404 pages, the
// resolver description, and generated valid and invalid Digital Links (fast-check).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { computeCheckDigit } from '@txng/gs1';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, fixedClock, type TestSystem } from '../../../../test/harness.ts';
import { completeProduct, issuedRequest, producer, provinceAdmin, type CatalogSetup } from '../test-kit.ts';
import { defaultScanPage } from '../index.ts';

const CE = path.join(process.env.TXNG_CONFORMANCE_DIR ?? path.resolve(import.meta.dirname, '../../../../../../../shared/conformance'), 'gs1/GS1_DigitalLink_Resolver_CE');

/** RFC 9264 §4.2 (JSON linkset) plus the target attributes GS1 resolvers use; returns every violation. */
export function linksetProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const linkset = (doc as { linkset?: unknown })?.linkset;
  if (!Array.isArray(linkset) || linkset.length === 0) return ['top-level "linkset" must be a non-empty array (RFC 9264 §4.2.1)'];
  linkset.forEach((context, i) => {
    if (typeof context !== 'object' || context === null) return problems.push(`linkset[${i}] is not an object`);
    const c = context as Record<string, unknown>;
    if (typeof c.anchor !== 'string' || !/^(https?:\/\/|\/)/.test(c.anchor)) problems.push(`linkset[${i}].anchor must be a URI (RFC 9264 §4.2.2)`);
    for (const [relation, targets] of Object.entries(c)) {
      if (relation === 'anchor' || relation === 'itemDescription') continue;
      if (!/^[a-z][a-z0-9.-]*$|^https?:\/\//.test(relation)) problems.push(`${relation}: not a registered relation type or a URI (RFC 8288 §2.1)`);
      if (!Array.isArray(targets) || targets.length === 0) {
        problems.push(`${relation}: target objects must be in a non-empty array (RFC 9264 §4.2.2)`);
        continue;
      }
      targets.forEach((t, k) => {
        const target = t as Record<string, unknown>;
        if (typeof target.href !== 'string' || !/^https?:\/\//.test(target.href)) problems.push(`${relation}[${k}].href must be an absolute URI`);
        for (const key of ['title', 'type']) if (key in target && typeof target[key] !== 'string') problems.push(`${relation}[${k}].${key} must be a string`);
        if ('hreflang' in target && !(Array.isArray(target.hreflang) && target.hreflang.every((h) => typeof h === 'string'))) problems.push(`${relation}[${k}].hreflang must be an array of strings (RFC 9264 §4.2.4.1)`);
        if ('title*' in target && !(Array.isArray(target['title*']) && (target['title*'] as unknown[]).every((x) => typeof (x as { value?: unknown }).value === 'string'))) problems.push(`${relation}[${k}].title* must be an array of {value, language} (RFC 9264 §4.2.4.2)`);
      });
    }
  });
  return problems;
}

let t: TestSystem;
let catalog: CatalogSetup;
let stampPath: string;
let serial: string;

beforeAll(async () => {
  t = await createTestSystem({ clock: fixedClock('2026-07-10T03:00:00Z') });
  // These tests read this module's own page; the public module's scan page (issue 8) has its own tests.
  t.system.services.stamps.setRenderer(defaultScanPage);
  const admin = await provinceAdmin(t);
  const coop = await producer(t, admin, '893612399');
  catalog = await completeProduct(t, coop, 7);
  const request = await issuedRequest(t, coop, admin, catalog, { quantity: 3, kind: 'qr' });
  const stamps = (await coop.admin.request('GET', `/api/v1/stamps?requestId=${request.id}`)).json().items;
  serial = stamps[0].serial;
  await coop.admin.request('GET', `/api/v1/stamp-requests/${request.id}/labels.zip`);
  await coop.admin.request('POST', '/api/v1/stamps/activate', { lotId: catalog.lotId, range: { requestId: request.id, from: 1, to: 3 } });
  stampPath = new URL(stamps[0].uri).pathname;
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.system.app.inject({ method: 'GET', url, headers });

describe('linksets (RFC 9264)', () => {
  it('the validator accepts the GS1 Resolver CE sample linkset and rejects broken ones', () => {
    const sample = JSON.parse(readFileSync(path.join(CE, 'Documentation/linkset.json'), 'utf8'));
    const cases = [
      { doc: { linkset: sample.linkset }, valid: true },
      { doc: { linkset: [] }, valid: false },
      { doc: { linkset: [{ anchor: 'x', 'https://gs1.org/voc/pip': [{ href: 'https://a.example/' }] }] }, valid: false },
      { doc: { linkset: [{ anchor: 'https://a.example/01/1', 'https://gs1.org/voc/pip': { href: 'https://a.example/' } }] }, valid: false },
      { doc: { linkset: [{ anchor: 'https://a.example/01/1', 'https://gs1.org/voc/pip': [{ href: 'https://a.example/', hreflang: 'en' }] }] }, valid: false },
    ];
    let passed = 0;
    for (const c of cases) if ((linksetProblems(c.doc).length === 0) === c.valid) passed++;
    console.log(`resolver CE linkset samples and counter-examples: ${cases.length} cases, ${passed} passed`);
    expect(passed).toBe(cases.length);
  });

  it.each([
    ['Accept: application/linkset+json', () => stampPath, { accept: 'application/linkset+json' }],
    ['?linkType=all', () => `${stampPath}?linkType=all`, {}],
    ['lot level', () => `/01/${catalog.gtin}/10/${catalog.lotCode}?linkType=all`, {}],
  ] as const)('answers %s with a valid linkset', async (_name, url, headers) => {
    const res = await get(url(), headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/linkset+json');
    const doc = res.json();
    expect(linksetProblems(doc)).toEqual([]);
    const ctx = doc.linkset[0];
    for (const type of ['pip', 'defaultLink', 'traceability', 'recallStatus', 'certificationInfo', 'epcis']) expect(ctx[`https://gs1.org/voc/${type}`], type).toBeDefined();
    expect(ctx.itemDescription).toBe('Xoài tròn Yên Châu');
  });
});

describe('linkType', () => {
  it('redirects (307) to the link of the asked type, in the asked language, and to the default link for types the item lacks', async () => {
    const pip = await get(`${stampPath}?linkType=gs1:pip&lang=en`);
    expect(pip.statusCode).toBe(307);
    expect(pip.headers.location).toBe(`http://txng.test${stampPath}?lang=en`);
    const cert = await get(`${stampPath}?linkType=gs1:certificationInfo`);
    expect(cert.headers.location).toBe(`http://txng.test${stampPath}?lang=vi#certificates`);
    const full = await get(`${stampPath}?linkType=${encodeURIComponent('https://gs1.org/voc/recallStatus')}`);
    expect(full.headers.location).toBe(`http://txng.test/api/v1/resolve?uri=${encodeURIComponent(stampPath)}`);
    const missing = await get(`${stampPath}?linkType=gs1:recipeInfo`);
    expect(missing.statusCode).toBe(307);
    expect(missing.headers.location).toBe(`http://txng.test${stampPath}?lang=vi`);
    const status = await get(full.headers.location!.replace('http://txng.test', ''));
    expect(status.json()).toMatchObject({ kind: 'stamp', recalled: false, status: { code: 'genuine' } });
  });

  it('serves the resolver description at /.well-known/gs1resolver with the CE file\'s members', async () => {
    const ce = JSON.parse(readFileSync(path.join(CE, 'web_server/src/public/gs1resolver.json'), 'utf8'));
    const res = await get('/.well-known/gs1resolver');
    expect(res.statusCode).toBe(200);
    const ours = res.json();
    for (const key of ['name', 'resolverRoot', 'supportedLinkType', 'supportedPrimaryKeys', 'linkTypeDefaultCanBeAll', 'contact', 'supportsLanguageVariants', 'validatesAIcombinations', 'activeLinkTypes']) {
      expect(ours, key).toHaveProperty(key);
      expect(typeof ours[key], key).toBe(typeof ce[key]);
    }
    expect(ours.resolverRoot).toBe('http://txng.test');
    expect(ours.activeLinkTypes.en['gs1:pip'].url).toBe('https://gs1.org/voc/pip');
  });
});

describe('paths GS1 allows, and paths it does not', () => {
  it('resolves the serial with and without the lot qualifier (any ordered subset of 22, 10, 21), and the short /s/ form', async () => {
    for (const url of [stampPath, `/01/${catalog.gtin}/21/${serial}`, `/s/${serial}`, `/s/${serial.toLowerCase()}`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('Tem chính hãng');
    }
  });

  it('answers malformed links with 400 pages that say why, in Vietnamese or English', async () => {
    const wrongDigit = `/01/${catalog.gtin!.slice(0, 13)}${(Number(catalog.gtin!.slice(13)) + 1) % 10}`;
    const vi = await get(wrongDigit);
    expect(vi.statusCode).toBe(400);
    expect(vi.headers['content-type']).toContain('text/html');
    expect(vi.body).toContain('Mã không hợp lệ');
    expect(vi.body).toContain('Số kiểm tra không đúng');
    const en = await get(wrongDigit, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toContain('Invalid code');
    expect(en.body).toMatch(/check digit/i);
    const order = await get(`/01/${catalog.gtin}/21/${serial}/10/${catalog.lotCode}`);
    expect(order.statusCode).toBe(400);
    const json = await get(wrongDigit, { accept: 'application/linkset+json' });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('application/problem+json');
    expect(json.json().messages.en.length).toBeGreaterThan(10);
  });

  it('answers unknown but well-formed keys with 404 pages that say so', async () => {
    const gtin = (body: string) => body + computeCheckDigit(body);
    const cases: [string, string][] = [
      [`/01/0${gtin('893699999999')}`, 'chưa được công bố'],
      [`/01/${catalog.gtin}/10/NO-SUCH-LOT`, 'không có lô'],
      [`/01/${catalog.gtin}/21/${'0'.repeat(16)}`, 'Không có tem nào'],
      [`/s/${'1'.repeat(16)}`, 'Không có tem nào'],
      [`/414/${gtin('893612399999')}`, 'không quản lý mã loại này'],
    ];
    for (const [url, text] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain(text);
    }
  });

  it('never fails on generated Digital Links: well-formed ones answer 200 or 404, malformed ones 400 (fast-check)', async () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const lot = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
    const valid = fc.record({ body: digits(13), lot: fc.option(lot, { nil: undefined }), ser: fc.option(fc.stringMatching(/^[A-Z0-9]{1,20}$/), { nil: undefined }) }).map(({ body, lot: l, ser }) => {
      const gtin = body + computeCheckDigit(body);
      return `/01/${gtin}${l ? `/10/${l}` : ''}${ser ? `/21/${ser}` : ''}`;
    });
    const invalid = fc.oneof(
      digits(14).filter((g) => computeCheckDigit(g.slice(0, 13)) !== g[13]).map((g) => `/01/${g}`),
      fc.tuple(digits(13), lot, lot).map(([b, l, s]) => `/01/${b}${computeCheckDigit(b)}/21/${s}/10/${l}`),
      digits(12).map((d) => `/01/${d}X`),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(valid.map((u) => ({ u, ok: true })), invalid.map((u) => ({ u, ok: false }))), async ({ u, ok }) => {
        runs++;
        const res = await get(u);
        if (ok) expect([200, 404], u).toContain(res.statusCode);
        else expect(res.statusCode, u).toBe(400);
      }),
      { numRuns: 150 },
    );
    console.log(`generated Digital Links: ${runs} cases, ${runs} passed`);
  });
});
