// Pure parts of the stamps module: serials and codes, label layouts, Merkle proofs, suspicion rules, the label
// fonts' Vietnamese coverage and the default page's escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inclusionOf, issueEntry, merkleRootHex, verifyStampInclusion } from './merkle.ts';
import { LAYOUT_PRESETS, LAYOUT_PRESET_NAMES } from './model.ts';
import { fitText, fontRuns } from './print/label-fonts.ts';
import { layoutProblems } from './print/label-geometry.ts';
import { qrModules } from './print/qr-modules.ts';
import { defaultScanPage } from './resolver/default-scan-page.ts';
import { distanceKm, impossibleTravel } from './scans/suspicion.ts';
import { hashVerificationCode, humanSerial, isSerial, newSerials, normalizeSerial, verificationCodeMatches } from './serials.ts';
import { readStampAddress, stampUriPrefix } from './stamp-uri.ts';
import type { ResolvedTarget } from './resolver/types.ts';

describe('serials', () => {
  it('are 16 Crockford base32 characters, all distinct, using the whole alphabet', () => {
    const serials = newSerials(20_000);
    expect(new Set(serials).size).toBe(serials.length);
    expect(serials.every(isSerial)).toBe(true);
    expect(new Set(serials.join('')).size).toBe(32);
  });

  it('read back from what people type (case, dashes, O/0 and I/L/1 confusions)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...newSerials(50)), (s) => {
        const typed = humanSerial(s).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
        expect(normalizeSerial(typed)).toBe(s);
      }),
    );
    expect(normalizeSerial('XYZ-123')).toBeUndefined();
  });

  it('bind verification codes to their stamp', () => {
    const key = Buffer.alloc(32, 7);
    const [a, b] = newSerials(2);
    const stored = hashVerificationCode(key, a!, '12345678');
    expect(verificationCodeMatches(key, a!, '12345678', stored)).toBe(true);
    expect(verificationCodeMatches(key, b!, '12345678', stored)).toBe(false);
    expect(verificationCodeMatches(key, a!, '12345679', stored)).toBe(false);
  });
});

describe('stamp URIs', () => {
  it('build a Digital Link prefix with the lot escaped, and read every form back', () => {
    const built = stampUriPrefix('https://truyxuat.sonla.gov.vn', '08936123450014', 'LÔ/1');
    expect(built.ok).toBe(false);
    const ok = stampUriPrefix('https://truyxuat.sonla.gov.vn', '08936123450014', 'XY-2026/01');
    expect(ok).toEqual({ ok: true, prefix: 'https://truyxuat.sonla.gov.vn/01/08936123450014/10/XY-2026%2F01/21/' });
    const [serial] = newSerials(1);
    expect(readStampAddress(`${(ok as { prefix: string }).prefix}${serial}`)).toMatchObject({ kind: 'digital-link', gtin: '08936123450014', lotCode: 'XY-2026/01', serial, servable: true });
    expect(readStampAddress(`/s/${serial}`)).toEqual({ kind: 'short', serial });
    expect(readStampAddress('/01/08936123450014/22/ABC')).toMatchObject({ kind: 'digital-link', servable: false });
  });
});

describe('label layouts', () => {
  const qr = qrModules(`https://truyxuat.sonla.gov.vn/01/08936123450014/10/XY-2026-01/21/${newSerials(1)[0]}`).size;
  it('accept every preset for both kinds of stamp', () => {
    for (const name of LAYOUT_PRESET_NAMES) for (const kind of ['qr', 'qr_code'] as const) expect(layoutProblems(LAYOUT_PRESETS[name], kind, qr), `${name} ${kind}`).toEqual([]);
  });
  it('refuse labels too small for a scannable QR code and sheets that do not fit', () => {
    expect(layoutProblems({ kind: 'roll', labelWidthMm: 16, labelHeightMm: 16 }, 'qr_code', qr).map((p) => p.code)).toEqual(['STAMP_LAYOUT_QR_TOO_SMALL']);
    expect(layoutProblems({ ...LAYOUT_PRESETS['a4-65'], columns: 6 }, 'qr', qr).map((p) => p.code)).toEqual(['STAMP_LAYOUT_DOES_NOT_FIT']);
  });
});

