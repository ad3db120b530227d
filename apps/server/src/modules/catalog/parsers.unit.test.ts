// Property-based tests (fast-check) of the parsers and validators every form and spreadsheet row goes through:
// they never throw, accept exactly the valid values, and round-trip what the exporter writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '@txng/gs1';
import { cellText, joinList, parseLocaleNumber, readDate, readDateTime, readEnum, readNumber, splitList, type RawCell } from './spreadsheet/cells.ts';
import { decodeCsv, detectDelimiter, parseCsv } from './spreadsheet/read-csv.ts';
import { columnLetter } from './spreadsheet/sheet.ts';
import { CATEGORY_OPTIONS } from './labels.ts';
import { checkGtin, glnProblem, lotCodeProblem, lotDateProblems, parseCalendarDate } from './validation.ts';
import { parseOccurredAt, phiViolations } from './diary/diary-input.ts';

const rawCell: fc.Arbitrary<RawCell> = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.date({ noInvalidDate: false }), fc.constant(null));
const isoDay = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('GTIN and GLN', () => {
  it('accepts every GTIN-8/12/13/14 with its check digit, under the prefix, and names the expected digit otherwise', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.stringMatching(/^\d{13}$/), fc.integer({ min: 1, max: 9 }), (len, digits, shift) => {
        const body = digits.slice(0, len);
        const check = computeCheckDigit(body);
        expect(checkGtin(body + check, null)).toEqual({ gtin: (body + check).padStart(14, '0') });
        const wrong = String((Number(check) + shift) % 10);
        expect(checkGtin(body + wrong, null)).toEqual({ code: 'CATALOG_GTIN_CHECK_DIGIT', params: { expected: check } });
        const prefix = (body + check).padStart(14, '0').slice(1, 8);
        expect(checkGtin(body + check, prefix)).toEqual({ gtin: (body + check).padStart(14, '0') });
      }),
    );
  });

  it('never throws on any text, and answers a GTIN or a problem code', () => {
    fc.assert(fc.property(fc.string(), fc.option(fc.stringMatching(/^\d{4,12}$/), { nil: null }), (s, prefix) => {
      const r = checkGtin(s, prefix);
      expect('gtin' in r ? /^\d{14}$/.test(r.gtin) : r.code.startsWith('CATALOG_GTIN_')).toBe(true);
    }));
  });

  it('a GLN is 13 digits with its check digit', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{12}$/), (body) => {
      expect(glnProblem(body + computeCheckDigit(body), null)).toBeNull();
      expect(glnProblem(body + String((Number(computeCheckDigit(body)) + 1) % 10), null)?.code).toBe('CATALOG_GLN_CHECK_DIGIT');
    }));
  });

  it('a lot code is 1–20 characters of GS1 character set 82', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const ok = s.length >= 1 && s.length <= 20 && /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/.test(s);
      expect(lotCodeProblem(s) === null).toBe(ok);
    }));
  });
});

