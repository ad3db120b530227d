// Text rules of the CBV 2.0 event hash reference implementation (RalphTro/epcis-event-hash-generator,
// Python): whitespace stripping, numeric canonicalisation through Python's float(), and string ordering
// by code point. The published .hashes vectors depend on these exact rules (CBV 2.0 §8.9.2 rules 5–10).

/** Code points Python's str.strip() removes (str.isspace()), including the separators U+001C–U+001F. */
const PY_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);

export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PY_SPACE.has(text.charCodeAt(start))) start++;
  while (end > start && PY_SPACE.has(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Python float() literal syntax (digits may be grouped with single underscores). */
const FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/** Python's str() of a float: shortest round-trip digits, exponent form below 1e-4 (or from 1e16). */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return (Object.is(x, -0) ? '-0' : BigInt(x).toString()) + '.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mantissa = '', exponent = ''] = x.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(x);
}

/** The canonical text of a number: integers without ".0", others as Python prints them. */
export function canonicalNumberText(x: number): string | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (Number.isInteger(x)) return BigInt(x).toString();
  return pythonFloatRepr(x);
}

/**
 * Rule 6: a value that Python's float() accepts is rewritten without trailing zeros ("1.0" → "1",
 * "0.50" → "0.5"); anything else is returned unchanged.
 */
export function canonicalNumericValue(text: string): string {
  const t = pythonStrip(text);
  if (!FLOAT.test(t)) return text;
  const x = Number(t.replace(/_/g, ''));
  return canonicalNumberText(x) ?? text;
}

/**
 * The text of a JSON literal in the pre-hash: numbers as Python prints them (then canonicalised by rule 6),
 * booleans in their XML Schema lexical form so that JSON `true` and XML `true` hash alike (the reference's
 * Python str() would give "True"; no published vector depends on it), null as no value.
 */
export function literalText(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : pythonFloatRepr(value);
  return value;
}

/** Rule 10: case-sensitive order of code points (UTF-8 byte order), as Python sorts str. */
const SURROGATE = /[\uD800-\uDFFF]/;

export function compareCodePoints(a: string, b: string): number {
  // Without surrogate pairs, UTF-16 code unit order is code point order: use the native comparison.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (a code point above U+FFFF) sorts after every BMP character.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
