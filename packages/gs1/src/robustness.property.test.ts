import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Gs1Error } from './errors.ts';
import type { Result } from './result.ts';
import {
  GS1_MESSAGES, digitalLinkToEpcUri, generateScanData, hasValidCheckDigit, lint, linterNames, normalizeGtin,
  parseDigitalLink, parseElementString, parseEpcUri, parseGs1Input, parseScanData,
} from './index.ts';

// No input makes a function throw or hang: every answer is a value or a typed error whose code is in the
// catalogue and whose position lies within the input.

const PARSERS: Record<string, (s: string) => Result<unknown, Gs1Error>> = {
  parseElementString: (s) => parseElementString(s),
  parseDigitalLink: (s) => parseDigitalLink(s),
  parseScanData: (s) => parseScanData(s),
  parseEpcUri: (s) => parseEpcUri(s),
  parseGs1Input: (s) => parseGs1Input(s),
  digitalLinkToEpcUri: (s) => digitalLinkToEpcUri(s, { companyPrefixLength: 7 }),
  normalizeGtin: (s) => normalizeGtin(s),
  generateScanData: (s) => generateScanData('DM', s),
};

function wellFormed(input: string, r: Result<unknown, Gs1Error>): boolean {
  if (r.ok) return true;
  const { code, position } = r.error;
  return Object.hasOwn(GS1_MESSAGES, code) && Number.isInteger(position) && (position ?? -1) >= 0 && (position ?? 0) <= input.length;
}

const GS1_ALPHABET = ['(', ')', '^', ']', '|', '\\', '\u001d', '%', '/', '?', '&', '=', '#', '.', ':', '*', '0', '1', '2', '7', '9', 'A', 'Q', 'C', 'd', 'e', 'E', ' ', 'é'];
const PREFIXES = ['', '(01)', '^01', ']d2', ']Q1', ']C1', ']E0', 'https://a/01/', 'https://id.gs1.org/01/09520123456788', 'urn:epc:id:sgtin:', 'urn:epc:idpat:itip:'];

const gs1ish = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...GS1_ALPHABET), { maxLength: 60 })).map(([p, cs]) => p + cs.join(''));
const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), gs1ish);

describe('robustness on arbitrary input', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} answers any string with a value or a typed, positioned error`, () => {
      fc.assert(fc.property(anything, (s) => wellFormed(s, parse(s))), { numRuns: 3000 });
    });
  }

  it('every linter answers any string with null or a fault inside the data', () => {
    fc.assert(
      fc.property(fc.constantFrom(...linterNames()), anything, (name, s) => {
        const e = lint(name, s);
        return e === null || (Object.hasOwn(GS1_MESSAGES, e.code) && e.position >= 0 && e.position + e.length <= s.length);
      }),
      { numRuns: 5000 },
    );
  });

  it('answers 1 MB inputs quickly with a typed error', () => {
    const mb = 1 << 20;
    const inputs = [
      '('.repeat(mb), `(10)${'A'.repeat(mb)}`, `^${'0'.repeat(mb)}`, `https://a/${'01/'.repeat(mb / 3)}`,
      `https://a/01/09520123456788?${'99=A&'.repeat(mb / 5)}`, `]d2${'1'.repeat(mb)}`, `urn:epc:id:sgtin:${'.'.repeat(mb)}`, '9'.repeat(mb),
    ];
    for (const input of inputs) {
      const started = performance.now();
      for (const parse of Object.values(PARSERS)) {
        const r = parse(input);
        expect(wellFormed(input, r)).toBe(true);
        expect(r.ok).toBe(false);
      }
      expect(performance.now() - started).toBeLessThan(5000); // Linear time: far below this even on a loaded machine.
    }
  });
});

describe('near-miss keys', () => {
  const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(''));
  it('a GTIN-13 with any single digit changed is rejected at that digit or at the check digit', () => {
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const gtin = body + String((10 - [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0) % 10) % 10);
        expect(hasValidCheckDigit(gtin)).toBe(true);
        const wrong = gtin.slice(0, at) + String((Number(gtin[at]) + delta) % 10) + gtin.slice(at + 1);
        expect(hasValidCheckDigit(wrong)).toBe(false);
        const r = normalizeGtin(wrong);
        expect(r).toEqual({ ok: false, error: { code: 'GS1_LINTER_INCORRECT_CHECK_DIGIT', position: 12, length: 1 } });
        const dl = parseDigitalLink(`https://id.gs1.org/01/0${wrong}`);
        expect(dl.ok ? 'accepted' : [dl.error.code, dl.error.position]).toEqual(['GS1_LINTER_INCORRECT_CHECK_DIGIT', 35]);
      }),
      { numRuns: 1000 },
    );
  });
});
