// Reading a CSV file (RFC 4180): the text encoding is detected — UTF-8 (with or without BOM), UTF-16 LE/BE (with
// a BOM, or recognised by its zero bytes), else Windows-1258, the Vietnamese code page Excel uses for "CSV" on a
// Vietnamese Windows — and the delimiter (comma, semicolon as Excel writes with a Vietnamese locale, or tab) is
// taken from the header line. Pure: bytes in, rows or a problem out.
import type { RawCell } from './cells.ts';
import { MAX_IMPORT_ROWS, type FileProblem, type SheetResult, type SheetRow } from './sheet.ts';

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
}

export function decodeCsv(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a BOM: ASCII text has a zero byte in every other position.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  if (sample.length >= 4 && zeroOdd > sample.length / 4 && zeroEven === 0) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (sample.length >= 4 && zeroEven > sample.length / 4 && zeroOdd === 0) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (zeroEven + zeroOdd > 0) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(bytes), encoding: 'windows-1258' };
  }
}

/** The delimiter that splits the header line into the most fields outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = { ',': 0, ';': 0, '\t': 0 } as Record<',' | ';' | '\t', number>;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

/** RFC 4180 records (quoted fields may hold delimiters, quotes doubled, and line breaks), or the row of an unclosed quote. */
export function parseCsv(text: string, delimiter: string): { ok: true; records: string[][] } | { ok: false; row: number } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let quoteRow = 0;
  let row = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') row++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteRow = row;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      row++;
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, row: quoteRow };
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return { ok: true, records };
}

export function readCsv(bytes: Uint8Array, maxRows = MAX_IMPORT_ROWS): SheetResult {
  const decoded = decodeCsv(bytes);
  if (!decoded) return { ok: false, error: { code: 'CATALOG_IMPORT_CSV_UNDECODABLE' } };
  const notices: FileProblem[] = decoded.encoding === 'windows-1258' ? [{ code: 'CATALOG_IMPORT_CSV_ENCODING', params: { encoding: 'Windows-1258' } }] : [];
  const text = decoded.text.replace(/^\ufeff/, '');
  const parsed = parseCsv(text, detectDelimiter(text));
  if (!parsed.ok) return { ok: false, error: { code: 'CATALOG_IMPORT_CSV_QUOTE', params: { row: parsed.row } } };
  const [header = [], ...body] = parsed.records;
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 2, cells: cells.map((c): RawCell => (c === '' ? null : c)) });
  });
  if (rows.length > maxRows) return { ok: false, error: { code: 'CATALOG_IMPORT_TOO_MANY_ROWS', params: { rows: rows.length, limit: maxRows } } };
  if (rows.length === 0) return { ok: false, error: { code: 'CATALOG_IMPORT_EMPTY' } };
  return { ok: true, sheet: { headers: header.map((h) => h.trim() || null), rows }, notices };
}
