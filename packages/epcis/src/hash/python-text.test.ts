// Text rules of the CBV 2.0 event hash: numbers without trailing zeros (as the reference's Python prints
// them), UTC milliseconds with half-even rounding, code-point ordering.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hashTimestamp } from './hash-timestamp.ts';
import { canonicalNumericValue, compareCodePoints, pythonFloatRepr } from './python-text.ts';

describe('hash text rules', () => {
  test('numbers (CBV 2.0 §8.9.2 rule 6)', () => {
    const cases: [string, string][] = [['1.0', '1'], ['0.50', '0.5'], ['+5', '5'], ['1_000', '1000'], ['0614141', '614141'], ['1e3', '1000'],
      ['0.00001', '1e-05'], ['1.5e-7', '1.5e-07'], ['12.70', '12.7'], ['abc', 'abc'], ['1.2.3', '1.2.3'], ['nan', 'nan'], ['', '']];
    for (const [input, expected] of cases) expect(canonicalNumericValue(input), input).toBe(expected);
    expect(pythonFloatRepr(0.1)).toBe('0.1');
    expect(pythonFloatRepr(1e22)).toBe('1e+22');
  });

  test('timestamps (rules 8–9): UTC, milliseconds, half-even rounding of microseconds', () => {
    expect(hashTimestamp('2023-02-02T11:04:03.1415Z')).toBe('2023-02-02T11:04:03.142Z');
    expect(hashTimestamp('2023-02-02T11:04:03.1425Z')).toBe('2023-02-02T11:04:03.142Z');
    expect(hashTimestamp('2023-02-02T11:04:03.1435999Z')).toBe('2023-02-02T11:04:03.144Z');
    expect(hashTimestamp('2005-04-03T20:33:31.116000-06:00')).toBe('2005-04-04T02:33:31.116Z');
    expect(hashTimestamp('2020-03-04T11:00:30+01:00')).toBe('2020-03-04T10:00:30.000Z');
    expect(hashTimestamp('2020-02-30T00:00:00Z')).toBeUndefined();
  });

  test('a canonical number reads back to the same value', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Number(canonicalNumericValue(String(x)))).toBe(Object.is(x, -0) ? 0 : x);
    }));
  });

  test('code-point order is UTF-8 byte order', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
      const bytes = (s: string): number[] => [...new TextEncoder().encode(s)];
      const [x, y] = [bytes(a), bytes(b)];
      let expected = 0;
      for (let i = 0; i < Math.min(x.length, y.length) && expected === 0; i++) expected = x[i]! - y[i]!;
      if (expected === 0) expected = x.length - y.length;
      expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(expected));
    }));
  });
});
