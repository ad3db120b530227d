// Escaping of alphanumeric components in EPC URIs (GS1 EPC Tag Data Standard 2.1 §5 and Table A-1): the GS1
// AI character set 82 may appear, but '"', '%', '&', '/', '<', '>', '?' (and '#', for the CPI component
// reference) must be written as %HH; any other %HH is accepted when reading.

const MUST_ESCAPE = new Set(['"', '%', '&', '/', '<', '>', '?', '#']);
const ALLOWED_RAW = /^[A-Za-z0-9!'()*+,\-.:;=_%]*$/;

export function tdsEscape(value: string): string {
  let out = '';
  for (const ch of value) {
    out += MUST_ESCAPE.has(ch) ? `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : ch;
  }
  return out;
}

/** Decode %HH escapes; null when the component holds a character or escape an EPC URI may not. */
export function tdsUnescape(component: string): string | null {
  if (!ALLOWED_RAW.test(component)) return null;
  let out = '';
  for (let i = 0; i < component.length; i++) {
    const ch = component[i] ?? '';
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const hex = component.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
    const code = parseInt(hex, 16);
    if (code < 0x21 || code > 0x7e) return null;
    out += String.fromCharCode(code);
    i += 2;
  }
  return out;
}
