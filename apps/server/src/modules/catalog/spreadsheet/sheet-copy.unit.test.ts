// The copy of an upload's rows that the commit reads instead of the file: every cell comes back as it was read
// (text, numbers, booleans, dates — valid or not — and empty cells), and anything else is not taken for a copy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCell } from './cells.ts';
import { readSheetCopy, sheetCopy, sheetCopyKey } from './sheet-copy.ts';

const rawCell: fc.Arbitrary<RawCell> = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.date({ noInvalidDate: false }), fc.constant(null));

describe('sheet copy', () => {
  it('gives back the headers, rows, row numbers, cells and notices it was made from', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 6 }),
        fc.array(fc.record({ row: fc.integer({ min: 2, max: 50_001 }), cells: fc.array(rawCell, { maxLength: 6 }) }), { maxLength: 20 }),
        (headers, rows) => {
          const notices = [{ code: 'CATALOG_IMPORT_CSV_ENCODING', params: { encoding: 'windows-1258' } }];
          const back = readSheetCopy(sheetCopy({ headers, rows }, notices));
          expect(back).toBeDefined();
          expect(back!.notices).toEqual(notices);
          expect(back!.sheet.headers).toEqual(headers);
          expect(back!.sheet.rows.length).toBe(rows.length);
          back!.sheet.rows.forEach((r, i) => {
            expect(r.row).toBe(rows[i]!.row);
            r.cells.forEach((c, j) => {
              const was = rows[i]!.cells[j]!;
              if (was instanceof Date) {
                expect(c).toBeInstanceOf(Date);
                expect(Object.is((c as Date).getTime(), was.getTime()) || (Number.isNaN((c as Date).getTime()) && Number.isNaN(was.getTime()))).toBe(true);
              } else expect(Object.is(c, was) || (c === 0 && was === 0)).toBe(true);
            });
          });
        },
      ),
    );
  });

  it('takes nothing else for a copy, and is kept beside the upload', () => {
    expect(readSheetCopy(Buffer.from('PK\u0003\u0004 not json'))).toBeUndefined();
    expect(readSheetCopy(Buffer.from('{"v":99,"headers":[],"rows":[]}'))).toBeUndefined();
    expect(readSheetCopy(Buffer.from('null'))).toBeUndefined();
    expect(sheetCopyKey('imports/0b7c/source.xlsx')).toBe('imports/0b7c/rows.json');
  });
});
