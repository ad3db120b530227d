import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Command, CommandIo } from './command.ts';

// Each sub-command lives in its own file under ./commands/<name>.ts and exports `command`,
// so capabilities add commands without editing a shared list.
const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));

async function commandNames(): Promise<string[]> {
  const files = await readdir(commandsDir);
  return files
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return undefined;
  if (!(await commandNames()).includes(name)) return undefined;
  const mod = (await import(`./commands/${name}.ts`)) as { command: Command };
  return mod.command;
}

export async function main(argv: string[], io: CommandIo = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const lines = ['Usage: txng <command> [options]', '', 'Commands:'];
    for (const n of await commandNames()) {
      const c = await loadCommand(n);
      lines.push(`  ${n.padEnd(16)} ${c?.summary ?? ''}`);
    }
    io.stdout.write(lines.join('\n') + '\n');
    return name ? 0 : 1;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(`txng: unknown command "${name}". Run "txng help" for the list.\n`);
    return 2;
  }
  return command.run(rest, io);
}