describe('label fonts', () => {
  it('draw every Vietnamese letter with a real glyph', () => {
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ' + 'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
    const missing = new Set<string>();
    for (const weight of [400, 700] as const) fontRuns(letters + letters.toUpperCase(), weight, missing);
    expect([...missing]).toEqual([]);
  });
  it('never cut a stamp code and break it between groups', () => {
    const fitted = fitText('8S93-X1AM-D6CZ-3EY2', 400, 40, 40, 2, 8, 4);
    expect(fitted.lines.join('')).toBe('8S93-X1AM-D6CZ-3EY2');
    expect(fitted.lines.every((l) => /^[0-9A-Z-]+$/.test(l))).toBe(true);
  });
});

describe('Merkle records', () => {
  it('prove each stamp of a batch and nothing else', async () => {
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 70 }), async (n) => {
        const serials = newSerials(n);
        const entries = serials.map((s) => issueEntry(s, `https://x/s/${s}`));
        const root = merkleRootHex(entries);
        const i = n - 1;
        const proof = await inclusionOf(entries, i);
        expect(verifyStampInclusion(proof, root)).toBe(true);
        expect(verifyStampInclusion({ ...proof, entry: issueEntry(serials[i]!, 'https://x/s/OTHER') }, root)).toBe(false);
      }),
      { numRuns: 30 },
    );
  });
});

describe('suspicion', () => {
  it('measures distances and spots impossible travel', () => {
    const sonLa = { latitude: 21.3256, longitude: 103.9188 };
    const hcm = { latitude: 10.7769, longitude: 106.7009 };
    expect(Math.round(distanceKm(sonLa, hcm))).toBeGreaterThan(1150);
    const at = new Date('2026-07-10T03:00:00Z');
    expect(impossibleTravel({ ...hcm, at }, [{ ...sonLa, at: new Date(at.getTime() - 3 * 3600_000) }])).toMatchObject({ hours: 3 });
    expect(impossibleTravel({ ...hcm, at }, [{ ...sonLa, at: new Date(at.getTime() - 20 * 3600_000) }])).toBeUndefined();
  });
});

describe('the default scan page', () => {
  it('escapes everything that comes from records', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const target = {
      kind: 'stamp', path: '/s/ABC', digitalLink: null,
      stamp: { serial: 'A', humanCode: 'A', seq: 1, lifecycle: 'active', kind: 'qr_code', hasCode: true, codeVerifiedAt: null, activatedAt: null, printedUri: null },
      product: { id: 'p', version: 1, organizationId: 'o', status: 'published', gtin: null, nameVi: evil, nameEn: null, descriptionVi: evil, descriptionEn: null, category: 'x', unit: 'kg', brand: evil, shelfLifeDays: null, standards: [{ kind: 'tcvn', code: evil }], certifications: [{ kind: 'other', name: evil, number: evil, issuer: evil, validFrom: null, validTo: null }], ocop: null, protectedMark: null, safetyWarnings: evil, imageUrls: [], originPlaceId: null },
      organization: { id: 'o', name: evil, address: evil, communeId: 1, communeName: evil, phone: evil, email: null, website: 'javascript:alert(1)', status: 'approved', updatedAtMs: 0 },
      productOrigin: null, lot: null, lotOrigin: null,
      status: { code: 'recalled', flags: [], recall: { reason: evil, instructions: evil, contact: evil, since: '', url: null } },
      scanStats: { count: 1, firstScannedAt: null, lastScannedAt: null }, scanId: null, degraded: false, linkset: { linkset: [{ anchor: 'x' }] },
    } as unknown as ResolvedTarget;
    const html = defaultScanPage.renderTarget(target, { lang: 'vi', baseUrl: 'https://x' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
  });
});
