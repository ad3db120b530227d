import { parseArgs } from 'node:util';
import { systemContext } from '../../platform/request-context.ts';
import type { Command } from '../command.ts';
import { reportError, withSystem } from '../system-for-cli.ts';

export const command: Command = {
  summary: 'Create a province administrator: --email <e> [--password <p>] [--name <full name>].',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } }));
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n`);
      return 2;
    }
    if (!values.email) {
      io.stderr.write('usage: txng create-admin --email <email> [--password <password>] [--name <full name>]\n');
      return 2;
    }
    try {
      return await withSystem(io.env, async (system) => {
        const { user, setupLink } = await system.services.users.createOfficial(systemContext('cli:create-admin'), {
          email: values.email!,
          fullName: values.name ?? 'Quản trị tỉnh',
          role: 'province_admin',
          departmentCode: 'dost',
          ...(values.password ? { password: values.password } : {}),
        });
        io.stdout.write(`created province administrator ${user.email} (${user.id})\n`);
        if (setupLink) io.stdout.write(`choose a password at: ${setupLink}\n`);
        io.stdout.write('at first sign-in, the portal asks to set up the authenticator app (second factor).\n');
        return 0;
      });
    } catch (err) {
      return reportError(err, io.stderr);
    }
  },
};
