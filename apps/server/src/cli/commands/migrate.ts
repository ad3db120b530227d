import { loadConfig } from '../../config/config.ts';
import { openForConfig } from '../../app/open.ts';
import { createLogger } from '../../platform/logger.ts';
import type { Command } from '../command.ts';
import { reportError } from '../system-for-cli.ts';

export const command: Command = {
  summary: 'Apply database migrations (also done at every start).',
  async run(_args, io) {
    try {
      const config = loadConfig(io.env);
      const opened = await openForConfig(config, createLogger({ level: 'warn' }));
      const applied = opened.migrations.applied;
      await opened.close();
      io.stdout.write(applied.length ? `applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m.module}/${m.name}`).join('\n')}\n` : 'database is up to date\n');
      return 0;
    } catch (err) {
      return reportError(err, io.stderr);
    }
  },
};
