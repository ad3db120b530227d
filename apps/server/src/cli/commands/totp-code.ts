import { DEMO_OFFICIALS } from '../../app/demo/demo-data.ts';
import { demoTotpSecret } from '../../app/demo/seed-demo.ts';
import { loadConfig } from '../../config/config.ts';
import { totpCode } from '../../modules/identity/index.ts';
import { loadSecrets } from '../../platform/security/secrets.ts';
import type { Command } from '../command.ts';

export const command: Command = {
  summary: 'Demo mode only: print the current 6-digit sign-in code of a demo official: <email>.',
  async run(args, io) {
    const email = args[0];
    if (!email) {
      io.stderr.write('usage: txng totp-code <email of a demo official>\n');
      return 2;
    }
    const config = loadConfig(io.env);
    if (!config.demo || !DEMO_OFFICIALS.some((o) => o.email === email.trim().toLowerCase())) {
      io.stderr.write('error: codes can be printed only for the demo officials, in demo mode\n');
      return 1;
    }
    const secrets = await loadSecrets(config);
    io.stdout.write(`${await totpCode(demoTotpSecret(email, secrets.pseudonym), new Date())}\n`);
    return 0;
  },
};
