// Before/after of an audited change as rows of (field path, before, after), nested objects flattened to paths.
export interface DiffRow {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (prefix) out.set(prefix, value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
}

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.map((path) => {
    const was = a.get(path) ?? '';
    const now = b.get(path) ?? '';
    return { path, before: was, after: now, changed: was !== now };
  });
}
