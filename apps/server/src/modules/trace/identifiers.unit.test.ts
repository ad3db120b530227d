// Property-based tests of identifier reading: every GS1 form of one key reads to the same canonical identity
// (element string, FNC1 form, scan data, Digital Link on any host, EPC URI, GTIN + lot), anything mangled is
// refused with a reason and never throws, and non-GS1 URIs pass through unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit, elementsToEpcUri } from '@txng/gs1';
import { parseTraceIdentifier } from './identifiers.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const withCheck = (body: string) => body + computeCheckDigit(body);
const prefixLength = fc.integer({ min: 6, max: 11 });
const gtin = digits(13).map(withCheck);
const sscc = digits(17).map(withCheck);
// CSET 82 without the characters the Digital Link and EPC encodings escape, plus a few that they do escape.
const lotChars = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcxyz0123456789-._'.split(''), '/', '%', '!', '+');
const lot = fc.array(lotChars, { minLength: 1, maxLength: 20 }).map((c) => c.join(''));
const hosts = fc.constantFrom('https://id.gs1.org', 'https://txng.sonla.gov.vn', 'http://example.com/products');

describe('identifier reading', () => {
  it('reads every form of a lot (LGTIN) to one identity', () => {
    fc.assert(fc.property(gtin, lot, hosts, prefixLength, (g, l, host, pl) => {
      const canonical = parseTraceIdentifier(`(01)${g}(10)${l}`);
      expect(canonical.ok).toBe(true);
      if (!canonical.ok) return;
      expect(canonical.value).toMatchObject({ kind: 'lot', gtin: g, lot: l });
      const forms = [
        `^01${g}10${l}`,
        `]Q3${`01${g}10${l}`}`,
        `${host}/01/${g}/10/${encodeURIComponent(l)}`,
        `${host}/01/${g}/10/${encodeURIComponent(l)}?17=${'271231'}`,
      ];
      const epc = elementsToEpcUri([{ ai: '01', value: g }, { ai: '10', value: l }], { companyPrefixLength: pl });
      if (epc.ok) forms.push(epc.value);
      for (const f of forms) {
        const r = parseTraceIdentifier(f);
        expect(r.ok ? r.value.canonical : r.error, f).toBe(canonical.value.canonical);
      }
      const split = parseTraceIdentifier(g.startsWith('0') ? g.slice(1) : g, l);
      expect(split.ok && split.value.canonical).toBe(canonical.value.canonical);
    }), { numRuns: 300 });
  });

  it('reads an item by its serial (the lot of an SGTIN does not change its identity) and a shipment by its SSCC', () => {
    fc.assert(fc.property(gtin, lot, lot, sscc, prefixLength, (g, l, serial, s, pl) => {
      const a = parseTraceIdentifier(`(01)${g}(21)${serial}`);
      const b = parseTraceIdentifier(`(01)${g}(10)${l}(21)${serial}`);
      expect(a.ok && b.ok && a.value.canonical === b.value.canonical).toBe(true);
      expect(a.ok && a.value).toMatchObject({ kind: 'item', gtin: g, serial });
      const epc = elementsToEpcUri([{ ai: '01', value: g }, { ai: '21', value: serial }], { companyPrefixLength: pl });
      if (epc.ok) expect(parseTraceIdentifier(epc.value)).toEqual({ ok: true, value: { ...(a.ok ? a.value : {}), input: epc.value } });
      const bare = parseTraceIdentifier(s);
      const bracketed = parseTraceIdentifier(`(00)${s}`);
      expect(bare.ok && bracketed.ok && bare.value.canonical === bracketed.value.canonical && bare.value.kind === 'shipment').toBe(true);
    }), { numRuns: 300 });
  });

  it('refuses a key whose check digit is wrong, saying where, for every form', () => {
    fc.assert(fc.property(digits(13), fc.integer({ min: 1, max: 9 }), lot, hosts, (body, delta, l, host) => {
      const wrong = body + String((Number(computeCheckDigit(body)) + delta) % 10);
      for (const f of [`(01)${wrong}(10)${l}`, `${host}/01/${wrong}/10/${encodeURIComponent(l)}`, wrong]) {
        const r = parseTraceIdentifier(f);
        expect(r.ok, f).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('TRACE_ID_GS1');
          if (r.error.code === 'TRACE_ID_GS1') {
            expect(r.error.gs1.code).toBe('GS1_LINTER_INCORRECT_CHECK_DIGIT');
            expect(r.error.gs1.position).toBeLessThan(f.length);
          }
        }
      }
    }), { numRuns: 300 });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), fc.constantFrom('urn:epc:id:sgtin:', '(01)', ']Q3', '^01', 'https://id.gs1.org/01/')), fc.option(fc.string(), { nil: undefined }), (input, l) => {
      const r = parseTraceIdentifier(input, l);
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 2000 });
  });

  it('keeps URIs that are not GS1 keys as they are (this installation\'s lot and party URIs)', () => {
    fc.assert(fc.property(fc.uuid(), (id) => {
      const uri = `https://txng.sonla.gov.vn/id/lot/${id}`;
      expect(parseTraceIdentifier(uri)).toEqual({ ok: true, value: { input: uri, canonical: uri, kind: 'other' } });
    }));
    expect(parseTraceIdentifier('')).toEqual({ ok: false, error: { code: 'TRACE_ID_EMPTY' } });
    expect(parseTraceIdentifier('xoài yên châu')).toEqual({ ok: false, error: { code: 'TRACE_ID_UNRECOGNISED' } });
    // Data with no key: GS1 itself says an expiry date needs a GTIN.
    expect(parseTraceIdentifier('(17)271231')).toMatchObject({ ok: false, error: { code: 'TRACE_ID_GS1', gs1: { code: 'GS1_REQUIRED_AIS_NOT_SATISFIED' } } });
    expect(parseTraceIdentifier('(400)PO-7781')).toEqual({ ok: false, error: { code: 'TRACE_ID_NO_KEY' } });
    expect(parseTraceIdentifier('https://id.gs1.org/414/9506000000009').ok).toBe(false);
  });
});
