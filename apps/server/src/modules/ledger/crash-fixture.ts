// Test fixture for crash.test.ts on PGlite, where the server process owns the embedded database and nothing else
// can write to it: the real server (configuration → migrated database → system → HTTP and workers, as main.ts
// does) plus a writer that commits records through recordInLedger and prints `ack <id>` after each commit.
// Run: node --import tsx crash-fixture.ts, with the server's environment and CRASH_PREFIX / CRASH_WRITE.
import { loadConfig } from '../../config/config.ts';
import { openForConfig } from '../../app/open.ts';
import { createSystem } from '../../app/system.ts';
import { createLogger } from '../../platform/logger.ts';
import { recordInLedger } from '../../platform/ledger/ledger-entry.ts';

const config = loadConfig(process.env);
const log = createLogger({ level: config.logLevel });
const opened = await openForConfig(config, log);
const system = await createSystem({ config, log, db: opened.db, secrets: opened.secrets, clock: opened.clock });
system.startWorkers();
await system.app.listen({ host: '127.0.0.1', port: config.port });
process.stdout.write('ready\n');

const prefix = process.env.CRASH_PREFIX ?? 'run';
if (process.env.CRASH_WRITE === 'true') {
  for (let i = 0; ; i++) {
    const ids = Array.from({ length: 20 }, (_, k) => `${prefix}-${i}-${k}`);
    await opened.db.transaction(async (tx) => {
      for (const id of ids) await recordInLedger(tx, { kind: 'epcis.event', id, content: { id } });
    });
    process.stdout.write(`ack ${ids.join(' ')}\n`);
    // PGlite has one connection: leave the sequencer and HTTP requests their turn, as request traffic would.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
