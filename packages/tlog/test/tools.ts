// Test support for the independent-implementation checks: find an external tool, or decide how to fail.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether `command --version`-style probing succeeds. */
export function hasTool(command: string, args: string[]): boolean {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  return probe.status === 0;
}

export const GO_X_MOD = '/usr/share/gocode/src/golang.org/x/mod/sumdb';

export function hasGoXMod(): boolean {
  return hasTool('go', ['version']) && existsSync(`${GO_X_MOD}/note/note.go`) && existsSync(`${GO_X_MOD}/tlog/tlog.go`);
}

/**
 * When a tool is missing: in CI (CI=true) the check must fail, elsewhere it is skipped with a loud message.
 * Returns true when the tests should run.
 */
export function requireTool(available: boolean, what: string): boolean {
  if (available) return true;
  const message = `${what} is not installed: the independent-implementation cross-check cannot run`;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true)`);
  console.warn(`\n!!! SKIPPED: ${message}. Install it to run this check. !!!\n`);
  return false;
}
