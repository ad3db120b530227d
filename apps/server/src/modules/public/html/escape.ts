// Escaping for server-rendered pages. Every value that comes from records or requests goes through `esc` (element
// content and quoted attributes), `jsonForScript` (JSON-LD data blocks) or the URL helpers (links that open apps).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** HTML-escapes text for element content and double- or single-quoted attribute values. */
export function esc(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value ?? '');
  // Most values have nothing to escape: a test is far cheaper than a replace with a callback.
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITIES[c]!) : s;
}

/**
 * JSON inside `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes so no value can close the
 * element or open a comment (HTML §4.12.1.3 restrictions for contents of script elements), U+2028/2029 too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An http(s) URL from a record, or null: never `javascript:` or `data:` from user data. */
export function safeWebUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A `tel:` URI (RFC 3966) from a phone number as people write it ("0212 3840 111"), or null. */
export function telUri(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[^\d+]/g, '');
  return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : null;
}

/** A query string from defined values, each encoded (the result starts with `?` or is empty). */
export function query(params: Readonly<Record<string, string | number | null | undefined>>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
