// The ZIP print file, for print shops and mail-merge: each label as an SVG (text converted to curves), each QR
// code as a PNG, a CSV manifest (UTF-8 with BOM, so Excel shows Vietnamese) and a README in both languages.
import type { Writable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { LabelLayout, StampKind } from '../model.ts';
import { humanSerial } from '../serials.ts';
import { drawLabel, type LabelContent } from './label-drawing.ts';
import { qrPng } from './qr-png.ts';
import { labelSvg } from './svg-label.ts';

export interface ZipLabelBatch {
  readonly layout: LabelLayout;
  readonly kind: StampKind;
  readonly productName: string;
  readonly lang: Lang;
  readonly labels: Iterable<LabelContent>;
}

const utf8 = new TextEncoder();

/** A ZIP entry deflated by node:zlib (native, several times faster than fflate's JavaScript deflate); fflate
 * computes the CRC-32 and size from the data pushed, as its subclassing contract asks (APPNOTE 4.4.5: method 8). */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }
  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    const out = deflateRawSync(chunk, { level: 6 });
    this.ondata(null, new Uint8Array(out.buffer, out.byteOffset, out.byteLength), final);
  }
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is neutralised
 * (OWASP CSV injection), since the file is opened in spreadsheets. */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function readme(batch: ZipLabelBatch, count: number): string {
  return [
    'TXNG Sơn La — tệp in tem / stamp print file',
    '',
    `Sản phẩm / Product: ${batch.productName}`,
    `Số tem / Stamps: ${count}`,
    `Kích thước nhãn / Label size: ${batch.layout.labelWidthMm} × ${batch.layout.labelHeightMm} mm`,
    '',
    'labels/*.svg  Mỗi nhãn một tệp SVG, chữ đã chuyển thành đường nét. / One SVG per label, text converted to curves.',
    'qr/*.png      Mã QR (10 điểm ảnh mỗi ô, có vùng trắng). / QR codes (10 px per module, quiet zone included).',
    'stamps.csv    Danh sách tem để trộn thư. / Stamp list for mail-merge.',
    ...(batch.kind === 'qr_code'
      ? ['', 'Tệp này chứa mã xác thực bí mật, chỉ được tạo một lần: hãy bảo quản và xoá sau khi in.', 'This file holds the secret verification codes and is generated once: keep it safe and delete it after printing.']
      : []),
    '',
  ].join('\r\n');
}

/** Writes the ZIP to `out`; resolves with the number of labels once the archive is complete. */
export function writeLabelsZip(batch: ZipLabelBatch, out: Writable): Promise<number> {
  let count = 0;
  return new Promise<number>((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', () => resolve(count));
    const zip = new Zip((err, data, final) => {
      if (err) return reject(err);
      out.write(data);
      if (final) out.end();
    });
    const addText = (name: string, text: string) => {
      const file = new NativeDeflate(name);
      zip.add(file);
      file.push(utf8.encode(text), true);
    };
    // fflate writes files one after another: the manifest is collected and added after the labels.
    const csv = [`\uFEFF${['seq', 'serial', 'human_code', 'uri', 'verification_code', 'product'].join(',')}`];
    const { labelWidthMm: w, labelHeightMm: h } = batch.layout;
    for (const label of batch.labels) {
      const name = `${String(label.seq).padStart(7, '0')}-${label.serial}`;
      addText(`labels/${name}.svg`, labelSvg(w, h, drawLabel(w, h, batch.kind, batch.productName, label, batch.lang)));
      const png = new ZipPassThrough(`qr/${name}.png`);
      zip.add(png);
      png.push(qrPng(label.qr), true);
      csv.push([label.seq, label.serial, humanSerial(label.serial), label.uri, label.code, batch.productName].map(csvField).join(','));
      count++;
    }
    addText('stamps.csv', `${csv.join('\r\n')}\r\n`);
    addText('README.txt', readme(batch, count));
    zip.end();
  });
}
