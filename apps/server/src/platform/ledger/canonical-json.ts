// RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by UTF-16 code units, no whitespace,
// numbers in ECMAScript shortest form, strings as JSON.stringify escapes them. Used for ledger leaves and for
// the content hashes of records, so that anyone can recompute them from the published record.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('RFC 8785: numbers must be finite');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // RFC 8785 §3.2.3: sort by UTF-16 code units, which is what the default string comparison does.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  throw new TypeError(`RFC 8785: cannot canonicalise a ${typeof value}`);
}
