// PostgreSQL reports a unique-index clash as SQLSTATE 23505 with the index name; both drivers (node-postgres and
// PGlite), possibly wrapped by Drizzle, expose it. Services check first and keep this as the race-proof backstop.
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (x.code === '23505') return typeof x.constraint === 'string' ? x.constraint : String(x.message ?? '');
  }
  return null;
}
