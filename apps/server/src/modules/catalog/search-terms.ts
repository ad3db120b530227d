// Diacritic- and case-insensitive matching on folded search columns: every word of the query must occur
// ("xoai yen chau" finds "xoai tron yen chau"). Each word is a LIKE served by the column's pg_trgm GIN index.
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { escapeLike, foldForSearch } from '../../platform/text/fold.ts';

export function searchWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(' ').filter(Boolean))].slice(0, 8);
}

export function searchCondition(column: PgColumn, query: string): SQL | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`${column} like ${`%${escapeLike(w)}%`}`));
}
