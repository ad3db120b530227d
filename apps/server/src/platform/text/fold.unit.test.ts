import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeLike, foldForSearch } from './fold.ts';

describe('foldForSearch', () => {
  it('matches Vietnamese names typed without diacritics', () => {
    expect(foldForSearch('Xoài tròn Yên Châu')).toBe('xoai tron yen chau');
    expect(foldForSearch('Đoàn Kết')).toBe('doan ket');
    expect(foldForSearch('Chè Shan tuyết Mộc Châu')).toContain('che shan tuyet moc chau');
    expect(foldForSearch('  Sông   Mã ')).toBe('song ma');
  });

  it('treats precomposed and decomposed input alike', () => {
    const composed = 'Hợp tác xã';
    expect(foldForSearch(composed.normalize('NFD'))).toBe(foldForSearch(composed.normalize('NFC')));
  });

  it('is idempotent and never longer than its input for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
      }),
    );
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
