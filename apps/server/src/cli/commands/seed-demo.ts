import { demoBanner, seedDemoIfEmpty } from '../../app/demo/seed-demo.ts';
import type { Command } from '../command.ts';
import { reportError, withSystem } from '../system-for-cli.ts';

export const command: Command = {
  summary: 'Seed the fictional Sơn La demo data into an empty database (refused in production).',
  async run(_args, io) {
    try {
      return await withSystem(io.env, async (system, config, secrets) => {
        if (!config.demo) {
          io.stderr.write('error: demo data is only seeded in demo mode (TXNG_DEMO=true, not in production)\n');
          return 1;
        }
        const summary = await seedDemoIfEmpty(system, config, secrets.pseudonym);
        io.stdout.write(demoBanner(summary, config));
        return 0;
      });
    } catch (err) {
      return reportError(err, io.stderr);
    }
  },
};
