import type { Gs1Error } from '../errors.ts';

// Lexical structure of an HTTP(S) URI as the GS1 Syntax Engine checks it before reading GS1 data: allowed
// characters (RFC 3986 §2), scheme, a non-empty domain, then path, "?" query and "#" fragment (RFC 3986 §3).

const URI_CHARS = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%") {
  URI_CHARS[c.charCodeAt(0)] = 1;
}
const BAD_DOMAIN_CHARS = new Uint8Array(128);
for (const c of "_~?#@!$&'()*+,;=%") BAD_DOMAIN_CHARS[c.charCodeAt(0)] = 1;

export interface UriParts {
  /** Offset of the "/" that starts the path. */
  readonly pathStart: number;
  /** End of the path: offset of "?", "#" or the end of the URI. */
  readonly pathEnd: number;
  /** Offset just after "?", and the end of the query; absent without a query. */
  readonly queryStart?: number;
  readonly queryEnd?: number;
  /** Offset just after "#", when there is a fragment. */
  readonly fragmentStart?: number;
}

/** Whether `s` starts like an HTTP(S) URI in a case the engine accepts (all lower or all upper case). */
export function hasHttpScheme(s: string): boolean {
  return s.startsWith('https://') || s.startsWith('HTTPS://') || s.startsWith('http://') || s.startsWith('HTTP://');
}

/** The same set as URI_CHARS: a regular expression scans a whole URI in native code, several times faster than a
 * loop over its characters; the loop runs only to find where a bad character is. */
const ALL_URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

export function splitUri(uri: string): UriParts | Gs1Error {
  if (!ALL_URI_CHARS.test(uri)) {
    for (let i = 0; i < uri.length; i++) {
      const c = uri.charCodeAt(i);
      if (c > 127 || URI_CHARS[c] === 0) return { code: 'GS1_URI_CONTAINS_ILLEGAL_CHARACTERS', position: i };
    }
  }
  let p: number;
  if (uri.startsWith('https://') || uri.startsWith('HTTPS://')) p = 8;
  else if (uri.startsWith('http://') || uri.startsWith('HTTP://')) p = 7;
  else return { code: 'GS1_URI_CONTAINS_ILLEGAL_SCHEME', position: 0 };
  let r = p;
  while (r < uri.length && uri.charCodeAt(r) !== 47) {
    if (BAD_DOMAIN_CHARS[uri.charCodeAt(r)] === 1) return { code: 'GS1_DOMAIN_CONTAINS_ILLEGAL_CHARACTERS', position: r };
    r++;
  }
  if (r >= uri.length || r === p) return { code: 'GS1_URI_MISSING_DOMAIN_AND_PATH_INFO', position: p };
  const hash = uri.indexOf('#', r);
  const end = hash < 0 ? uri.length : hash;
  const q = uri.indexOf('?', r);
  const hasQuery = q >= 0 && q < end;
  const parts: { -readonly [K in keyof UriParts]: UriParts[K] } = { pathStart: r, pathEnd: hasQuery ? q : end };
  if (hasQuery) {
    parts.queryStart = q + 1;
    parts.queryEnd = end;
  }
  if (hash >= 0) parts.fragmentStart = hash + 1;
  return parts;
}
