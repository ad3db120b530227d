import pg from 'pg';
import type { Orm } from './database.ts';

/**
 * The node-postgres connection a transaction runs on (drizzle's transaction session holds the checked-out client),
 * or undefined when `tx` is not a node-postgres transaction (PGlite, or the pool itself). COPY must run on the
 * transaction's own connection to be part of it.
 */
export function transactionClient(tx: Orm): pg.ClientBase | undefined {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client && (tx as unknown as { nestedIndex?: unknown }).nestedIndex !== undefined ? client : undefined;
}
