// Multi-row inserts: one statement per table and chunk, the rows passed as one array parameter per column and
// expanded by unnest() (one round trip and one parse for a thousand rows, on PGlite and PostgreSQL alike).
import { sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/database.ts';

export type ColumnType = 'bigint' | 'smallint' | 'integer' | 'text' | 'boolean' | 'float8' | 'timestamptz' | 'jsonb' | 'text[]';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

/** The array parameter type and the per-element cast for a column type (text[] columns travel as array literals). */
function cast(type: ColumnType): { param: string; element: string } {
  if (type === 'jsonb') return { param: 'text[]', element: '::jsonb' };
  if (type === 'text[]') return { param: 'text[]', element: '::text[]' };
  return { param: `${type}[]`, element: '' };
}

/**
 * `insert into <table> (<columns>) select … from unnest($1::t1[], $2::t2[], …)`; `data[i]` is the array of
 * values of `columns[i]`, all of equal length.
 */
export async function insertColumns(tx: Orm, table: string, columns: readonly ColumnSpec[], data: readonly unknown[][]): Promise<void> {
  const rows = data[0]?.length ?? 0;
  if (rows === 0) return;
  const names = columns.map((c, i) => `c${i}`);
  const selectList = columns.map((c, i) => `${names[i]}${cast(c.type).element}`).join(', ');
  const params: SQL[] = columns.map((c, i) => sql`${sql.param(data[i])}::${sql.raw(cast(c.type).param)}`);
  await tx.execute(sql`insert into ${sql.raw(table)} (${sql.raw(columns.map((c) => c.name).join(', '))})
    select ${sql.raw(selectList)} from unnest(${sql.join(params, sql`, `)}) as u(${sql.raw(names.join(', '))})`);
}
