// Rules 8–9 of the CBV 2.0 event hash (§8.9.2): timestamps in UTC with millisecond precision and a "Z".
// Like the reference implementation (dateutil), fractions are read to microseconds and rounded half to even
// to milliseconds, e.g. 11:04:03.1415Z → 11:04:03.142Z.

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function utcMillis(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** Returns undefined when the text is not a date-time (the caller keeps it unchanged). */
export function hashTimestamp(text: string): string | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', tz] = m;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  let millis = Math.floor(micros / 1000);
  const rest = micros % 1000;
  if (rest > 500 || (rest === 500 && millis % 2 === 1)) millis += 1;
  let offsetMinutes = 0;
  if (tz && tz !== 'Z' && tz !== 'z') {
    const digits = tz.slice(1).replace(':', '');
    offsetMinutes = (tz.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const local = utcMillis(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), millis);
  if (local === undefined) return undefined;
  const date = new Date(local - offsetMinutes * 60_000);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return `${String(year).padStart(4, '0')}${date.toISOString().slice(-20, -1)}Z`;
}
