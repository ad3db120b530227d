// Pagination hooks for the REST binding (OpenAPI perPage / nextPageToken): an opaque token that carries the
// position after the last event of a page (its order key and event ID, so pages stay stable while events
// are captured) and a fingerprint of the query it belongs to, so a token cannot be replayed on another query.
import { sha256 } from '@noble/hashes/sha2.js';
import type { EventQuery } from './query-types.ts';

export interface PageCursor {
  /** Order key of the last event returned (e.g. its recordTime in ms), or null when unordered. */
  readonly key: number | string | null;
  /** Tie-breaker: the last event's ID (or storage ID). */
  readonly id: string;
  readonly fingerprint: string;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** A short digest of what selects and orders events (not of perPage / nextPageToken). */
export function queryFingerprint(query: EventQuery): string {
  const { filters, orderBy, orderDirection, eventCountLimit, maxEventCount } = query;
  const canonical = JSON.stringify({ filters: [...filters].map((f) => JSON.stringify(f)).sort(), orderBy, orderDirection, eventCountLimit, maxEventCount });
  return base64url(sha256(encoder.encode(canonical)).subarray(0, 12));
}

export function encodePageToken(cursor: PageCursor): string {
  return base64url(encoder.encode(JSON.stringify([cursor.key, cursor.id, cursor.fingerprint])));
}

/** The cursor of a token, or undefined when the token is malformed or belongs to another query. */
export function decodePageToken(token: string, query: EventQuery): PageCursor | undefined {
  const text = fromBase64url(token);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [key, id, fingerprint] = value as unknown[];
  if (!(key === null || typeof key === 'number' || typeof key === 'string') || typeof id !== 'string' || typeof fingerprint !== 'string') return undefined;
  if (fingerprint !== queryFingerprint(query)) return undefined;
  return { key, id, fingerprint };
}
