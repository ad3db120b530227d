import { lintError, requireDigits, shiftLint, type LintContext, type LintError } from './lint-types.ts';

// Date and time linters: GS1 General Specifications §7.12 (dates YYMMDD, day "00" meaning end of month
// where permitted) and the HH/MI/SS time fields of AIs such as (7003), (8008), (4324).

const DAYS_IN_MONTH = [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function two(data: string, at: number): number {
  return (data.charCodeAt(at) - 48) * 10 + (data.charCodeAt(at + 1) - 48);
}

/** Month and day (DD may be "00") of `year`, read from `data` at `at`; positions are offsets in `data`. */
function checkMonthDay(data: string, at: number, year: number): LintError | null {
  const month = two(data, at);
  if (month < 1 || month > 12) return lintError('GS1_LINTER_ILLEGAL_MONTH', at, 2);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[month - 1] ?? 31);
  return two(data, at + 2) > maxDay ? lintError('GS1_LINTER_ILLEGAL_DAY', at + 2, 2) : null;
}

/** YYYYMMDD where DD may be "00". */
export function lintYyyymmd0(data: string): LintError | null {
  if (data.length !== 8) {
    return lintError(data.length < 8 ? 'GS1_LINTER_DATE_TOO_SHORT' : 'GS1_LINTER_DATE_TOO_LONG', 0, data.length);
  }
  return requireDigits(data) ?? checkMonthDay(data, 4, two(data, 0) * 100 + two(data, 2));
}

export function lintYyyymmdd(data: string): LintError | null {
  const e = lintYyyymmd0(data);
  if (e) return e;
  return data.endsWith('00') ? lintError('GS1_LINTER_ILLEGAL_DAY', 6, 2) : null;
}

/**
 * YYMMDD where DD may be "00". The century follows §7.12: a YY 51 or more years ahead of the current
 * year is in the previous century; one more than 49 years behind is in the next.
 */
export function lintYymmd0(data: string, ctx?: LintContext): LintError | null {
  if (data.length !== 6) {
    return lintError(data.length < 6 ? 'GS1_LINTER_DATE_TOO_SHORT' : 'GS1_LINTER_DATE_TOO_LONG', 0, data.length);
  }
  const digits = requireDigits(data);
  if (digits) return digits;
  const current = ctx?.currentYear ?? 2021;
  const century = Math.floor(current / 100);
  const diff = two(data, 0) - (current % 100);
  const fullCentury = diff >= 51 ? century - 1 : diff > -50 ? century : century + 1;
  return checkMonthDay(data, 2, fullCentury * 100 + two(data, 0));
}

export function lintYymmdd(data: string, ctx?: LintContext): LintError | null {
  const e = lintYymmd0(data, ctx);
  if (e) return e;
  return data.endsWith('00') ? lintError('GS1_LINTER_ILLEGAL_DAY', 4, 2) : null;
}

function lintTwoDigitField(data: string, max: number, short: string, long: string, illegal: string): LintError | null {
  if (data.length !== 2) return lintError(data.length < 2 ? short : long, 0, data.length);
  const digits = requireDigits(data);
  if (digits) return digits;
  return two(data, 0) > max ? lintError(illegal, 0, 2) : null;
}

export function lintHh(data: string): LintError | null {
  return lintTwoDigitField(data, 23, 'GS1_LINTER_HOUR_TOO_SHORT', 'GS1_LINTER_HOUR_TOO_LONG', 'GS1_LINTER_ILLEGAL_HOUR');
}

export function lintMi(data: string): LintError | null {
  return lintTwoDigitField(data, 59, 'GS1_LINTER_MINUTE_TOO_SHORT', 'GS1_LINTER_MINUTE_TOO_LONG', 'GS1_LINTER_ILLEGAL_MINUTE');
}

export function lintSs(data: string): LintError | null {
  return lintTwoDigitField(data, 59, 'GS1_LINTER_SECOND_TOO_SHORT', 'GS1_LINTER_SECOND_TOO_LONG', 'GS1_LINTER_ILLEGAL_SECOND');
}

export function lintHhmi(data: string): LintError | null {
  if (data.length !== 4) {
    return lintError(
      data.length < 4 ? 'GS1_LINTER_HOUR_WITH_MINUTE_TOO_SHORT' : 'GS1_LINTER_HOUR_WITH_MINUTE_TOO_LONG',
      0,
      data.length,
    );
  }
  const hour = lintHh(data.slice(0, 2));
  if (hour) return hour;
  const minute = lintMi(data.slice(2));
  return minute ? shiftLint(minute, 2) : null;
}
