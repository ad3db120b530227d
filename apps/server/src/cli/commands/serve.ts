import type { Command } from '../command.ts';

export const command: Command = {
  summary: 'Run the server (same as npm start, without building the portal).',
  async run(_args, io) {
    const { startServer } = await import('../../main.ts');
    await startServer(io.env);
    return new Promise<number>(() => {});
  },
};
