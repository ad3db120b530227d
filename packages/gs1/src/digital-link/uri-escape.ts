// Percent-encoding for GS1 Digital Link URI components (GS1 Digital Link URI Syntax 1.4 §7.1, RFC 3986 §2):
// unreserved characters stay, everything else becomes %HH; in a query value a space may be written "+".

const HEX = '0123456789ABCDEF';

function isUnreserved(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 126;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** Percent-encode a path segment (`query` false) or a query value (`query` true: space as "+"). */
export function uriEscape(value: string, query: boolean): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isUnreserved(c)) continue;
    out += value.slice(plainFrom, i);
    plainFrom = i + 1;
    if (c === 32 && query) {
      out += '+';
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        plainFrom = i + 1;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // A lone surrogate has no UTF-8 form.
    for (const b of utf8Bytes(cp)) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return plainFrom === 0 ? value : out + value.slice(plainFrom);
}

/**
 * Reverse percent-encoding the way the GS1 Syntax Engine does: each valid "%hh" becomes the byte hh (as a
 * code unit 0-255), an invalid or truncated "%" stays literal, "+" is a space in query values only.
 * Returns null when the result would contain a NUL, which AI data may never hold.
 */
export function uriUnescape(encoded: string, query: boolean): string | null {
  if (encoded.indexOf('%') < 0 && (!query || encoded.indexOf('+') < 0)) return encoded;
  let out = '';
  const n = encoded.length;
  for (let i = 0; i < n; i++) {
    const c = encoded.charCodeAt(i);
    if (c === 37 && i < n - 2) {
      const hi = hexValue(encoded.charCodeAt(i + 1));
      const lo = hexValue(encoded.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        const byte = (hi << 4) | lo;
        if (byte === 0) return null;
        out += String.fromCharCode(byte);
        i += 2;
        continue;
      }
    }
    out += c === 43 && query ? ' ' : encoded[i];
  }
  return out;
}

/** Offset in `encoded` of decoded character `k` (for error positions inside escaped values). */
export function encodedOffset(encoded: string, k: number): number {
  let at = 0;
  for (let i = 0; i < k && at < encoded.length; i++) {
    const isEscape = encoded.charCodeAt(at) === 37 && at < encoded.length - 2 &&
      hexValue(encoded.charCodeAt(at + 1)) >= 0 && hexValue(encoded.charCodeAt(at + 2)) >= 0;
    at += isEscape ? 3 : 1;
  }
  return at;
}
