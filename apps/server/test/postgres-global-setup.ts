// Global setup of the server-postgres test project: one PostgreSQL server for the run and a migrated template
// database; each test file clones it (CREATE DATABASE … TEMPLATE) in milliseconds.
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { MIGRATION_SOURCES } from '../src/app/migrations.ts';
import { findPostgresBin, startPostgres, type RunningPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    postgresSkipReason: string | null;
  }
}

let server: RunningPostgres | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  if (!findPostgresBin()) {
    const reason = 'PostgreSQL is not installed here (apt-get install postgresql)';
    if (process.env.CI) throw new Error(`${reason}: CI requires the PostgreSQL suite to run`);
    console.warn(`\n*** ${reason}: the server-postgres tests are SKIPPED. Install it to run them. ***\n`);
    project.provide('postgresUrl', null);
    project.provide('postgresSkipReason', reason);
    return () => {};
  }
  server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('create database txng_template');
  await admin.end();
  const db = await openDatabase({ databaseUrl: server.urlFor('txng_template'), poolSize: 2 });
  await migrate(db, MIGRATION_SOURCES);
  await db.close();
  project.provide('postgresUrl', server.url);
  project.provide('postgresSkipReason', null);
  return () => server?.stop();
}
