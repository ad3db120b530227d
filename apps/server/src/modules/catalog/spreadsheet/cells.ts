// Reading one spreadsheet cell as the value a column expects. Pure and total: every input gives a value or a
// problem code (never an exception), which the property-based tests check. Cells come from XLSX (numbers, dates,
// booleans, text) or CSV (always text), so each reader accepts both forms.
import { foldForSearch } from '../../../platform/text/fold.ts';
import { parseCalendarDate } from '../validation.ts';

export type RawCell = string | number | boolean | Date | null;

export const CellErrors = {
  REQUIRED: 'CATALOG_CELL_REQUIRED',
  NUMBER: 'CATALOG_CELL_NUMBER',
  INTEGER: 'CATALOG_CELL_INTEGER',
  DATE: 'CATALOG_CELL_DATE',
  DATETIME: 'CATALOG_CELL_DATETIME',
  ENUM: 'CATALOG_CELL_ENUM',
  BOOLEAN: 'CATALOG_CELL_BOOLEAN',
  TOO_LONG: 'CATALOG_CELL_TOO_LONG',
  LIST_ITEM: 'CATALOG_CELL_LIST_ITEM',
} as const;

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, unknown> };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(code: string, params?: Record<string, unknown>): CellResult<T> => ({ ok: false, code, ...(params ? { params } : {}) });

