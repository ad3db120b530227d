// Page tokens: opaque, round-trip, and refused for another query or when tampered with.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token.ts';
import { parseQueryParameters } from './parse-query.ts';

const query = (p: Record<string, unknown>) => {
  const r = parseQueryParameters(p);
  if (!r.ok) throw new Error('bad query');
  return r.query;
};

describe('page tokens', () => {
  const q = query({ EQ_bizStep: ['shipping'], orderBy: 'recordTime', orderDirection: 'ASC' });
  test('round trip for the same query, refused for another', () => {
    const cursor = { key: 1767225600000, id: 'ni:///sha-256;abc?ver=CBV2.0', fingerprint: queryFingerprint(q) };
    const token = encodePageToken(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token, q)).toEqual(cursor);
    expect(decodePageToken(token, query({ EQ_bizStep: ['receiving'], orderBy: 'recordTime', orderDirection: 'ASC' }))).toBeUndefined();
    expect(queryFingerprint({ ...q, perPage: 10 })).toBe(queryFingerprint(q));
  });

  test('arbitrary text never decodes by accident and never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(decodePageToken(s, q)).toBeUndefined();
    }));
  });
});