describe('dates', () => {
  it('reads ISO and Vietnamese DD/MM/YYYY forms of every real day to the same day', () => {
    fc.assert(fc.property(isoDay, (iso) => {
      const [y, m, d] = iso.split('-');
      expect(parseCalendarDate(iso)).toBe(iso);
      expect(parseCalendarDate(`${d}/${m}/${y}`)).toBe(iso);
      expect(readDate(new Date(`${iso}T00:00:00Z`))).toEqual({ ok: true, value: iso });
    }));
    for (const bad of ['31/02/2026', '2026-13-01', '00/01/2026', '29/02/2025']) expect(parseCalendarDate(bad)).toBeNull();
    expect(parseCalendarDate('29/02/2028')).toBe('2028-02-29');
  });

  it('never accepts expiry before production or harvest, nor a future harvest', () => {
    fc.assert(fc.property(isoDay, isoDay, isoDay, isoDay, (p, h, e, today) => {
      const fields = lotDateProblems({ productionDate: p, harvestDate: h, expiryDate: e }, today).map((x) => x.field);
      expect(fields.includes('expiryDate')).toBe(e < p || e < h);
      expect(fields.includes('harvestDate')).toBe(h > today);
    }));
  });

  it('reads diary times without a zone as Vietnam time, and refuses rolled-over days', () => {
    fc.assert(fc.property(isoDay, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, h, m) => {
      const t = `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      expect(parseOccurredAt(t)?.toISOString()).toBe(new Date(`${t}:00+07:00`).toISOString());
      const dt = readDateTime(`${day.split('-').reverse().join('/')} ${h}:${String(m).padStart(2, '0')}`);
      expect(dt.ok && dt.value?.toISOString()).toBe(new Date(`${t}:00+07:00`).toISOString());
    }));
    expect(parseOccurredAt('2026-02-31T07:00')).toBeNull();
  });

  it('warns exactly when a harvest day falls before the end of a pre-harvest interval', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), (gap, phi) => {
      const spray = new Date('2026-06-01T00:00:00Z');
      const harvest = new Date(spray.getTime() + gap * 86_400_000);
      expect(phiViolations(harvest, [{ occurredAt: spray, product: 'X', phiDays: phi }]).length).toBe(gap < phi ? 1 : 0);
    }));
  });
});

describe('spreadsheet cells', () => {
  it('never throw, whatever the cell holds', () => {
    fc.assert(fc.property(rawCell, (c) => {
      readNumber(c, -1e9, 1e9);
      readDate(c);
      readDateTime(c);
      readEnum(c, CATEGORY_OPTIONS);
      cellText(c);
    }));
  });

  it('read numbers written the Vietnamese or the English way', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const vi = `${whole.toLocaleString('de-DE')},${String(cents).padStart(2, '0')}`;
      const en = `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
      const value = whole + cents / 100;
      expect(parseLocaleNumber(vi)).toBeCloseTo(value, 6);
      expect(parseLocaleNumber(en)).toBeCloseTo(value, 6);
    }));
    expect(parseLocaleNumber('1.200')).toBe(1200);
    expect(parseLocaleNumber('12,5')).toBe(12.5);
    expect(parseLocaleNumber('1.2.3,4,5')).toBeNull();
  });

  it('read every category by its Vietnamese label without diacritics or case', () => {
    for (const o of CATEGORY_OPTIONS) {
      const plain = o.vi.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toUpperCase();
      expect(readEnum(plain, CATEGORY_OPTIONS)).toEqual({ ok: true, value: o.value });
    }
  });

  it('round-trip lists in one cell', () => {
    const field = fc.string().map((s) => s.replace(/[|;\n]/g, ' ').trim()).filter((s) => s.length > 0);
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (entries) => {
      expect(splitList(joinList(entries))).toEqual(entries.map((e) => e.map((f) => f.trim())));
    }));
  });
});

describe('CSV', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', 'ờ', ',', ';', '"', '\n', ' ', 'x', '1') });
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

  it('parses what RFC 4180 quoting writes, with any delimiter', () => {
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ';', '\t'), (table, d) => {
      const text = table.map((r) => r.map(quote).join(d)).join('\r\n');
      const parsed = parseCsv(text, d);
      expect(parsed).toEqual({ ok: true, records: table });
    }));
  });

  it('decodes UTF-8, UTF-16 (with or without BOM) and Windows-1258 to the same text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ',', 'x', 'à', 'ờ', 'Đ', 'ư') }), (s) => {
      const text = `Tên,${s}`;
      expect(decodeCsv(Buffer.from(text, 'utf8'))?.text).toBe(text);
      expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
    }));
    expect(decodeCsv(Buffer.from('Ten,Xo\xe0i', 'latin1'))).toEqual({ text: 'Ten,Xoài', encoding: 'windows-1258' });
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
  });

  it('reports the row of a quote never closed', () => {
    expect(parseCsv('a,b\n1,"2\n3', ',')).toEqual({ ok: false, row: 2 });
  });
});

it('names Excel columns A…Z, AA…', () => {
  expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});
