// Opens what a process needs from the configuration: secrets, the database (migrated), and the services.
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { lockDataDir } from '../platform/db/data-dir-lock.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrate, type MigrationResult } from '../platform/db/migrate.ts';
import { loadSecrets, type Secrets } from '../platform/security/secrets.ts';
import { MIGRATION_SOURCES } from './migrations.ts';

export interface Opened {
  readonly db: Database;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly migrations: MigrationResult;
  close(): Promise<void>;
}

export async function openForConfig(config: Config, log: Logger): Promise<Opened> {
  const secrets = await loadSecrets(config);
  let unlock = () => {};
  const pgliteDir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl) unlock = lockDataDir(pgliteDir);
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, databaseReadUrl: config.databaseReadUrl, pgliteDir });
    const migrations = await migrate(db, MIGRATION_SOURCES);
    if (migrations.applied.length) log.info({ applied: migrations.applied.map((m) => `${m.module}/${m.name}`) }, 'migrations applied');
    return {
      db,
      secrets,
      clock: systemClock,
      migrations,
      close: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
