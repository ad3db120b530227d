// Search without diacritics, as the server does (apps/server/src/platform/text/fold.ts): "xoai yen chau" finds
// "Xoài Yên Châu". đ/Đ are letters of their own in Unicode, not d + a mark, so they are mapped explicitly.
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in the text, both folded. */
export function foldedIncludes(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(' ')
    .every((word) => haystack.includes(word));
}
