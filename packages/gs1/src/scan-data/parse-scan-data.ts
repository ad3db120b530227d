import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import { validateAssociations } from '../element-string/associations.ts';
import { parseUnbracketed } from '../element-string/parse-unbracketed.ts';
import { toAiElements, type AiElement, type ParsedAi } from '../element-string/parsed-ai.ts';
import { parseDigitalLinkDetail } from '../digital-link/digital-link.ts';
import { hasHttpScheme } from '../digital-link/dl-structure.ts';
import type { DigitalLink, DigitalLinkParseOptions } from '../digital-link/digital-link-types.ts';
import { mod10CheckDigit } from '../linters/check-character-linters.ts';
import { MAX_DATA } from './data-string.ts';
import { symbologyFromId, type Symbology } from './symbology.ts';

/** What a barcode reader transmitted, read back. */
export interface ScanData {
  readonly symbology: Symbology;
  /** The message in data-string form: "^…" for GS1 AI data, "primary|^…" for EAN/UPC composites, else plain. */
  readonly dataStr: string;
  /** AI data carried, from GS1 mode or from a Digital Link URI in plain mode. */
  readonly elements: readonly AiElement[];
  readonly digitalLink?: DigitalLink;
  /** The same elements with their entries (positions refer to `dataStr`). */
  readonly parsed: readonly ParsedAi[];
}

const GS = '\u001d';

function fail(code: string, position: number): { ok: false; error: Gs1Error } {
  return { ok: false, error: { code, position } };
}

function validDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

/**
 * Read scan data: a symbology identifier ("]d2", "]Q3", "]C1", "]e0", "]E0"…) then the message, with GS
 * (U+001D) for FNC1 separators (GS1 General Specifications §7.8). Error positions are offsets in `scan`.
 */
export function parseScanData(scan: string, opts?: DigitalLinkParseOptions): Result<ScanData, Gs1Error> {
  if (typeof scan !== 'string' || scan.charCodeAt(0) !== 93 || scan.length < 3) return fail('GS1_MISSING_SYMBOLOGY_IDENTIFIER', 0);
  const sym = symbologyFromId(scan.slice(1, 3));
  if (!sym) return fail('GS1_UNSUPPORTED_SYMBOLOGY_IDENTIFIER', 1);
  let data = scan.slice(3);
  if (data.length >= MAX_DATA) return fail('GS1_DATA_TOO_LONG', 3 + MAX_DATA);
  let prefix = '';
  let gs1 = sym.gs1;
  let at = 3;
  if (sym.symbology === 'EAN13' || sym.symbology === 'EAN8') {
    const primaryLength = sym.symbology === 'EAN13' ? 13 : 8;
    if (data.length < primaryLength) return fail('GS1_PRIMARY_SCAN_DATA_IS_TOO_SHORT', 3);
    const hasCc = data.length >= primaryLength + 4 && data.startsWith('|]e0', primaryLength);
    if (!hasCc && data.length > primaryLength) return fail('GS1_PRIMARY_MESSAGE_IS_TOO_LONG', 3 + primaryLength);
    const primary = data.slice(0, primaryLength);
    if (!validDigits(primary)) return fail('GS1_PRIMARY_MESSAGE_MAY_ONLY_CONTAIN_DIGITS', 3);
    if (mod10CheckDigit(primary.slice(0, -1)) !== primary.charCodeAt(primaryLength - 1) - 48) {
      return fail('GS1_PRIMARY_MESSAGE_CHECK_DIGIT_IS_INCORRECT', 3 + primaryLength - 1);
    }
    if (!hasCc) return { ok: true, value: { symbology: sym.symbology, dataStr: primary, elements: [], parsed: [] } };
    prefix = `${primary}|`;
    data = data.slice(primaryLength + 4);
    at += primaryLength + 4;
    gs1 = true;
  }
  if (gs1) {
    const caret = data.indexOf('^');
    if (caret >= 0) return fail('GS1_SCAN_DATA_CONTAINS_ILLEGAL_CARAT', at + caret);
    const aiData = `^${data.replaceAll(GS, '^')}`;
    const read = parseUnbracketed(aiData, opts, at - 1);
    if (!read.ok) return read;
    const assoc = validateAssociations(read.value, opts);
    if (assoc) return { ok: false, error: assoc };
    const dataStr = prefix + aiData;
    return { ok: true, value: { symbology: sym.symbology, dataStr, elements: toAiElements(read.value), parsed: read.value } };
  }
  // Plain data: a leading "^" (after any backslashes) is escaped so it cannot be mistaken for FNC1.
  const dataStr = /^\\*\^/.test(data) ? `\\${data}` : data;
  if (hasHttpScheme(dataStr)) {
    const dl = parseDigitalLinkDetail(dataStr, opts);
    if (!dl.ok) return { ok: false, error: { ...dl.error, position: (dl.error.position ?? 0) + at } };
    const { link, parsed } = dl.value;
    return { ok: true, value: { symbology: sym.symbology, dataStr, elements: link.elements, digitalLink: link, parsed } };
  }
  return { ok: true, value: { symbology: sym.symbology, dataStr, elements: [], parsed: [] } };
}
