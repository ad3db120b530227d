import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { ledgerLeaf } from './ledger-entry.ts';

describe('RFC 8785 canonical JSON', () => {
  it('sorts members by UTF-16 code units and writes numbers in shortest form (RFC 8785 §3.2)', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 0.1, -0, 'x'], '\u20ac': true, '\ud83d\ude00': null, '1': 'one' })).toBe(
      '{"1":"one","a":[1e+21,0.1,0,"x"],"b":1,"€":true,"😀":null}',
    );
    // The RFC 8785 §3.2.2.3 sample literally: it is meant to round to the nearest double.
    // eslint-disable-next-line no-loss-of-precision
    expect(canonicalJson({ numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000001, 1e-7] })).toBe('{"numbers":[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7]}');
  });

  it('is stable under member reordering and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(JSON.parse(c))).toBe(c);
      }),
    );
  });

  it('builds leaves that carry only kind, id and hash', () => {
    expect(ledgerLeaf('epcis.event', 'ni:///sha-256;ab?ver=CBV2.0', 'a'.repeat(64))).toBe(
      `{"id":"ni:///sha-256;ab?ver=CBV2.0","kind":"epcis.event","sha256":"${'a'.repeat(64)}","v":1}`,
    );
    expect(() => ledgerLeaf('epcis.event', 'x', 'ABC')).toThrow();
  });
});
