// The real server as its own process (`apps/server/src/main.ts`, as `npm start` runs it) for benchmarks that
// measure it from outside: load generators and browsers then compete with it for the CPU as they would with a
// deployed server, and nothing of the benchmark's own process (setup, figures) runs on its event loop.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  readonly baseUrl: string;
  readonly pid: number;
  /** What the process printed so far (for failure messages). */
  output(): string;
  /** SIGTERM (a clean shutdown: scans flushed), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

export async function startServerProcess(options: { port: number; env: Record<string, string>; readyTimeoutMs?: number; nodeArgs?: string[] }): Promise<ServerProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // nodeArgs: e.g. --cpu-prof, which NODE_OPTIONS does not allow.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(options.port), PUBLIC_BASE_URL: baseUrl, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 240_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, pid: child.pid!, output: () => output, stop };
}
