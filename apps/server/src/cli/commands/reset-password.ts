import { parseArgs } from 'node:util';
import { systemContext } from '../../platform/request-context.ts';
import type { Command } from '../command.ts';
import { reportError, withSystem } from '../system-for-cli.ts';

export const command: Command = {
  summary: 'Set a user\'s password and end their sessions: --email <e> --password <p>.',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { email: { type: 'string' }, password: { type: 'string' } } }));
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n`);
      return 2;
    }
    if (!values.email || !values.password) {
      io.stderr.write('usage: txng reset-password --email <email> --password <new password>\n');
      return 2;
    }
    try {
      return await withSystem(io.env, async (system) => {
        const user = await system.services.users.findByEmail(values.email!);
        if (!user) {
          io.stderr.write(`error: no user with e-mail ${values.email}\n`);
          return 1;
        }
        await system.services.users.setPassword(systemContext('cli:reset-password'), user.id, values.password!);
        io.stdout.write(`password of ${user.email} changed; their sessions were ended\n`);
        return 0;
      });
    } catch (err) {
      return reportError(err, io.stderr);
    }
  },
};
