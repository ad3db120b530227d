// Migration order: platform first, then modules in dependency order. A new module appends itself here.
import { fileURLToPath } from 'node:url';
import type { MigrationSource } from '../platform/db/migrate.ts';
import { geoModule } from '../modules/geo/index.ts';
import { identityModule } from '../modules/identity/index.ts';
import { ledgerModule } from '../modules/ledger/index.ts';
import { catalogModule } from '../modules/catalog/index.ts';
import { epcisModule } from '../modules/epcis/index.ts';
import { stampsModule } from '../modules/stamps/index.ts';
import { publicModule } from '../modules/public/index.ts';
import { traceModule } from '../modules/trace/index.ts';
import { recallModule } from '../modules/recall/index.ts';

export const MIGRATION_SOURCES: readonly MigrationSource[] = [
  { module: 'platform', dir: fileURLToPath(new URL('../platform/migrations/', import.meta.url)) },
  { module: geoModule.name, dir: geoModule.migrationsDir },
  { module: identityModule.name, dir: identityModule.migrationsDir },
  { module: catalogModule.name, dir: catalogModule.migrationsDir },
  { module: ledgerModule.name, dir: ledgerModule.migrationsDir },
  { module: epcisModule.name, dir: epcisModule.migrationsDir },
  { module: stampsModule.name, dir: stampsModule.migrationsDir },
  { module: publicModule.name, dir: publicModule.migrationsDir },
  { module: traceModule.name, dir: traceModule.migrationsDir },
  { module: recallModule.name, dir: recallModule.migrationsDir },
];
