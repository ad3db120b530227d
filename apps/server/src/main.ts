// `npm start` / `txng serve`: configuration → database (migrated) → demo data when empty → HTTP + workers.
import { loadConfig, ConfigError } from './config/config.ts';
import { seedDemoIfEmpty, demoBanner } from './app/demo/seed-demo.ts';
import { stampsDemoBanner } from './app/demo/stamps-demo.ts';
import { openForConfig } from './app/open.ts';
import { createSystem } from './app/system.ts';
import { createLogger } from './platform/logger.ts';

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel });
  const opened = await openForConfig(config, log);
  if (opened.secrets.generated) log.warn('demo mode: using a generated secret kept in the data folder; set TXNG_SECRET in production');
  const system = await createSystem({ config, log, db: opened.db, secrets: opened.secrets, clock: opened.clock });
  const demo = config.demo ? await seedDemoIfEmpty(system, config, opened.secrets.pseudonym) : undefined;
  if (config.runWorkers) system.startWorkers();
  await system.app.listen({ host: config.host, port: config.port });
  log.info({ url: config.publicBaseUrl, database: opened.db.kind }, 'TXNG Sơn La is running');
  if (demo) console.log(demoBanner(demo, config));
  if (demo) console.log(stampsDemoBanner(config));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await system.stop();
      await opened.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer();
}
