// Timestamps of EPCIS 2.0 (§7.3.? xsd:dateTimeStamp: a time zone is mandatory) as instants, for comparisons
// in validation and queries. Fractions beyond milliseconds are kept (as a fraction of a millisecond).

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch (possibly fractional), or undefined when the text is not a timestamp. */
export function parseTimestamp(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', tz] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || Number(h) > 24 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  let ms = date.getTime() + Number(`0.${frac || '0'}`) * 1000;
  if (tz !== 'Z') {
    const sign = tz!.startsWith('-') ? -1 : 1;
    ms -= sign * (Number(tz!.slice(1, 3)) * 60 + Number(tz!.slice(4, 6))) * 60_000;
  }
  return ms;
}

/** Minutes of an `eventTimeZoneOffset` such as "+07:00" or "-03:30"; undefined when malformed. */
export function parseTimeZoneOffset(text: string): number | undefined {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  if (!m || Number(m[3]) > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
