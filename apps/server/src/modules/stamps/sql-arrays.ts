// Arrays as one SQL parameter. Drizzle's `sql` template expands a JavaScript array into a list of parameters
// ($1, $2, …), and the two drivers serialise arrays differently; a PostgreSQL array literal in one text
// parameter, cast in the statement (`${pgArray(xs)}::text[]`), behaves the same on PGlite and node-postgres and
// keeps a 20,000-element bulk insert to one parameter.
export function pgArray(values: readonly (string | number | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError('array elements must be finite numbers');
      out += String(v);
    } else out += `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}
