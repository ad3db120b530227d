import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import type { DigitalLinkParseOptions } from '../digital-link/digital-link-types.ts';
import { mod10CheckDigit } from '../linters/check-character-linters.ts';
import { readDataString } from './data-string.ts';
import { COMPOSITE_ID, symbologyId, type Symbology } from './symbology.ts';

// The scan data a reader transmits for a message (GS1 General Specifications §5.1.2 symbology identifiers,
// §7.8 FNC1 transmitted as GS). EAN/UPC composites are two messages joined by "|"; GS1-128 composites and
// DataBar use "]e0" with the 2D component's data appended.

export interface ScanDataOptions extends DigitalLinkParseOptions {
  /** The primary EAN/UPC/DataBar data is given without its check digit, which is computed. Default false. */
  readonly addCheckDigit?: boolean;
}

const GS = '\u001d';
type Out = Result<string, Gs1Error>;
const fail = (code: string, position = 0): Out => ({ ok: false, error: { code, position } });

/** The message after a symbology identifier: FNC1 in first dropped, "^" → GS; plain data unescaped. */
function transmitted(data: string): string {
  if (data.startsWith('^')) return data.slice(1).replaceAll('^', GS);
  return /^\\*\^/.test(data) ? data.slice(1) : data;
}

/** Primary EAN/UPC/DataBar digits of `length`, check digit verified or (with addCheckDigit) appended. */
function primary(data: string, length: number, addCheckDigit: boolean): Out {
  const expected = addCheckDigit ? length - 1 : length;
  if (data.length !== expected) {
    return fail(addCheckDigit ? 'GS1_PRIMARY_DATA_MUST_BE_N_DIGITS_WITHOUT_CHECK_DIGIT' : 'GS1_PRIMARY_DATA_MUST_BE_N_DIGITS');
  }
  if (!/^\d+$/.test(data)) return fail('GS1_PRIMARY_DATA_MUST_BE_ALL_DIGITS');
  const body = addCheckDigit ? data : data.slice(0, -1);
  const check = String(mod10CheckDigit(body));
  if (!addCheckDigit && data.at(-1) !== check) return fail('GS1_PRIMARY_DATA_CHECK_DIGIT_IS_INCORRECT', length - 1);
  return { ok: true, value: body + check };
}

/** Generate scan data for a message given in data-string form (see `readDataString`). */
export function generateScanData(symbology: Symbology, dataStr: string, opts?: ScanDataOptions): Out {
  const content = readDataString(dataStr, opts);
  if (!content.ok) return content;
  const bar = content.value.isDigitalLink ? -1 : dataStr.indexOf('|');
  const linear = bar >= 0 ? dataStr.slice(0, bar) : dataStr;
  const cc = bar >= 0 ? dataStr.slice(bar + 1) : undefined;
  const gs1 = linear.startsWith('^');
  const addCheckDigit = opts?.addCheckDigit === true;
  switch (symbology) {
    case 'QR':
    case 'DM':
    case 'DotCode': {
      // Plain data keeps a "|" as data; only GS1 data can carry a composite component.
      const whole = gs1 ? linear : dataStr;
      return { ok: true, value: `]${symbologyId(symbology, gs1) ?? ''}${transmitted(whole)}${gs1 && cc ? GS + transmitted(cc) : ''}` };
    }
    case 'GS1_128_CCA':
    case 'GS1_128_CCC':
    case 'DataBarExpanded': {
      if (!gs1) return fail('GS1_SCAN_DATA_REQUIRES_AI_DATA');
      if (cc === undefined && symbology !== 'DataBarExpanded') return { ok: true, value: `]C1${transmitted(linear)}` };
      if (cc === undefined) return { ok: true, value: COMPOSITE_ID + transmitted(linear) };
      if (!cc.startsWith('^')) return fail('GS1_SCAN_DATA_REQUIRES_AI_DATA', bar + 1);
      const last = content.value.linear.at(-1);
      const separator = last?.entry.fnc1 ?? false ? GS : '';
      return { ok: true, value: COMPOSITE_ID + transmitted(linear) + separator + transmitted(cc) };
    }
    case 'DataBarOmni':
    case 'DataBarTruncated':
    case 'DataBarStacked':
    case 'DataBarStackedOmni':
    case 'DataBarLimited': {
      const gtin = primary(linear.startsWith('^01') ? linear.slice(3) : linear, 14, addCheckDigit);
      if (!gtin.ok) return gtin;
      // DataBar Limited only encodes GTINs below 2 × 10^13 (ISO/IEC 24724 §5.2.2).
      if (symbology === 'DataBarLimited' && gtin.value.charCodeAt(0) >= 50) return fail('GS1_PRIMARY_DATA_IS_TOO_LARGE');
      if (cc !== undefined && !cc.startsWith('^')) return fail('GS1_SCAN_DATA_REQUIRES_AI_DATA', bar + 1);
      return { ok: true, value: `${COMPOSITE_ID}01${gtin.value}${cc === undefined ? '' : transmitted(cc)}` };
    }
    case 'UPCA':
    case 'UPCE':
    case 'EAN13':
    case 'EAN8': {
      const length = symbology === 'EAN13' ? 13 : symbology === 'EAN8' ? 8 : 12;
      // AI (01) data gives a GTIN-14 whose leading zeros the EAN/UPC message does not carry.
      const zeros = `^01${'0'.repeat(14 - length)}`;
      const digits = primary(linear.startsWith(zeros) ? linear.slice(zeros.length) : linear, length, addCheckDigit);
      if (!digits.ok) return digits;
      if (cc !== undefined && !cc.startsWith('^')) return fail('GS1_SCAN_DATA_REQUIRES_AI_DATA', bar + 1);
      const id = `]${symbologyId(symbology, false) ?? ''}${length === 12 ? '0' : ''}`;
      return { ok: true, value: id + digits.value + (cc === undefined ? '' : `|${COMPOSITE_ID}${transmitted(cc)}`) };
    }
    default:
      return fail('GS1_UNKNOWN_SYMBOLOGY');
  }
}
