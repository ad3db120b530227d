// Opens the configured database and services for a command-line task, and closes them afterwards.
import { loadConfig, type Config } from '../config/config.ts';
import { openForConfig } from '../app/open.ts';
import { createSystem, type System } from '../app/system.ts';
import { createLogger } from '../platform/logger.ts';
import type { Secrets } from '../platform/security/secrets.ts';

export async function withSystem<T>(env: NodeJS.ProcessEnv, fn: (system: System, config: Config, secrets: Secrets) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const log = createLogger({ level: env.LOG_LEVEL ?? 'warn' });
  const opened = await openForConfig(config, log);
  const system = await createSystem({ config, log, db: opened.db, secrets: opened.secrets, clock: opened.clock });
  try {
    return await fn(system, config, opened.secrets);
  } finally {
    await system.app.close();
    await opened.close();
  }
}

/** Prints an error from a service (AppError) or configuration in one readable line; returns exit code 1. */
export function reportError(err: unknown, stderr: NodeJS.WritableStream): number {
  const e = err as { code?: string; fields?: { pointer: string; code: string }[]; message?: string };
  const fields = e.fields?.length ? ` (${e.fields.map((f) => `${f.pointer}: ${f.code}`).join(', ')})` : '';
  stderr.write(`error: ${e.code ?? e.message ?? String(err)}${fields}\n`);
  return 1;
}
