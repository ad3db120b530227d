// Loopback load for the resolver benchmark: wrk (Debian's package) against the server and against nginx
// (Debian's /usr/sbin/nginx, started here with a temporary configuration) serving a saved copy of the page.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
}

function ms(value: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

/** Runs wrk with `--latency` (optionally cycling through the paths listed in `pathsFile`). Asynchronous: the
 * server under test may live in this very process. */
export async function wrk(url: string, options: { seconds: number; connections: number; pathsFile?: string; dir: string }): Promise<LoadResult> {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-H', 'Accept: text/html', '-H', 'Accept-Language: vi'];
  if (options.pathsFile) {
    const script = path.join(options.dir, 'paths.lua');
    writeFileSync(
      script,
      `local paths = {}\nfor line in io.lines("${options.pathsFile}") do paths[#paths + 1] = line end\nlocal i = 0\n` +
        'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n',
    );
    args.push('-s', script);
  }
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('wrk', [...args, url]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const out = run.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = ms(/\n\s+50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = ms(/\n\s+99%\s+(\S+)/.exec(out)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  if (!(rps > 0)) throw new Error(`wrk measured nothing:\n${out}\n${run.stderr}`);
  return { requestsPerSecond: rps, p50Ms: p50, p99Ms: p99, non2xx };
}

export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

/** nginx with one worker (like the one Node process it is compared with) serving `html` at every path. Its
 * worker runs as an unprivileged user, so the page lives in a world-readable folder of its own (a folder made by
 * mkdtemp is private: nginx would answer 404 for every request, fast). `check()` fetches the page once. */
export function startNginx(port: number, html: string): { stop(): void; check(): Promise<void> } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  chmodSync(root, 0o755);
  writeFileSync(path.join(root, 'page.html'), html, { mode: 0o644 });
  const conf = path.join(root, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;\ndaemon off;\npid ${root}/nginx.pid;\nerror_log ${root}/error.log;\nevents { worker_connections 1024; }\n` +
      `http {\n  access_log off;\n  client_body_temp_path ${root}/body;\n  proxy_temp_path ${root}/proxy;\n  fastcgi_temp_path ${root}/fastcgi;\n  uwsgi_temp_path ${root}/uwsgi;\n  scgi_temp_path ${root}/scgi;\n` +
      `  server {\n    listen 127.0.0.1:${port};\n    root ${root};\n    location / { default_type "text/html; charset=utf-8"; try_files /page.html =404; }\n  }\n}\n`,
  );
  const child: ChildProcess = spawn('/usr/sbin/nginx', ['-c', conf, '-p', root], { stdio: 'ignore' });
  return {
    stop: () => {
      child.kill('SIGTERM');
      setTimeout(() => rmSync(root, { recursive: true, force: true }), 500).unref();
    },
    async check() {
      for (let i = 0; ; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/check`);
          const body = await res.text();
          if (res.status !== 200 || body !== html) throw new Error(`nginx answered ${res.status} with ${body.length} characters instead of the saved page`);
          return;
        } catch (err) {
          if (i >= 20 || (err as Error).message.startsWith('nginx answered')) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
  };
}
