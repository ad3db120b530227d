// PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses unpaired UTF-16 surrogates (escaped by
// JSON.stringify as \udxxx): such an event is refused as invalid instead of failing the whole transaction.
import type { EpcisEvent } from '@txng/epcis';

// U+0000 is matched through its code point (String.fromCharCode) to keep the pattern free of control characters.
const BAD_CHAR = new RegExp(`${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`);

function walk(value: unknown): boolean {
  if (typeof value === 'string') return BAD_CHAR.test(value);
  if (Array.isArray(value)) return value.some(walk);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => BAD_CHAR.test(k) || walk(v));
  return false;
}

/** True when some text of the event cannot be stored. */
export function unstorableText(event: EpcisEvent): boolean {
  return walk(event);
}

const BAD_CHARS = new RegExp(BAD_CHAR.source, 'g');

/** A copy of a JSON value whose unstorable characters are replaced by U+FFFD: for what the server writes about a
 * refused document (a problem's params may quote the bad text back). */
export function storableCopy<T>(value: T): T {
  if (typeof value === 'string') return value.replace(BAD_CHARS, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storableCopy) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableCopy(k), storableCopy(v)])) as T;
  }
  return value;
}
