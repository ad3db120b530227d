// Starts a throw-away PostgreSQL server from Debian's binaries: initdb in a temporary folder, a free loopback
// port, no Docker. Used by the test harness (server-postgres project) and by benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningPostgres {
  /** Connection URL of the `postgres` database as superuser `txng`. */
  readonly url: string;
  readonly port: number;
  readonly version: string;
  urlFor(database: string): string;
  stop(): void;
}

/** The bin folder of the newest installed Debian PostgreSQL, or undefined. */
export function findPostgresBin(): string | undefined {
  if (process.env.TXNG_PG_BIN && existsSync(path.join(process.env.TXNG_PG_BIN, 'initdb'))) return process.env.TXNG_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(options: { settings?: Record<string, string> } = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql); the PostgreSQL suite needs it');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'txng-pg-'));
  const data = path.join(dir, 'data');
  // PostgreSQL refuses to run as root; when we are root, run it as the `postgres` system user.
  const asRoot = process.getuid?.() === 0;
  let uid: number | undefined;
  let gid: number | undefined;
  if (asRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(path.join(bin, cmd), args, { uid, gid, cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout || r.error?.message}`);
    return r.stdout;
  };
  run('initdb', ['-D', data, '-U', 'txng', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    shared_buffers: '128MB',
    ...options.settings,
  };
  const opts = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  const version = run('postgres', ['--version']).trim();
  const urlFor = (database: string) => `postgres://txng@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    version,
    urlFor,
    stop: () => {
      spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { uid, gid, cwd: dir });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
