// Diacritic-insensitive search: "xoai yen chau" must find "Xoài tròn Yên Châu". Stored search text and queries
// are both folded the same way: Unicode NFD, combining marks removed, đ/Đ → d, lower case, spaces collapsed.
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so that user input is matched literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