/** The cell as trimmed NFC text, or null when empty. Numbers keep their plain digits (no "1e+21", no grouping). */
export function cellText(raw: RawCell): string | null {
  if (raw === null) return null;
  if (typeof raw === 'string') {
    const t = raw.normalize('NFC').trim();
    return t === '' ? null : t;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? (Number.isInteger(raw) && Math.abs(raw) < 1e21 ? BigInt(raw).toString() : String(raw)) : null;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
}

export function readText(raw: RawCell, maxLength: number): CellResult<string | null> {
  const t = cellText(raw);
  if (t !== null && t.length > maxLength) return fail(CellErrors.TOO_LONG, { limit: maxLength });
  return ok(t);
}

/**
 * A number written the Vietnamese way ("1.234,5"), the English way ("1,234.5") or plainly. A single separator
 * followed by exactly three digits is a thousands separator ("1.200" = 1200, as Vietnamese write it).
 */
export function parseLocaleNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) > 1) return null;
    normal = s.split(group).join('').replace(decimal, '.');
  } else if (dots + commas === 0) {
    normal = s;
  } else {
    const sep = dots ? '.' : ',';
    const parts = s.replace(/^[+-]/, '').split(sep);
    const grouping = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && parts[0]!.length >= 1 && parts[0]!.length <= 3;
    if (dots + commas > 1 && !grouping) return null;
    normal = grouping ? s.split(sep).join('') : s.replace(sep, '.');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

export function readNumber(raw: RawCell, min: number, max: number): CellResult<number | null> {
  if (raw === null) return ok(null);
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= min && raw <= max ? ok(raw) : fail(CellErrors.NUMBER, { min, max });
  const t = cellText(raw);
  if (t === null) return ok(null);
  const n = typeof raw === 'string' ? parseLocaleNumber(t) : null;
  return n !== null && n >= min && n <= max ? ok(n) : fail(CellErrors.NUMBER, { min, max });
}

export function readInteger(raw: RawCell, min: number, max: number): CellResult<number | null> {
  const n = readNumber(raw, min, max);
  if (!n.ok || n.value === null) return n.ok ? n : fail(CellErrors.INTEGER, { min, max });
  return Number.isInteger(n.value) ? n : fail(CellErrors.INTEGER, { min, max });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date from a date cell, an Excel serial number, `2026-05-14` or `14/05/2026`. */
export function readDate(raw: RawCell): CellResult<string | null> {
  if (raw === null) return ok(null);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail(CellErrors.DATE) : ok(`${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`);
  if (typeof raw === 'number') {
    // Excel's 1900 date system (serial 25569 = 1970-01-01), for cells typed as numbers.
    if (!Number.isInteger(raw) || raw < 1 || raw > 2958465) return fail(CellErrors.DATE);
    return readDate(new Date(Math.round((raw - 25569) * 86_400_000)));
  }
  const t = cellText(raw);
  if (t === null) return ok(null);
  const d = parseCalendarDate(t);
  return d ? ok(d) : fail(CellErrors.DATE);
}

/**
 * An instant from a date-time cell or text (`2026-05-14 07:30`, `14/05/2026 07:30`, or a date alone = 00:00).
 * Spreadsheet times have no zone: they are read as Vietnam time (UTC+7), as the people who type them mean.
 */
export function readDateTime(raw: RawCell): CellResult<Date | null> {
  if (raw === null) return ok(null);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail(CellErrors.DATETIME) : ok(new Date(raw.getTime() - 7 * 3_600_000));
  if (typeof raw === 'number') {
    if (!(raw >= 1 && raw <= 2958466)) return fail(CellErrors.DATETIME);
    return readDateTime(new Date(Math.round((raw - 25569) * 86_400_000)));
  }
  const t = cellText(raw);
  if (t === null) return ok(null);
  const m = /^(\S+)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const day = m ? parseCalendarDate(m[1]!) : null;
  if (!m || !day) return fail(CellErrors.DATETIME);
  const [h, min, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return fail(CellErrors.DATETIME);
  return ok(new Date(Date.parse(`${day}T${pad(h)}:${pad(min)}:${pad(s)}+07:00`)));
}

export interface EnumOption<T extends string | number> {
  readonly value: T;
  readonly vi: string;
  readonly en: string;
}

/** A value from a closed list, written as its Vietnamese or English label or its code, ignoring diacritics and case. */
export function readEnum<T extends string | number>(raw: RawCell, options: readonly EnumOption<T>[]): CellResult<T | null> {
  const t = cellText(raw);
  if (t === null) return ok(null);
  const f = foldForSearch(t);
  const index = enumIndex(options);
  return index.has(f) ? ok(index.get(f)!) : fail(CellErrors.ENUM, { allowed: options.map((o) => o.vi).join(', ') });
}

// Folded label → value per option list, built once (a 50,000-row import reads the same few lists each row). The
// first option naming a label wins, as a search of the options in order would find it.
const enumIndexes = new WeakMap<readonly EnumOption<string | number>[], Map<string, string | number>>();

function enumIndex<T extends string | number>(options: readonly EnumOption<T>[]): Map<string, T> {
  let index = enumIndexes.get(options) as Map<string, T> | undefined;
  if (!index) {
    index = new Map<string, T>();
    for (const o of options) {
      for (const label of [o.vi, o.en, String(o.value)]) {
        const key = foldForSearch(label);
        if (!index.has(key)) index.set(key, o.value);
      }
    }
    enumIndexes.set(options, index);
  }
  return index;
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dung', 'phai']);
const NO = new Set(['khong', 'no', 'false', '0', 'sai']);

export function readBoolean(raw: RawCell): CellResult<boolean | null> {
  if (typeof raw === 'boolean') return ok(raw);
  const t = cellText(raw);
  if (t === null) return ok(null);
  const f = foldForSearch(t);
  if (YES.has(f)) return ok(true);
  if (NO.has(f)) return ok(false);
  return fail(CellErrors.BOOLEAN);
}

/** A list in one cell: entries separated by ";" or line breaks, fields of an entry by "|". */
export function splitList(text: string | null): string[][] {
  if (!text) return [];
  return text
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => entry.split('|').map((f) => f.trim()));
}

export function joinList(entries: readonly (readonly (string | null | undefined)[])[]): string {
  return entries.map((fields) => {
    const out = fields.map((f) => (f ?? '').replace(/[|;\n]/g, ' ').trim());
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return out.join(' | ');
  }).join('; ');
}
