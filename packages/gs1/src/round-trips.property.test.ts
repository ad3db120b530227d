import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildDigitalLink, computeCheckDigit, digitalLinkToEpcUri, epcUriToDigitalLink, generateScanData, parseDigitalLink,
  parseElementString, parseScanData, toBracketed, toUnbracketed, type AiElement, type Symbology,
} from './index.ts';
import { tdsEscape } from './epc/tds-escape.ts';

// Valid AI data, arbitrary within the Syntax Dictionary's rules, survives every conversion unchanged.

const CSET82 = [...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'];
const cset82 = (max: number) => fc.array(fc.constantFrom(...CSET82), { minLength: 1, maxLength: max }).map((a) => a.join(''));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const withCheck = (body: string) => body + computeCheckDigit(body);

const gtin = fc.tuple(fc.integer({ min: 0, max: 8 }), digits(12)).map(([i, b]) => withCheck(`${i}${b}`));
const date = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(''));

/** A GTIN with any mix of lot, serial, expiry, net weight, count of trade items and internal data, in any order. */
const aiData = fc
  .record({
    gtin,
    lot: fc.option(cset82(20), { nil: undefined }),
    serial: fc.option(cset82(20), { nil: undefined }),
    expiry: fc.option(date, { nil: undefined }),
    weight: fc.option(digits(6), { nil: undefined }),
    internal: fc.option(cset82(30), { nil: undefined }),
  })
  .chain((r) => {
    const elements: AiElement[] = [{ ai: '01', value: r.gtin }];
    if (r.lot) elements.push({ ai: '10', value: r.lot });
    if (r.serial) elements.push({ ai: '21', value: r.serial });
    if (r.expiry) elements.push({ ai: '17', value: r.expiry });
    if (r.weight) elements.push({ ai: '3103', value: r.weight });
    if (r.internal) elements.push({ ai: '91', value: r.internal });
    return fc.shuffledSubarray(elements, { minLength: elements.length, maxLength: elements.length });
  });

const byAi = (e: readonly AiElement[]) => [...e].sort((a, b) => (a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : 0));

describe('round trips', () => {
  it('AI data → Digital Link → parse gives the same AI data', () => {
    fc.assert(
      fc.property(aiData, (elements) => {
        const uri = buildDigitalLink(elements, { base: 'https://dl.example.vn/sl' });
        if (!uri.ok) throw new Error(`${uri.error.code} ${JSON.stringify(elements)}`);
        const parsed = parseDigitalLink(uri.value);
        if (!parsed.ok) throw new Error(`${parsed.error.code} ${uri.value}`);
        expect(byAi(parsed.value.elements)).toEqual(byAi(elements));
      }),
      { numRuns: 2000 },
    );
  });

  it('bracketed ↔ unbracketed ↔ scan data give the same AI data', () => {
    const symbologies: Symbology[] = ['DM', 'QR', 'GS1_128_CCA', 'DataBarExpanded', 'DotCode'];
    fc.assert(
      fc.property(aiData, fc.constantFrom(...symbologies), (elements, symbology) => {
        expect(parseElementString(toBracketed(elements))).toEqual({ ok: true, value: elements });
        const unbracketed = toUnbracketed(elements);
        expect(parseElementString(unbracketed)).toEqual({ ok: true, value: elements });
        const scan = generateScanData(symbology, unbracketed);
        if (!scan.ok) throw new Error(scan.error.code);
        const read = parseScanData(scan.value);
        expect(read.ok && read.value.elements).toEqual(elements);
        expect(read.ok && toBracketed(read.value.elements)).toBe(toBracketed(elements));
      }),
      { numRuns: 2000 },
    );
  });

  it('EPC URI ↔ Digital Link for serialised GTINs, SSCCs and GLNs with extensions', () => {
    const urn = fc.integer({ min: 6, max: 12 }).chain((gcpLength) =>
      fc.tuple(fc.constant(gcpLength), digits(gcpLength), fc.oneof(
        fc.tuple(digits(13 - gcpLength), cset82(20)).map(([ref, serial]) => ['sgtin', `${ref}.${tdsEscape(serial)}`]),
        digits(17 - gcpLength).map((ref) => ['sscc', ref]),
        fc.tuple(digits(12 - gcpLength), cset82(20)).map(([ref, ext]) => ['sgln', `${ref}.${ext === '0' ? '1' : tdsEscape(ext)}`]),
      )),
    );
    fc.assert(
      fc.property(urn, ([gcpLength, gcp, [scheme, rest]]) => {
        const uri = `urn:epc:id:${scheme}:${gcp}.${rest}`;
        const dl = epcUriToDigitalLink(uri);
        if (!dl.ok) throw new Error(`${dl.error.code} ${uri}`);
        expect(digitalLinkToEpcUri(dl.value, { companyPrefixLength: gcpLength })).toEqual({ ok: true, value: uri });
      }),
      { numRuns: 2000 },
    );
  });
});
