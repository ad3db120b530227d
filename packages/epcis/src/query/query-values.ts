// Coercion of query parameter values (EPCIS 2.0 §8.2.7.1 value types: List of String, Time, Int, Float,
// Boolean, Void). Values come as JSON (named queries, query-schema.json), as XML Poll strings, or as REST
// query-string text where lists are pipe-delimited (OpenAPI `style: pipeDelimited`).
import { parseTimestamp } from '../model/time.ts';
import type { Operand } from './query-types.ts';

export interface RawValue {
  readonly value: unknown;
  /** True for REST query-string text: lists are split on "|", numbers and booleans are read from text. */
  readonly text: boolean;
}

export type Coerced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const bad = (reason: string): Coerced<never> => ({ ok: false, reason });
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function stringList(raw: RawValue): Coerced<string[]> {
  const v = raw.value;
  if (Array.isArray(v)) {
    if (v.length === 0) return bad('an empty list matches nothing');
    if (!v.every((x) => typeof x === 'string')) return bad('must be a list of strings');
    return ok(v as string[]);
  }
  if (typeof v === 'string') {
    const items = raw.text ? v.split('|') : [v];
    if (items.some((x) => x === '')) return bad('must not contain an empty value');
    return ok(items);
  }
  return bad('must be a list of strings');
}

export function number(raw: RawValue): Coerced<number> {
  const v = raw.value;
  if (typeof v === 'number' && Number.isFinite(v)) return ok(v);
  if (typeof v === 'string' && NUMBER_TEXT.test(v.trim())) return ok(Number(v.trim()));
  return bad('must be a number');
}

export function numberList(raw: RawValue): Coerced<number[]> {
  const v = raw.value;
  const items: unknown[] = Array.isArray(v) ? v : typeof v === 'string' && raw.text ? v.split('|') : [v];
  const out: number[] = [];
  for (const item of items) {
    const n = number({ value: item, text: raw.text });
    if (!n.ok) return bad('must be a number or a list of numbers');
    out.push(n.value);
  }
  return out.length ? ok(out) : bad('an empty list matches nothing');
}

export function integer(raw: RawValue, min: number): Coerced<number> {
  const n = number(raw);
  if (!n.ok || !Number.isSafeInteger(n.value) || n.value < min) return bad(`must be an integer ≥ ${min}`);
  return n;
}

export function time(raw: RawValue): Coerced<number> {
  const t = typeof raw.value === 'string' ? parseTimestamp(raw.value.trim()) : undefined;
  return t === undefined ? bad('must be a date-time with a time zone, e.g. 2026-01-01T00:00:00+07:00') : ok(t);
}

export function boolean(raw: RawValue): Coerced<boolean> {
  const v = raw.value;
  if (typeof v === 'boolean') return ok(v);
  if (v === 'true' || v === 'false') return ok(v === 'true');
  return bad('must be true or false');
}

/** EXISTS_* (Void / nullable integer): present means "filter", except an explicit false. */
export function exists(raw: RawValue): Coerced<boolean> {
  const v = raw.value;
  if (v === null || v === undefined || v === '' || v === true || v === 'true') return ok(true);
  if (v === false || v === 'false') return ok(false);
  if (typeof v === 'number' && Number.isInteger(v)) return ok(true);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return ok(true);
  return bad('must be empty, an integer or a boolean');
}

/** A JSON number is a number; text that is a date-time an instant; query-string text may be a number. */
function operand(item: unknown, text: boolean): Operand | undefined {
  if (typeof item === 'number' && Number.isFinite(item)) return { type: 'number', value: item };
  if (typeof item !== 'string') return undefined;
  const t = parseTimestamp(item.trim());
  if (t !== undefined) return { type: 'time', value: t, text: item };
  if (text && NUMBER_TEXT.test(item.trim())) return { type: 'number', value: Number(item.trim()) };
  return { type: 'string', value: item };
}

/** EQ_ of an extension field: a list of strings, a number or a date-time (query-schema string-array-or-date-string-or-number). */
export function eqOperands(raw: RawValue): Coerced<Operand[]> {
  const v = raw.value;
  if (Array.isArray(v)) {
    if (!v.length || !v.every((x) => typeof x === 'string')) return bad('must be a non-empty list of strings, a number or a date-time');
    return ok((v as string[]).map((s) => ({ type: 'string', value: s })));
  }
  const items = typeof v === 'string' && raw.text ? v.split('|') : [v];
  const out = items.map((item) => operand(item, raw.text));
  if (out.some((o) => o === undefined)) return bad('must be a list of strings, a number or a date-time');
  return ok(out as Operand[]);
}

/** GT_/GE_/LT_/LE_ of an extension field: a number or a date-time. */
export function orderedOperand(raw: RawValue): Coerced<Operand> {
  const o = operand(raw.value, true);
  if (!o || o.type === 'string') return bad('must be a number or a date-time');
  return ok(o);
}
