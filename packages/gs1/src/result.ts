import type { Gs1Error } from './errors.ts';

/** Outcome of every fallible function in this package: pure code returns errors, it never throws on bad input. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: string, extra?: Omit<Gs1Error, 'code'>): { ok: false; error: Gs1Error } {
  return { ok: false, error: extra ? { code, ...extra } : { code } };
}
