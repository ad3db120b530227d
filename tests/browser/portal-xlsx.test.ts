// The portal's XLSX writer (apps/portal/src/shared/export/xlsx-writer.ts), read back as a spreadsheet program
// would: a valid zip with the parts Excel needs, the header, text, numbers and dates in their cells. Runs in Node.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx, columnName, escapeXml, excelSerial, safeSheetName } from '../../apps/portal/src/shared/export/xlsx-writer.ts';

describe('portal XLSX export', () => {
  const bytes = buildXlsx({
    sheetName: 'Tổ chức: đã duyệt / 2026',
    columns: [{ header: 'Tên tổ chức' }, { header: 'Số lượng' }, { header: 'Ngày' }],
    rows: [
      ['Hợp tác xã Xoài Yên Châu', 12, new Date(2026, 0, 15, 9, 30)],
      ['=HYPERLINK("http://evil.example")', null, undefined],
      ['A & B <C> "D"\u0001', 3.5, new Date('invalid')],
    ],
  });
  const files = unzipSync(bytes);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);

  it('is a zip holding the parts of a workbook', () => {
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Tổ chức  đã duyệt   2026" sheetId="1" r:id="rId1"/>');
  });

  it('writes the header in bold, Vietnamese text intact, numbers as numbers and dates as date serials', () => {
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>Tên tổ chức</t></is></c>');
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t>Hợp tác xã Xoài Yên Châu</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>12</v></c>');
    expect(sheet).toContain(`<c r="C2" s="2"><v>${excelSerial(new Date(2026, 0, 15, 9, 30))}</v></c>`);
    expect(excelSerial(new Date(2026, 0, 15, 12, 0))).toBeCloseTo(46037.5, 6);
    expect(sheet).toContain('<autoFilter ref="A1:C4"/>');
    expect(sheet).toContain('state="frozen"');
  });

  it('never writes a formula, and escapes or drops what XML cannot hold', () => {
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<t>=HYPERLINK(&quot;http://evil.example&quot;)</t>');
    expect(sheet).toContain('<t>A &amp; B &lt;C&gt; &quot;D&quot;</t>');
    expect(sheet).not.toMatch(/<c r="[BC]3"/); // empty cells are left out
    expect(sheet).not.toMatch(/<c r="C4"/); // an invalid date too
  });

  it('names columns and sheets as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(safeSheetName('a'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('[]:*?/\\')).toBe('Sheet1');
    expect(escapeXml('\uD800x')).toBe('x');
  });
});
