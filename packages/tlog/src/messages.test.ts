import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.ts';
import { formatError, messages } from './messages.ts';

describe('message catalogue', () => {
  it('has a Vietnamese and an English message for every error code, and no stray entries', () => {
    expect(Object.keys(messages).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(messages[code].vi.trim()).not.toBe('');
      expect(messages[code].en.trim()).not.toBe('');
      expect(messages[code].vi).not.toBe(messages[code].en);
      // Both languages use the same placeholders.
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(messages[code].vi)).toEqual(params(messages[code].en));
    }
  });

  it('fills parameters, Vietnamese first by default', () => {
    const error = { code: 'TLOG_INDEX_OUT_OF_RANGE' as const, params: { index: 18446744073709551615n, size: 1 } };
    expect(formatError(error)).toBe('Chỉ số 18446744073709551615 nằm ngoài cây có 1 phần tử.');
    expect(formatError(error, 'en')).toBe('Index 18446744073709551615 is outside a tree of 1 entries.');
  });
});
